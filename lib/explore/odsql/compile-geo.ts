// Geo filters → plain SQL that SQLite and PostgreSQL (no PostGIS) evaluate alike. geo_point_2d values are stored
// as "lat,lon" text; a bounding box on the parsed coordinates comes first, so the exact test (haversine, or ray
// casting over the polygon's edges passed as one JSON parameter) only runs on the points near the shape.
import type { GeoCondition } from "./ast";
import type { CompileContext } from "./compile-value";
import { semanticError } from "./errors";
import { boundingBox, distanceBox, distanceThreshold, edgesOf, RADIANS_PER_DEGREE, type Geometry } from "./geometry";
import { bind, quoteIdent, raw, sql, type Fragment } from "./sql-fragment";

export function compileGeoCondition(condition: GeoCondition, ctx: CompileContext): Fragment {
  const field = ctx.catalog.get(condition.field, ctx.clause);
  if (field.type === "geo_shape")
    throw semanticError(ctx.clause, `${condition.fn}() is not supported on geo_shape fields such as "${field.name}": filter on a geo_point_2d field`);
  if (field.type !== "geo_point_2d" || field.multivalued)
    throw semanticError(ctx.clause, `${condition.fn}() needs a geo_point_2d field, "${field.name}" is ${field.multivalued ? "multivalued" : `a ${field.type} field`}`);
  const column = quoteIdent(field.column);
  const point = coordinates(column, ctx);
  const present = raw(`${column} IS NOT NULL`);
  if (condition.fn === "within_distance") return sql`(${present} AND ${withinDistance(point, condition.geometry, condition.meters ?? 0)})`;
  const inside = contains(point, condition.geometry, ctx);
  return condition.fn === "disjoint" ? sql`(${present} AND NOT ${inside})` : sql`(${present} AND ${inside})`;
}

type Point = { lat: Fragment; lon: Fragment };

function coordinates(column: string, ctx: CompileContext): Point {
  if (ctx.dialect === "postgresql") {
    return {
      lat: raw(`CAST(split_part(${column}, ',', 1) AS DOUBLE PRECISION)`),
      lon: raw(`CAST(split_part(${column}, ',', 2) AS DOUBLE PRECISION)`),
    };
  }
  return {
    lat: raw(`CAST(substr(${column}, 1, instr(${column}, ',') - 1) AS REAL)`),
    lon: raw(`CAST(substr(${column}, instr(${column}, ',') + 1) AS REAL)`),
  };
}

const between = (value: Fragment, [low, high]: [number, number]) => sql`${value} BETWEEN ${bind(low)} AND ${bind(high)}`;

/** hav(θ) ≤ hav(d / R), the formula of geometry.ts's haversine with the centre's cosine computed once. */
function withinDistance(point: Point, geometry: Geometry, meters: number): Fragment {
  if (geometry.type !== "Point") throw new TypeError("within_distance() takes a point");
  const [lon, lat] = geometry.coordinates;
  const threshold = distanceThreshold(meters);
  if (threshold === null) return raw("(1 = 1)");
  const box = distanceBox(lon, lat, meters);
  const rpd = bind(RADIANS_PER_DEGREE);
  const hav = sql`(power(sin((${point.lat} - ${bind(lat)}) * ${rpd} / 2), 2) + ${bind(Math.cos(lat * RADIANS_PER_DEGREE))} * cos(${point.lat} * ${rpd}) * power(sin((${point.lon} - ${bind(lon)}) * ${rpd} / 2), 2))`;
  const lonBox = box.lon ? sql` AND ${between(point.lon, box.lon)}` : raw("");
  return sql`(${between(point.lat, box.lat)}${lonBox} AND ${hav} <= ${bind(threshold)})`;
}

/** The point is the literal point, or inside the (multi)polygon by the even-odd rule. */
function contains(point: Point, geometry: Geometry, ctx: CompileContext): Fragment {
  if (geometry.type === "Point") {
    const [lon, lat] = geometry.coordinates;
    return sql`(${point.lat} = ${bind(lat)} AND ${point.lon} = ${bind(lon)})`;
  }
  const box = boundingBox(geometry);
  const edges = bind(JSON.stringify(edgesOf(geometry)));
  const source =
    ctx.dialect === "postgresql"
      ? sql`SELECT CAST(e.v->>0 AS DOUBLE PRECISION) AS x1, CAST(e.v->>1 AS DOUBLE PRECISION) AS y1, CAST(e.v->>2 AS DOUBLE PRECISION) AS x2, CAST(e.v->>3 AS DOUBLE PRECISION) AS y2 FROM jsonb_array_elements(CAST(${edges} AS jsonb)) AS e(v)`
      : sql`SELECT json_extract(value, '$[0]') AS x1, json_extract(value, '$[1]') AS y1, json_extract(value, '$[2]') AS x2, json_extract(value, '$[3]') AS y2 FROM json_each(${edges})`;
  const crossings = sql`(SELECT COUNT(*) FROM (${source}) AS edge WHERE (edge.y1 > ${point.lat}) <> (edge.y2 > ${point.lat}) AND ${point.lon} < (edge.x2 - edge.x1) * (${point.lat} - edge.y1) / (edge.y2 - edge.y1) + edge.x1)`;
  return sql`(${between(point.lat, [box.minLat, box.maxLat])} AND ${between(point.lon, [box.minLon, box.maxLon])} AND ${crossings} % 2 = 1)`;
}
