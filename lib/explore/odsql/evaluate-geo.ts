// The geo filters in memory, with compile-geo.ts's formulas: the same records match whichever side evaluates.
import type { GeoCondition } from "./ast";
import { semanticError, type Clause } from "./errors";
import { boundingBox, distanceBox, distanceThreshold, edgesOf, haversine, pointInPolygon } from "./geometry";

/** Points may be "lat,lon" text (as stored), `{ lat, lon }` (as Explore answers) or a GeoJSON Point. */
export function evaluateGeo(condition: GeoCondition, value: unknown, clause: Clause = "where"): boolean {
  if (value === null || value === undefined) return false;
  const point = pointOf(value);
  if (!point) throw semanticError(clause, `${condition.fn}() is only supported on geo_point_2d values, "${condition.field}" is not one`);
  const [lat, lon] = point;
  const geometry = condition.geometry;
  if (condition.fn === "within_distance") {
    if (geometry.type !== "Point") return false;
    const threshold = distanceThreshold(condition.meters ?? 0);
    if (threshold === null) return true;
    const box = distanceBox(geometry.coordinates[0], geometry.coordinates[1], condition.meters ?? 0);
    const inBox = lat >= box.lat[0] && lat <= box.lat[1] && (!box.lon || (lon >= box.lon[0] && lon <= box.lon[1]));
    return inBox && haversine(geometry.coordinates[1], geometry.coordinates[0], lat, lon) <= threshold;
  }
  let inside: boolean;
  if (geometry.type === "Point") inside = lat === geometry.coordinates[1] && lon === geometry.coordinates[0];
  else {
    const box = boundingBox(geometry);
    inside = lat >= box.minLat && lat <= box.maxLat && lon >= box.minLon && lon <= box.maxLon && pointInPolygon(lon, lat, edgesOf(geometry));
  }
  return condition.fn === "disjoint" ? !inside : inside;
}

function pointOf(value: unknown): [number, number] | null {
  if (typeof value === "string") {
    const parts = value.split(",");
    if (parts.length !== 2) return null;
    const [lat, lon] = parts.map(Number) as [number, number];
    return Number.isFinite(lat) && Number.isFinite(lon) ? [lat, lon] : null;
  }
  if (typeof value !== "object") return null;
  const { lat, lon, type, coordinates } = value as { lat?: unknown; lon?: unknown; type?: unknown; coordinates?: unknown };
  if (typeof lat === "number" && typeof lon === "number") return [lat, lon];
  if (type === "Point" && Array.isArray(coordinates) && typeof coordinates[0] === "number" && typeof coordinates[1] === "number") return [coordinates[1], coordinates[0]];
  return null;
}
