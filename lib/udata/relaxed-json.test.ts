import { describe, expect, it } from "vitest";
import { parseRelaxedJson, quoteBareKeys } from "./relaxed-json";

describe("parseRelaxedJson", () => {
  it("parses the data.gouv.fr guide's remote resource body, with its unquoted key", () => {
    const body = '{"title": "my title", "description": "My description", "type": "main", filetype: "remote", "format": "csv",  "url": "https://url.to/ressource.csv"}';
    expect(parseRelaxedJson(body)).toEqual({ title: "my title", description: "My description", type: "main", filetype: "remote", format: "csv", url: "https://url.to/ressource.csv" });
  });

  it("leaves strings alone, even ones that look like keys", () => {
    expect(quoteBareKeys('{"a": "{b: 1, c: 2}", d: "x\\"y, e: 1"}')).toBe('{"a": "{b: 1, c: 2}", "d": "x\\"y, e: 1"}');
  });

  it("still refuses what is not JSON with the strict parser's message", () => {
    expect(() => parseRelaxedJson("{title: }")).toThrow(SyntaxError);
    expect(() => parseRelaxedJson("not json")).toThrow(SyntaxError);
  });
});
