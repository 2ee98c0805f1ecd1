import { describe, expect, it } from "vitest";
import type { FieldType } from "@/lib/extractors/types";
import { toDate, toDatetime } from "@/lib/fields/convert-dates";
import { convertValue } from "@/lib/fields/convert-value";

const FAILED = { ok: false };
const to = (type: FieldType, value: unknown) => convertValue(value, type);
const value = (v: unknown) => ({ ok: true, value: v });

describe("convertValue", () => {
  it("makes missing, empty and blank values null, whatever the type", () => {
    for (const type of ["text", "int", "double", "boolean", "date", "datetime", "geo_point_2d", "geo_shape"] as FieldType[]) {
      for (const empty of [undefined, null, "", "   "]) expect(to(type, empty), `${type} ${String(empty)}`).toEqual(value(null));
    }
  });

  it("text: the value as text, structures as JSON", () => {
    expect(to("text", " Brie ")).toEqual(value(" Brie "));
    expect(to("text", 12)).toEqual(value("12"));
    expect(to("text", false)).toEqual(value("false"));
    expect(to("text", { a: 1 })).toEqual(value('{"a":1}'));
  });

  it("int: integers only, safe ones", () => {
    expect(to("int", "42")).toEqual(value(42));
    expect(to("int", " -7 ")).toEqual(value(-7));
    expect(to("int", "+3")).toEqual(value(3));
    expect(to("int", 5)).toEqual(value(5));
    for (const bad of ["4.2", "1e3", "12a", "1 000", 4.5, true, "9007199254740993", 2 ** 53, [1]]) expect(to("int", bad), String(bad)).toEqual(FAILED);
  });

  it("double: a decimal point, never a comma", () => {
    expect(to("double", "3.14")).toEqual(value(3.14));
    expect(to("double", "-.5")).toEqual(value(-0.5));
    expect(to("double", "2.")).toEqual(value(2));
    expect(to("double", "1e-3")).toEqual(value(0.001));
    expect(to("double", "12")).toEqual(value(12));
    expect(to("double", 1.5)).toEqual(value(1.5));
    for (const bad of ["3,14", "1.2.3", "NaN", "Infinity", "1e999", "abc", Number.NaN, false]) expect(to("double", bad), String(bad)).toEqual(FAILED);
  });

  it("boolean: true/false and 1/0", () => {
    expect(to("boolean", "TRUE")).toEqual(value(true));
    expect(to("boolean", "0")).toEqual(value(false));
    expect(to("boolean", 1)).toEqual(value(true));
    expect(to("boolean", false)).toEqual(value(false));
    expect(to("boolean", "yes")).toEqual(FAILED);
  });

  it("geo_point_2d: \"lat,lon\", [lat, lon] or {lat, lon}, within range, as {lon, lat}", () => {
    expect(to("geo_point_2d", "48.8566, 2.3522")).toEqual(value({ lon: 2.3522, lat: 48.8566 }));
    expect(to("geo_point_2d", "-33.9,151")).toEqual(value({ lon: 151, lat: -33.9 }));
    expect(to("geo_point_2d", [48.8, 2.3])).toEqual(value({ lon: 2.3, lat: 48.8 }));
    expect(to("geo_point_2d", { lon: 2.3, lat: 48.8 })).toEqual(value({ lon: 2.3, lat: 48.8 }));
    for (const bad of ["91,0", "0,181", "48.8;2.3", "48.8", [1], [1, 2, 3], ["48", "2"], { lat: 1 }, 48.8]) {
      expect(to("geo_point_2d", bad), JSON.stringify(bad)).toEqual(FAILED);
    }
  });

  it("geo_shape: a GeoJSON geometry, a Feature's, or its JSON text", () => {
    const point = { type: "Point", coordinates: [2.3, 48.8] };
    expect(to("geo_shape", point)).toEqual(value(point));
    expect(to("geo_shape", JSON.stringify(point))).toEqual(value(point));
    expect(to("geo_shape", { type: "Feature", geometry: point, properties: {} })).toEqual(value(point));
    for (const bad of ["{not json", '"text"', { type: "Point" }, [1, 2], 3]) expect(to("geo_shape", bad), JSON.stringify(bad)).toEqual(FAILED);
  });

  it("date and datetime: ISO text only", () => {
    expect(to("date", "2024-05-01")).toEqual(value("2024-05-01"));
    expect(to("datetime", "2024-05-01T12:00:00+02:00")).toEqual(value("2024-05-01T10:00:00Z"));
    expect(to("date", 20240501)).toEqual(FAILED);
    expect(to("datetime", 1714557600000)).toEqual(FAILED);
  });

  it("accepts its own output: converting twice changes nothing", () => {
    const cases: [FieldType, unknown][] = [
      ["int", "12"],
      ["double", "1.5"],
      ["date", "2024-05-01T23:00:00-05:00"],
      ["datetime", "2024-05-01 12:30+0530"],
      ["geo_point_2d", "1.5,2.5"],
      ["geo_shape", '{"type":"Point","coordinates":[1,2]}'],
      ["boolean", "true"],
      ["text", 3],
    ];
    for (const [type, input] of cases) {
      const once = to(type, input);
      expect(once.ok, type).toBe(true);
      expect(to(type, (once as { value: unknown }).value), type).toEqual(once);
    }
  });
});

