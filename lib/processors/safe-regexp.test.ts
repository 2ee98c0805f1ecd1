import { describe, expect, it } from "vitest";
import { renderText } from "@/lib/errors/app-error";
import { compileRegexp, groupNames } from "@/lib/processors/safe-regexp";

const compile = (pattern: string) => {
  const compiled = compileRegexp(pattern);
  if (!compiled.ok) throw new Error(renderText(compiled.error));
  return compiled.regexp;
};
const refusal = (pattern: string) => {
  const compiled = compileRegexp(pattern);
  return compiled.ok ? null : renderText(compiled.error);
};

describe("compileRegexp", () => {
  it("finishes on a catastrophic-backtracking pattern (native RegExp would hang)", () => {
    const regexp = compile("(a+)+$");
    const input = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";
    expect(regexp.test(input)).toBe(false);
    expect(regexp.matcher(input).replaceAll("x")).toBe(input);
    expect(compile("(x+x+)+y").test("x".repeat(5000))).toBe(false);
  });

  it("refuses backreferences, numbered or named", () => {
    expect(refusal("(a)\\1")).toMatch(/Backreferences/);
    expect(refusal("(?<q>['\"]).*\\k<q>")).toMatch(/Backreferences/);
    // An escaped backslash followed by a digit is a literal backslash then a digit, not a backreference.
    expect(refusal("\\\\1")).toBeNull();
  });

  it("refuses lookaheads and lookbehinds", () => {
    for (const pattern of ["a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b"]) expect(refusal(pattern)).toMatch(/Lookaheads/);
    // Inside a character class, "(?=" is three literal characters.
    expect(refusal("[(?=]")).toBeNull();
    expect(refusal("\\(?=")).toBeNull();
  });

  it("explains other syntax errors with RE2's detail", () => {
    expect(refusal("[a-")).toMatch(/^Invalid regular expression: missing closing \]/);
    expect(refusal("a{1001}")).toMatch(/invalid repeat count/);
    expect(refusal("(")).toMatch(/missing closing \)/);
  });

  it("reads JavaScript-style named groups, inline flags and \\u escapes", () => {
    const dates = compile("(?<year>\\d{4})-(?<month>\\d{2})");
    expect(groupNames(dates)).toEqual(["year", "month"]);
    expect(compile("(?P<day>\\d+)").namedGroups()).toEqual({ day: 1 });
    expect(compile("(?i)paris").test("PARIS")).toBe(true);
    expect(compile("caf\\u00e9").test("café")).toBe(true);
    expect(compile("\\u{1F600}").test("😀")).toBe(true);
    expect(compile("[\\]a]+").test("]")).toBe(true);
  });

  it("expands replacements as String.prototype.replace does", () => {
    expect(compile("(\\d{2})/(\\d{2})").matcher("15/01 and 16/02").replaceAll("$2-$1")).toBe("01-15 and 02-16");
    expect(compile("(?<w>\\w+)").matcher("a b").replaceAll("[$<w>|$&|$$]")).toBe("[a|a|$] [b|b|$]");
  });
});
