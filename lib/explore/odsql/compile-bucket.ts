// group_by range() buckets → a text label per record, identical in both dialects: `[100, 200[` (lower bound
// included, upper excluded), `[*, 0[` and `[500, *[` for the open ends of a list. Buckets sort by their values.
import type { Expr } from "./ast";
import { compileValue, describe, doubleType, type CompileContext, type CompiledValue } from "./compile-value";
import { semanticError } from "./errors";
import { isNumeric } from "./field-catalog";
import { bind, join, raw, sql, type Fragment } from "./sql-fragment";

export function compileBucket(expr: Extract<Expr, { kind: "bucket" }>, ctx: CompileContext): CompiledValue {
  if (ctx.clause !== "group_by") throw semanticError(ctx.clause, "range() is only allowed in group_by");
  const value = compileValue(expr.expr, ctx, false);
  if (!isNumeric(value.type) || value.multivalued) throw semanticError(ctx.clause, `range() needs a number, not ${describe(value.type)}`);
  const v = value.frag;
  let label: Fragment;
  if (expr.bounds) {
    const bounds = expr.bounds;
    // As a double: PostgreSQL would read a bound of 0.5 as the type of an integer field.
    const number = sql`CAST(${v} AS ${raw(doubleType(ctx.dialect))})`;
    const cases = bounds.map((bound, i) => sql` WHEN ${number} < ${bind(bound)} THEN ${bind(`[${i === 0 ? "*" : String(bounds[i - 1])}, ${bound}[`)}`);
    label = sql`(CASE WHEN ${v} IS NULL THEN NULL${join(cases, "")} ELSE ${bind(`[${bounds.at(-1)}, *[`)} END)`;
  } else {
    const width = expr.width!;
    // Labels print the bounds as integers, which both databases write alike; fractional widths would not be.
    if (!Number.isInteger(width)) throw semanticError(ctx.clause, "range() width must be a whole number");
    const low = sql`CAST(floor(CAST(${v} AS ${raw(doubleType(ctx.dialect))}) / ${raw(String(width))}) * ${raw(String(width))} AS BIGINT)`;
    const text = (n: Fragment) => sql`CAST(${n} AS TEXT)`;
    label = sql`(CASE WHEN ${v} IS NULL THEN NULL ELSE '[' || ${text(low)} || ', ' || ${text(sql`${low} + ${raw(String(width))}`)} || '[' END)`;
  }
  // Every record of a bucket is in the same interval, so the smallest value orders buckets as numbers.
  return { frag: label, type: "text", multivalued: false, sortKey: sql`MIN(${v})` };
}
