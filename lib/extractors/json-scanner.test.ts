import { describe, expect, it } from "vitest";
import { JsonDepthError, JsonSyntaxError, lineAndColumn, parseJsonPrefix } from "@/lib/extractors/json-scanner";

const parse = (text: string, truncated = false, maxDepth = 64) => parseJsonPrefix(text, 0, { truncated, maxDepth });

describe("parseJsonPrefix", () => {
  it("parses what JSON.parse parses", () => {
    for (const text of ['{"a":[1,-2.5e3,true,false,null,"x\\"y\\u00e9"],"b":{}}', "[]", ' "s" ', "0", '[{"":[[]]}]']) {
      const parsed = parse(text);
      expect(parsed.complete).toBe(true);
      expect(parsed.value).toEqual(JSON.parse(text));
    }
  });

  it("rejects what JSON.parse rejects, with a position", () => {
    for (const [text, position] of [
      ["[1,]", 3],
      ["{'a':1}", 1],
      ['{"a" 1}', 5],
      ["[01]", 2],
      ['["a\\x"]', 1],
      ["[1 2]", 3],
      ['"tab\there"', 4],
      ["[", 1],
    ] as const) {
      let error: unknown;
      try {
        parse(text);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(JsonSyntaxError);
      expect((error as JsonSyntaxError).position, text).toBe(position);
    }
  });

  it("keeps what was complete before a cut, and marks the containers left open", () => {
    const parsed = parse('{"data":[{"a":1},{"a":2},{"a":', true);
    expect(parsed.complete).toBe(false);
    const data = (parsed.value as { data: object[] }).data;
    expect(data).toEqual([{ a: 1 }, { a: 2 }, {}]);
    expect(parsed.incomplete.has(data)).toBe(true);
    expect(parsed.incomplete.has(data[1]!)).toBe(false);
    expect(parsed.incomplete.has(data[2]!)).toBe(true);
    // A number or literal touching the cut may be longer in the file: it is left out.
    expect(parse("[1,22", true).value).toEqual([1]);
    expect(parse("[true,fal", true).value).toEqual([true]);
    expect(parse('["ab', true).value).toEqual([]);
  });

  it("stops at the depth limit without recursion", () => {
    expect(() => parse("[".repeat(100_000), true)).toThrow(JsonDepthError);
    expect(() => parse("[[[]]]", false, 2)).toThrow(JsonDepthError);
    expect(parse("[[]]", false, 2).value).toEqual([[]]);
  });

  it("reads one value and says where it ended", () => {
    const parsed = parse('{"a":1}\n{"a":2}');
    expect([parsed.value, parsed.end]).toEqual([{ a: 1 }, 7]);
    expect(lineAndColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});