describe("toDate", () => {
  it("reads YYYY-MM-DD, YYYY/MM/DD and the day of a datetime as written", () => {
    expect(toDate("2024-02-29")).toBe("2024-02-29");
    expect(toDate("2024/05/01")).toBe("2024-05-01");
    expect(toDate("2024-05-01T23:30:00-05:00")).toBe("2024-05-01");
    expect(toDate("2024-05-01 08:00")).toBe("2024-05-01");
  });

  it("refuses impossible days and guessed formats", () => {
    for (const bad of ["2023-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "01/05/2024", "2024-5-1", "May 1, 2024", "2024-05-01T25:00"]) {
      expect(toDate(bad), bad).toBeNull();
    }
  });
});

describe("toDatetime", () => {
  it("normalizes offsets to UTC Z", () => {
    expect(toDatetime("2024-05-01T12:00:00+02:00")).toBe("2024-05-01T10:00:00Z");
    expect(toDatetime("2024-05-01T12:00:00-0330")).toBe("2024-05-01T15:30:00Z");
    expect(toDatetime("2024-05-01T12:00+05")).toBe("2024-05-01T07:00:00Z");
    expect(toDatetime("2024-05-01T12:00:00z")).toBe("2024-05-01T12:00:00Z");
    expect(toDatetime("2024-12-31T23:30:00-01:00")).toBe("2025-01-01T00:30:00Z");
    expect(toDatetime("2024-03-01T00:30:00+01:00")).toBe("2024-02-29T23:30:00Z");
  });

  it("keeps milliseconds when there are some, drops further digits", () => {
    expect(toDatetime("2024-05-01T12:00:00.5Z")).toBe("2024-05-01T12:00:00.500Z");
    expect(toDatetime("2017-06-07T15:16:05.701266+00:00")).toBe("2017-06-07T15:16:05.701Z");
    expect(toDatetime("2024-05-01T12:00:00.000Z")).toBe("2024-05-01T12:00:00Z");
  });

  it("takes a time without an offset as UTC and a day alone as its midnight", () => {
    expect(toDatetime("2024-05-01 08:15")).toBe("2024-05-01T08:15:00Z");
    expect(toDatetime("2024-05-01T08:15:30")).toBe("2024-05-01T08:15:30Z");
    expect(toDatetime("2024-05-01")).toBe("2024-05-01T00:00:00Z");
    expect(toDatetime("0050-01-01T00:00:00Z")).toBe("0050-01-01T00:00:00Z");
  });

  it("refuses impossible times and offsets", () => {
    for (const bad of ["2024-05-01T24:00:00Z", "2024-05-01T12:60Z", "2024-05-01T12:00:60Z", "2024-05-01T12:00+24:00", "2024-05-01T12:00+02:60", "2024-02-30T00:00Z", "2024-05-01T12", "12:00:00", "9999-12-31T23:00:00-02:00"]) {
      expect(toDatetime(bad), bad).toBeNull();
    }
  });
});
