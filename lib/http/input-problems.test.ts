import { describe, expect, it } from "vitest";
import { findInputProblem, MAX_INPUT_DEPTH } from "@/lib/http/input-problems";

function nested(depth: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe("findInputProblem", () => {
  it("finds U+0000 in nested values and keys, by path", () => {
    expect(findInputProblem({ a: { b: ["ok", "x\u0000"] } })).toEqual({ kind: "nul", path: "a.b.1" });
    expect(findInputProblem({ ["k\u0000"]: 1 })).toEqual({ kind: "nul", path: "k\\u0000" });
    expect(findInputProblem("\u0000")).toEqual({ kind: "nul", path: "" });
  });

  it("finds a lone surrogate, in a value or a key, but passes a pair (an emoji)", () => {
    expect(findInputProblem({ title: "a\ud800b" })).toEqual({ kind: "surrogate", path: "title" });
    expect(findInputProblem({ list: ["\udfff"] })).toEqual({ kind: "surrogate", path: "list.0" });
    expect(findInputProblem({ ["k\ud800"]: 1 })).toEqual({ kind: "surrogate", path: "k\\ud800" });
    expect(findInputProblem({ title: "Data 📊 ok" })).toBeNull();
  });

  it("refuses nesting deeper than the limit without overflowing the stack itself", () => {
    expect(findInputProblem(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(findInputProblem(nested(MAX_INPUT_DEPTH + 1))?.kind).toBe("depth");
    const deep = JSON.parse("[".repeat(200_000) + "]".repeat(200_000));
    expect(findInputProblem(deep)).toEqual({ kind: "depth", path: Array(MAX_INPUT_DEPTH).fill("0").join(".") });
  });

  it("reports the first problem in document order", () => {
    expect(findInputProblem({ a: "fine", b: ["\u0000"], c: "\ud800" })).toEqual({ kind: "nul", path: "b.0" });
  });

  it("passes clean input", () => {
    expect(findInputProblem({ a: [1, null, true, "text \\u0000 escaped"], b: {} })).toBeNull();
  });
});
