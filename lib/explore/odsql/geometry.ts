// The geometries of `geom'…'` literals (WKT or GeoJSON) and the spherical math of the geo filters. The SQL of
// compile-geo.ts and the in-memory evaluation of evaluate.ts follow the same formulas, in the same order, so
// both answer alike. Coordinates are WGS 84 degrees, longitude first as in WKT and GeoJSON.

export type Position = [lon: number, lat: number];
export type Geometry =
  | { type: "Point"; coordinates: Position }
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] };

export type BoundingBox = { minLon: number; minLat: number; maxLon: number; maxLat: number };
/** One polygon edge, [lon1, lat1, lon2, lat2]; horizontal edges never cross a ray and are left out. */
export type Edge = [number, number, number, number];

/** Elasticsearch's mean Earth radius (GeoUtils.EARTH_MEAN_RADIUS), which Opendatasoft's distances use. */
export const EARTH_RADIUS_M = 6371008.7714;

export const DISTANCE_UNITS: Record<string, number> = { mm: 0.001, cm: 0.01, m: 1, km: 1000, ft: 0.3048, yd: 0.9144, mi: 1609.344 };

/** A geometry, or the reason it is not one (the caller names the clause). */
export function parseGeometry(text: string): Geometry | { error: string } {
  const trimmed = text.trim();
  try {
    const geometry = trimmed.startsWith("{") ? fromGeoJson(JSON.parse(trimmed) as unknown) : fromWkt(trimmed);
    validate(geometry);
    return geometry;
  } catch (error) {
    if (error instanceof GeometryError) return { error: error.message };
    if (error instanceof SyntaxError) return { error: `invalid GeoJSON (${error.message})` };
    throw error;
  }
}

class GeometryError extends Error {}
const fail = (message: string): never => {
  throw new GeometryError(message);
};

// ---- WKT: POINT, POLYGON, MULTIPOLYGON

function fromWkt(text: string): Geometry {
  const match = /^([A-Za-z]+)\s*(\(.*\))$/s.exec(text);
  if (!match) return fail(`invalid WKT ${JSON.stringify(text.slice(0, 40))}`);
  const type = match[1]!.toUpperCase();
  const body = parseNested(match[2]!);
  switch (type) {
    case "POINT":
      return { type: "Point", coordinates: position(body) };
    case "POLYGON":
      return { type: "Polygon", coordinates: rings(body) };
    case "MULTIPOLYGON":
      if (!Array.isArray(body) || body.length === 0) return fail("a MULTIPOLYGON needs at least one polygon");
      return { type: "MultiPolygon", coordinates: body.map(rings) };
    default:
      return fail(`unsupported geometry ${type}: use POINT, POLYGON or MULTIPOLYGON`);
  }
}

/** A WKT coordinate list as nested arrays: `((1 2, 3 4))` → [[[1, 2], [3, 4]]]. */
type Nested = number[] | Nested[];
function parseNested(text: string): Nested {
  let i = 0;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const list = (): Nested => {
    skip();
    if (text[i] !== "(") return fail("invalid WKT: expected \"(\"");
    i++;
    skip();
    const items: Nested = [];
    if (text[i] === "(") {
      for (;;) {
        (items as Nested[]).push(list());
        skip();
        if (text[i] !== ",") break;
        i++;
        skip();
      }
    } else {
      for (;;) {
        const numbers: number[] = [];
        for (;;) {
          skip();
          const number = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(text.slice(i));
          if (!number) break;
          numbers.push(Number(number[0]));
          i += number[0].length;
        }
        if (numbers.length === 0) return fail("invalid WKT: expected coordinates");
        (items as Nested[]).push(numbers);
        skip();
        if (text[i] !== ",") break;
        i++;
      }
    }
    skip();
    if (text[i] !== ")") return fail("invalid WKT: expected \")\"");
    i++;
    return items;
  };
  const result = list();
  skip();
  if (i !== text.length) return fail("invalid WKT: unexpected text after the geometry");
  // `POINT(1 2)` reads as [[1, 2]]: one coordinate tuple.
  return result;
}

function position(value: unknown): Position {
  const tuple = Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) ? value[0] : value;
  if (!Array.isArray(tuple) || (tuple.length !== 2 && tuple.length !== 3) || !tuple.every((n) => typeof n === "number" && Number.isFinite(n)))
    return fail("a position needs a longitude and a latitude");
  return [tuple[0] as number, tuple[1] as number];
}

function rings(value: unknown): Position[][] {
  if (!Array.isArray(value) || value.length === 0) return fail("a polygon needs at least one ring");
  return value.map((ring) => {
    if (!Array.isArray(ring)) return fail("a polygon ring must be a list of positions");
    return ring.map(position);
  });
}

// ---- GeoJSON

