import { describe, expect, it } from "vitest";
import { parseWhere } from "./index";
import { tokenize } from "./tokenizer";
import { odsqlFailure as failure } from "./test-fixtures";


describe("geo filters", () => {
  it("tokenizes geom literals and distances with or without a space", () => {
    expect(tokenize("geom'POINT(1 2)' GEOM\"POINT(3 4)\"", "where").map((t) => [t.kind, t.value])).toEqual([
      ["geom", "POINT(1 2)"],
      ["geom", "POINT(3 4)"],
      ["eof", ""],
    ]);
    expect(tokenize("10km 2.5 mi", "where").map((t) => [t.kind, t.value])).toEqual([
      ["number", "10"],
      ["ident", "km"],
      ["number", "2.5"],
      ["ident", "mi"],
      ["eof", ""],
    ]);
    expect(failure(() => tokenize("10kms", "where")).message).toBe('Invalid ODSQL in where: unexpected "10k" at position 1');
    expect(failure(() => tokenize("10x", "where")).message).toBe('Invalid ODSQL in where: unexpected "10x" at position 1');
  });

  it("parses within_distance in every unit", () => {
    const meters = (distance: string) => {
      const condition = parseWhere(`within_distance(location, geom'POINT(2.35 48.85)', ${distance})`);
      return condition.kind === "geo" ? condition.meters : undefined;
    };
    expect(meters("10km")).toBe(10_000);
    expect(meters("10 km")).toBe(10_000);
    expect(meters("500m")).toBe(500);
    expect(meters("500")).toBe(500);
    expect(meters("1mi")).toBe(1609.344);
    expect(meters("3ft")).toBeCloseTo(0.9144, 10);
    expect(meters("1yd")).toBe(0.9144);
    expect(meters("25cm")).toBe(0.25);
    expect(meters("7mm")).toBe(0.007);
    expect(parseWhere("WITHIN_DISTANCE(`location`, GEOM'POINT(2.35 48.85)', 1km) AND city = 'Paris'")).toMatchObject({
      kind: "and",
      left: { kind: "geo", fn: "within_distance", field: "location", geometry: { type: "Point", coordinates: [2.35, 48.85] }, meters: 1000 },
    });
  });

  it("parses intersects, within and disjoint with WKT or GeoJSON", () => {
    expect(parseWhere("intersects(location, geom'POLYGON((0 0, 1 0, 1 1, 0 0))')")).toMatchObject({ kind: "geo", fn: "intersects", geometry: { type: "Polygon" } });
    expect(parseWhere(`within(location, geom'{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}')`)).toMatchObject({ kind: "geo", fn: "within" });
    expect(parseWhere("not disjoint(location, geom'POINT(1 2)')")).toMatchObject({ kind: "not", operand: { kind: "geo", fn: "disjoint" } });
  });

  it("names the clause and the function of bad geometries and arguments", () => {
    expect(failure(() => parseWhere("within(location, geom'POLYGON((0 0, 1 0, 1 1))')")).message).toBe(
      "Invalid ODSQL in where: invalid geometry in within(): a polygon ring needs at least 4 positions at position 18",
    );
    expect(failure(() => parseWhere("intersects(location, geom'CIRCLE(1 2)')")).message).toContain("invalid geometry in intersects(): unsupported geometry CIRCLE");
    expect(failure(() => parseWhere("within(location, 'POINT(1 2)')")).message).toContain("within() needs a geometry such as geom'POINT(2.35 48.85)'");
    expect(failure(() => parseWhere("within_distance(location, geom'POINT(1 2)')")).message).toContain("unexpected \")\"");
    expect(failure(() => parseWhere("within_distance(location, geom'POINT(1 2)', km)")).message).toContain("needs a distance such as 10km");
    expect(failure(() => parseWhere("within_distance(location, geom'POINT(1 2)', 3 parsecs)")).message).toContain('unknown distance unit "parsecs"');
    expect(failure(() => parseWhere("within_distance(location, geom'POINT(1 2)', 3 constructor)")).message).toContain('unknown distance unit "constructor"');
    expect(failure(() => parseWhere("within_distance(location, geom'POLYGON((0 0, 1 0, 1 1, 0 0))', 3km)")).message).toContain("within_distance() needs a POINT geometry");
    expect(failure(() => parseWhere("location = geom'POINT(1 2)'")).message).toBe('Invalid ODSQL in where: unexpected "geom\'POINT(1 2)\'" at position 12');
  });
});
