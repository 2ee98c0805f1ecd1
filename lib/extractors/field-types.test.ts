import { describe, expect, it } from "vitest";
import { classifyText, guessFieldType } from "@/lib/extractors/field-types";

describe("field types", () => {
  it.each([
    ["42", "int"],
    ["-7", "int"],
    ["007", "text"],
    ["12345678901234567890", "text"],
    ["3.14", "double"],
    ["1e-3", "double"],
    ["1,5", "text"],
    ["TRUE", "boolean"],
    ["2024-02-29", "date"],
    ["2023-02-29", "text"],
    ["2024-05-01T12:30:00+02:00", "datetime"],
    ["2024-05-01 12:30", "datetime"],
    ["48.8566, 2.3522", "geo_point_2d"],
    ["91.0,2.0", "text"],
    ["=1+1", "text"],
  ])("%j is %s", (value, type) => expect(classifyText(value)).toBe(type));

  it("widens mixed values and ignores empty ones", () => {
    expect(guessFieldType(["1", "2.5", null, ""])).toBe("double");
    expect(guessFieldType(["2024-01-01", "2024-01-01T10:00:00"])).toBe("datetime");
    expect(guessFieldType(["1", "x"])).toBe("text");
    expect(guessFieldType([null])).toBe("text");
    expect(guessFieldType([1, 2])).toBe("int");
    expect(guessFieldType([{ type: "Point", coordinates: [1, 2] }])).toBe("geo_shape");
  });
});
