// The geo filters of ODSQL v2.1: `within_distance(field, geom'POINT(lon lat)', 10km)` and
// `intersects|within|disjoint(field, geom'…')`. They are conditions, and `geom'…'` is only valid inside them.
import type { GeoCondition, GeoFunction } from "./ast";
import { syntaxError } from "./errors";
import { DISTANCE_UNITS, parseGeometry, type Geometry } from "./geometry";
import type { Parser } from "./parser";

export const GEO_FUNCTIONS: readonly string[] = ["within_distance", "intersects", "within", "disjoint"] satisfies GeoFunction[];

export function parseGeoFunction(parser: Parser): GeoCondition {
  const name = parser.advance();
  const fn = name.value.toLowerCase() as GeoFunction;
  parser.expectOp("(");
  const field = parser.parseFieldName();
  parser.expectOp(",");
  const geometry = parseGeomLiteral(parser, fn);
  let meters: number | undefined;
  if (fn === "within_distance") {
    parser.expectOp(",");
    meters = parseDistance(parser);
    if (geometry.type !== "Point") throw syntaxError(parser.clause, "within_distance() needs a POINT geometry", name.start);
  }
  parser.expectOp(")");
  return { kind: "geo", fn, field, geometry, ...(meters !== undefined ? { meters } : {}), start: name.start };
}

function parseGeomLiteral(parser: Parser, fn: GeoFunction): Geometry {
  const token = parser.peek();
  if (token.kind !== "geom") throw syntaxError(parser.clause, `${fn}() needs a geometry such as geom'POINT(2.35 48.85)' as its second argument`, token.start);
  parser.advance();
  const geometry = parseGeometry(token.value);
  if ("error" in geometry) throw syntaxError(parser.clause, `invalid geometry in ${fn}(): ${geometry.error}`, token.start);
  return geometry;
}

/** `10km`, `10 km`, `2.5mi`; a bare number is in metres, Elasticsearch's default unit. */
function parseDistance(parser: Parser): number {
  const token = parser.peek();
  if (token.kind !== "number") throw syntaxError(parser.clause, "within_distance() needs a distance such as 10km as its third argument", token.start);
  parser.advance();
  const unitToken = parser.peek();
  let factor = 1;
  if (unitToken.kind === "ident") {
    const unit = Object.hasOwn(DISTANCE_UNITS, unitToken.value) ? DISTANCE_UNITS[unitToken.value] : undefined;
    if (unit === undefined) throw syntaxError(parser.clause, `unknown distance unit "${unitToken.value}" (use mm, cm, m, km, ft, yd or mi)`, unitToken.start);
    factor = unit;
    parser.advance();
  }
  return Number(token.value) * factor;
}