function fromGeoJson(value: unknown): Geometry {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("GeoJSON must be an object");
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  switch (type) {
    case "Point":
      if (!Array.isArray(coordinates)) return fail("a Point needs coordinates");
      return { type: "Point", coordinates: position(coordinates) };
    case "Polygon":
      return { type: "Polygon", coordinates: rings(coordinates) };
    case "MultiPolygon":
      if (!Array.isArray(coordinates) || coordinates.length === 0) return fail("a MultiPolygon needs at least one polygon");
      return { type: "MultiPolygon", coordinates: coordinates.map(rings) };
    default:
      return fail(`unsupported GeoJSON type ${JSON.stringify(type)}: use Point, Polygon or MultiPolygon`);
  }
}

// ---- validation and derived shapes

function validate(geometry: Geometry): void {
  const check = ([lon, lat]: Position) => {
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) fail(`position (${lon} ${lat}) is out of range: longitude −180..180, latitude −90..90`);
  };
  if (geometry.type === "Point") return check(geometry.coordinates);
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      ring.forEach(check);
      if (ring.length < 4) fail("a polygon ring needs at least 4 positions");
      const [first, last] = [ring[0]!, ring[ring.length - 1]!];
      if (first[0] !== last[0] || first[1] !== last[1]) fail("a polygon ring must be closed (its last position equal to its first)");
    }
  }
}

const polygonsOf = (geometry: Exclude<Geometry, { type: "Point" }>): Position[][][] =>
  geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;

export function boundingBox(geometry: Exclude<Geometry, { type: "Point" }>): BoundingBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const [lon, lat] of polygonsOf(geometry).flat(2)) {
    box.minLon = Math.min(box.minLon, lon);
    box.maxLon = Math.max(box.maxLon, lon);
    box.minLat = Math.min(box.minLat, lat);
    box.maxLat = Math.max(box.maxLat, lat);
  }
  return box;
}

/** Every edge of every ring: with the even-odd rule, holes and the parts of a multipolygon need no special case. */
export function edgesOf(geometry: Exclude<Geometry, { type: "Point" }>): Edge[] {
  const edges: Edge[] = [];
  for (const ring of polygonsOf(geometry).flat()) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [[x1, y1], [x2, y2]] = [ring[i]!, ring[i + 1]!];
      if (y1 !== y2) edges.push([x1, y1, x2, y2]);
    }
  }
  return edges;
}

/**
 * Ray casting towards increasing longitude, edges as straight lines in degrees (as Elasticsearch's shapes). A point
 * exactly on an edge may fall either side.
 */
export function pointInPolygon(lon: number, lat: number, edges: Edge[]): boolean {
  let crossings = 0;
  for (const [x1, y1, x2, y2] of edges) {
    if (y1 > lat !== y2 > lat && lon < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) crossings++;
  }
  return crossings % 2 === 1;
}

/**
 * Haversine: a point is within `meters` of the centre when hav(θ) ≤ hav(meters / R), which avoids asin in SQL.
 * `threshold` is that right-hand side; null when the distance covers the whole sphere.
 */
export function distanceThreshold(meters: number): number | null {
  const angle = meters / EARTH_RADIUS_M;
  if (angle >= Math.PI) return null;
  return Math.sin(angle / 2) ** 2;
}

export const RADIANS_PER_DEGREE = Math.PI / 180;

/** hav(θ) between two points; the SQL computes the same expression. */
export function haversine(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RADIANS_PER_DEGREE;
  const dLon = (lon2 - lon1) * RADIANS_PER_DEGREE;
  return Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RADIANS_PER_DEGREE) * Math.cos(lat2 * RADIANS_PER_DEGREE) * Math.sin(dLon / 2) ** 2;
}

/**
 * A box holding every point within `meters` of the centre, slightly enlarged so rounding never drops a point the
 * exact test keeps. No longitude bounds when a pole is inside the circle or the antimeridian is crossed.
 */
export function distanceBox(lon: number, lat: number, meters: number): { lat: [number, number]; lon: [number, number] | null } {
  const MARGIN = 1e-6;
  const degrees = (meters / EARTH_RADIUS_M) / RADIANS_PER_DEGREE;
  const [minLat, maxLat] = [lat - degrees - MARGIN, lat + degrees + MARGIN];
  const ratio = Math.sin(meters / EARTH_RADIUS_M) / Math.cos(lat * RADIANS_PER_DEGREE);
  if (minLat <= -90 || maxLat >= 90 || meters / EARTH_RADIUS_M >= Math.PI / 2 || ratio >= 1) return { lat: [minLat, maxLat], lon: null };
  const dLon = Math.asin(ratio) / RADIANS_PER_DEGREE;
  const [minLon, maxLon] = [lon - dLon - MARGIN, lon + dLon + MARGIN];
  return { lat: [minLat, maxLat], lon: minLon <= -180 || maxLon >= 180 ? null : [minLon, maxLon] };
}
