import { describe, expect, it } from "vitest";
import { fields, processor, run, validationErrors } from "@/lib/processors/test-fixtures";

const input = fields("v", "id");
const records = [
  { id: 0, v: "Paris" },
  { id: 1, v: "paris" },
  { id: 2, v: null },
  { id: 3, v: "" },
  { id: 4, v: 10 },
  { id: 5, v: "9.5" },
  { id: 6, v: ["Lyon", "Paris"] },
  { id: 7, v: [] },
  { id: 8, v: "100" },
  { id: 9, v: true },
];
/** The ids of the records the condition keeps. */
const kept = (operator: string, value?: string) => {
  const step = run(processor("skip_records", { field: "v", operator, value }), input, records);
  expect(step.skipped + step.records.length).toBe(records.length);
  return step.records.map((r) => r.id);
};

describe("skip_records", () => {
  it("equals / not_equals: exact text, numeric when both are numbers, any element of a list", () => {
    expect(kept("equals", "Paris")).toEqual([1, 2, 3, 4, 5, 7, 8, 9]);
    expect(kept("equals", "10.0")).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9]);
    expect(kept("equals", "true")).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(kept("not_equals", "Paris")).toEqual([0, 6]);
  });

  it("equals with an empty value matches null and empty text", () => {
    expect(kept("equals", "")).toEqual([0, 1, 4, 5, 6, 7, 8, 9]);
  });

  it("contains and matches (RE2)", () => {
    expect(kept("contains", "ari")).toEqual([2, 3, 4, 5, 7, 8, 9]);
    expect(kept("matches", "^(?i)paris$")).toEqual([2, 3, 4, 5, 7, 8, 9]);
    expect(kept("matches", "^\\d+$")).toEqual([0, 1, 2, 3, 5, 6, 7, 9]);
  });

  it("is_empty and is_not_empty", () => {
    expect(kept("is_empty")).toEqual([0, 1, 4, 5, 6, 8, 9]);
    expect(kept("is_not_empty")).toEqual([2, 3, 7]);
  });

  it("greater_than / less_than: numerically against a number (text never matches), in code-unit order against text", () => {
    expect(kept("greater_than", "9.9")).toEqual([0, 1, 2, 3, 5, 6, 7, 9]);
    expect(kept("less_than", "10")).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9]);
    // Against text, 10, "9.5", "100" and "Lyon" are all less than "M"; "true" and "paris" are not.
    expect(kept("less_than", "M")).toEqual([0, 1, 2, 3, 7, 9]);
  });

  it("needs a value for contains, matches and comparisons, and a valid RE2 pattern", () => {
    expect(validationErrors(() => processor("skip_records", { field: "v", operator: "contains" }))).toEqual({ value: ["The condition “contains” needs a value."] });
    expect(validationErrors(() => processor("skip_records", { field: "v", operator: "matches", value: "(a)\\1" })).value?.[0]).toMatch(/^Backreferences/);
    expect(validationErrors(() => processor("skip_records", { field: "v", operator: "like", value: "x" })).operator?.[0]).toMatch(/^Choose one of/);
    expect(validationErrors(() => processor("skip_records", { field: "v" }))).toEqual({ operator: ["This parameter is required."] });
  });

  it("drops nothing and warns when the field does not exist", () => {
    const step = run(processor("skip_records", { field: "nope", operator: "is_empty" }), input, records);
    expect(step).toMatchObject({ skipped: 0, warnings: ["Field “nope” does not exist: this processor does nothing."] });
    expect(step.records).toHaveLength(records.length);
  });
});
