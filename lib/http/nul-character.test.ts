import { describe, expect, it } from "vitest";
import { findNulCharacter } from "@/lib/http/nul-character";

describe("findNulCharacter", () => {
  it("finds U+0000 in nested values and keys, by path", () => {
    expect(findNulCharacter({ a: { b: ["ok", "x\u0000"] } })).toBe("a.b.1");
    expect(findNulCharacter({ ["k\u0000"]: 1 })).toBe("k\\u0000");
    expect(findNulCharacter("\u0000")).toBe("");
  });

  it("passes clean input", () => {
    expect(findNulCharacter({ a: [1, null, true, "text \\u0000 escaped"], b: {} })).toBeNull();
  });
});
