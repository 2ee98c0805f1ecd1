import { describe, expect, it } from "vitest";
import { fields, processor, run, typeOf, validationErrors } from "@/lib/processors/test-fixtures";

describe("normalize_number", () => {
  const input = fields("amount");

  it("reads French numbers (decimal comma, space or no-break space thousands)", () => {
    const spec = processor("normalize_number", { field: "amount", decimal_separator: ",", thousands_separator: " " });
    const step = run(spec, input, [{ amount: "1 234,5" }, { amount: "1\u00a0234\u202f567,25" }, { amount: "-0,5" }, { amount: " 42 " }, { amount: 7.5 }]);
    expect(step.records.map((r) => r.amount)).toEqual([1234.5, 1234567.25, -0.5, 42, 7.5]);
    expect(typeOf(step.fields, "amount")).toBe("double");
    expect(step.error_count).toBe(0);
  });

  it("reads English numbers with comma thousands", () => {
    const step = run(processor("normalize_number", { field: "amount", thousands_separator: "," }), input, [{ amount: "1,234,567.89" }, { amount: "1e3" }]);
    expect(step.records.map((r) => r.amount)).toEqual([1234567.89, 1000]);
  });

  it("leaves empty values null and turns unparseable ones into null with a record error", () => {
    const spec = processor("normalize_number", { field: "amount", decimal_separator: "," });
    const step = run(spec, input, [{ amount: null }, { amount: "" }, { amount: "12.5" }, { amount: "abc" }, { amount: true }, { amount: ["1,5", "x"] }, { amount: "1,2,3" }]);
    expect(step.records.map((r) => r.amount)).toEqual([null, null, null, null, null, [1.5, null], null]);
    expect(step.error_count).toBe(5);
    expect(step.errors[0]).toEqual({ record: 2, message: "Field “amount”: “12.5” is not a number." });
  });

  it("refuses fractions for int output", () => {
    const step = run(processor("normalize_number", { field: "amount", output_type: "int", thousands_separator: "." , decimal_separator: "," }), input, [{ amount: "1.234" }, { amount: "1,5" }, { amount: "-0" }]);
    expect(step.records.map((r) => r.amount)).toEqual([1234, null, 0]);
    expect(Object.is(step.records[2]!.amount, -0)).toBe(false);
    expect(step.errors).toEqual([{ record: 1, message: "Field “amount”: “1,5” is not a whole number." }]);
    expect(typeOf(step.fields, "amount")).toBe("int");
  });

  it("validates separators and warns on a missing field", () => {
    expect(validationErrors(() => processor("normalize_number", { field: "amount", decimal_separator: ",", thousands_separator: "," }))).toEqual({
      thousands_separator: ["The thousands separator must differ from the decimal separator."],
    });
    expect(validationErrors(() => processor("normalize_number", { field: "amount", decimal_separator: ";" })).decimal_separator?.[0]).toMatch(/^Choose one of/);
    expect(run(processor("normalize_number", { field: "nope" }), input, [{}]).warnings).toHaveLength(1);
  });
});

describe("geo_point_from_lat_lon", () => {
  const input = fields(["lat", "double"], "lon");
  const spec = processor("geo_point_from_lat_lon", { latitude_field: "lat", longitude_field: "lon" });

  it("builds a geo_point_2d field named geo_point_2d by default", () => {
    const step = run(spec, input, [{ lat: 48.8566, lon: "2.3522" }, { lat: "45,75", lon: "4,85" }, { lat: -0, lon: 0 }]);
    expect(step.records.map((r) => r.geo_point_2d)).toEqual(["48.8566,2.3522", "45.75,4.85", "0,0"]);
    expect(step.fields.at(-1)).toMatchObject({ name: "geo_point_2d", type: "geo_point_2d" });
  });

  it("gives null for empty coordinates and record errors for out-of-range or unreadable ones", () => {
    const step = run(spec, input, [{ lat: null, lon: 2 }, { lat: 91, lon: 2 }, { lat: 45, lon: -180.5 }, { lat: "north", lon: 2 }, { lat: [1], lon: 2 }]);
    expect(step.records.map((r) => r.geo_point_2d)).toEqual([null, null, null, null, null]);
    expect(step.errors.map((e) => e.message)).toEqual([
      "Field “lat”: “91” is not a latitude from -90 to 90.",
      "Field “lon”: “-180.5” is not a longitude from -180 to 180.",
      "Field “lat”: “north” is not a latitude from -90 to 90.",
      "Field “lat”: “[1]” is not a latitude from -90 to 90.",
    ]);
  });

  it("writes where asked and warns on a missing field", () => {
    const step = run(processor("geo_point_from_lat_lon", { latitude_field: "lat", longitude_field: "lon", output_field: "position" }), input, [{ lat: 1, lon: 2 }]);
    expect(step.records[0]).toEqual({ lat: 1, lon: 2, position: "1,2" });
    expect(run(processor("geo_point_from_lat_lon", { latitude_field: "y", longitude_field: "lon" }), input, [{}]).warnings).toEqual([
      "Field “y” does not exist: this processor does nothing.",
    ]);
  });
});
