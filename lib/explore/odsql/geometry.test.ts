import { describe, expect, it } from "vitest";
import { distanceBox, EARTH_RADIUS_M, edgesOf, haversine, parseGeometry, pointInPolygon, type Geometry } from "./geometry";

const PARIS = [2.35, 48.85] as const;
const LYON = [4.83, 45.76] as const;
const meters = (a: readonly [number, number], b: readonly [number, number]) => 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(haversine(a[1], a[0], b[1], b[0])));

describe("parseGeometry", () => {
  it("reads WKT points, polygons with holes and multipolygons", () => {
    expect(parseGeometry("POINT(2.35 48.85)")).toEqual({ type: "Point", coordinates: [2.35, 48.85] });
    expect(parseGeometry(" point ( -1.5e0  .5 ) ")).toEqual({ type: "Point", coordinates: [-1.5, 0.5] });
    expect(parseGeometry("POLYGON((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))")).toEqual({
      type: "Polygon",
      coordinates: [
        [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
        [[1, 1], [2, 1], [2, 2], [1, 1]],
      ],
    });
    const multi = parseGeometry("MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))") as Geometry;
    expect(multi.type).toBe("MultiPolygon");
    expect(multi.coordinates).toHaveLength(2);
  });

  it("reads the GeoJSON equivalents", () => {
    expect(parseGeometry('{"type":"Point","coordinates":[2.35,48.85]}')).toEqual({ type: "Point", coordinates: [2.35, 48.85] });
    expect(parseGeometry('{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}')).toMatchObject({ type: "Polygon" });
    expect(parseGeometry('{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}')).toMatchObject({ type: "MultiPolygon" });
  });

  it("says why a geometry is invalid", () => {
    expect(parseGeometry("POINT(2.35)")).toEqual({ error: "a position needs a longitude and a latitude" });
    expect(parseGeometry("POINT(200 10)")).toEqual({ error: expect.stringContaining("out of range") });
    expect(parseGeometry("POLYGON((0 0, 1 0, 1 1, 0 1))")).toEqual({ error: expect.stringContaining("must be closed") });
    expect(parseGeometry("POLYGON((0 0, 1 0, 0 0))")).toEqual({ error: expect.stringContaining("at least 4 positions") });
    expect(parseGeometry("LINESTRING(0 0, 1 1)")).toEqual({ error: expect.stringContaining("unsupported geometry LINESTRING") });
    expect(parseGeometry("POINT(1 2")).toEqual({ error: expect.stringContaining("invalid WKT") });
    expect(parseGeometry("POINT(1 2) x")).toEqual({ error: expect.stringContaining("invalid WKT") });
    expect(parseGeometry('{"type":"Point"')).toEqual({ error: expect.stringContaining("invalid GeoJSON") });
    expect(parseGeometry('{"type":"LineString","coordinates":[[0,0],[1,1]]}')).toEqual({ error: expect.stringContaining("unsupported GeoJSON type") });
    expect(parseGeometry("nonsense")).toEqual({ error: expect.stringContaining("invalid WKT") });
  });
});

describe("geo math", () => {
  it("measures great-circle distances", () => {
    expect(meters(PARIS, LYON) / 1000).toBeCloseTo(391.13, 1);
    expect(meters(PARIS, PARIS)).toBe(0);
  });

  it("tests points against polygons with the even-odd rule", () => {
    const square = parseGeometry("POLYGON((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 3 1, 3 3, 1 3, 1 1))") as Exclude<Geometry, { type: "Point" }>;
    const edges = edgesOf(square);
    expect(pointInPolygon(0.5, 0.5, edges)).toBe(true);
    expect(pointInPolygon(2, 2, edges)).toBe(false); // in the hole
    expect(pointInPolygon(5, 2, edges)).toBe(false);
  });

  it("bounds the circle of a distance filter", () => {
    const box = distanceBox(PARIS[0], PARIS[1], 10_000);
    expect(box.lat[1] - box.lat[0]).toBeCloseTo(0.18, 2);
    expect(box.lon![1] - box.lon![0]).toBeGreaterThan(0.27);
    expect(distanceBox(179.99, 0, 10_000).lon).toBeNull();
    expect(distanceBox(0, 89.99, 10_000).lon).toBeNull();
  });
});
