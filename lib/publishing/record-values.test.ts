import { describe, expect, it } from "vitest";
import { decodeValue } from "@/lib/explore/odsql";
import { encodeValue } from "@/lib/publishing/record-values";

const field = (type: Parameters<typeof encodeValue>[0]["type"], multivalued = false) => ({ type, multivalued });

describe("record values", () => {
  it("always stores datetimes with milliseconds so that text order is time order", () => {
    const a = encodeValue(field("datetime"), "2020-01-01T00:00:00Z", "sqlite") as string;
    const b = encodeValue(field("datetime"), "2020-01-01T00:00:00.500Z", "sqlite") as string;
    expect(a).toBe("2020-01-01T00:00:00.000Z");
    expect(a < b).toBe(true);
  });

  it("stores booleans as 0/1 on SQLite and as booleans on PostgreSQL, and reads both back", () => {
    expect(encodeValue(field("boolean"), true, "sqlite")).toBe(1);
    expect(encodeValue(field("boolean"), false, "postgresql")).toBe(false);
    expect(decodeValue(1, { type: "boolean", multivalued: false })).toBe(true);
    expect(decodeValue(false, { type: "boolean", multivalued: false })).toBe(false);
  });

  it("round-trips points, shapes and multivalued text", () => {
    const point = encodeValue(field("geo_point_2d"), { lat: 48.85, lon: 2.35 }, "sqlite");
    expect(point).toBe("48.85,2.35");
    expect(decodeValue(point, { type: "geo_point_2d", multivalued: false })).toEqual({ lat: 48.85, lon: 2.35 });
    const shape = { type: "Point", coordinates: [2.35, 48.85] };
    expect(decodeValue(encodeValue(field("geo_shape"), shape, "sqlite"), { type: "geo_shape", multivalued: false })).toEqual(shape);
    const tags = encodeValue(field("text", true), ["a", "b"], "sqlite");
    expect(decodeValue(tags, { type: "text", multivalued: true })).toEqual(["a", "b"]);
  });

  it("reads PostgreSQL's BIGINT strings as numbers", () => {
    expect(decodeValue("9007199254740991", { type: "int", multivalued: false })).toBe(9007199254740991);
    expect(decodeValue("12", { type: "number", multivalued: false })).toBe(12);
  });

  it("keeps nulls and drops non-finite numbers", () => {
    expect(encodeValue(field("double"), Number.NaN, "sqlite")).toBeNull();
    expect(encodeValue(field("text"), null, "sqlite")).toBeNull();
    expect(decodeValue(null, { type: "text", multivalued: false })).toBeNull();
  });
});
