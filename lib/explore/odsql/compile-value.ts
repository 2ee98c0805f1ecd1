// Value expressions → SQL with a static type, so clauses can refuse what cannot work (sum of text)
// instead of letting one database coerce silently and the other fail.
import { isAggregate, type Expr, type Literal } from "./ast";
import { compileBucket } from "./compile-bucket";
import { datePartSql } from "./date-part";
import { isoDatetime, literalInZone } from "./date-literal";
import { semanticError, type Clause } from "./errors";
import { isNumeric, isTemporal, type Dialect, type FieldCatalog, type ValueType } from "./field-catalog";
import { bind, raw, sql, quoteIdent, type Fragment, type SqlParam } from "./sql-fragment";

export type CompileContext = {
  catalog: FieldCatalog;
  dialect: Dialect;
  clause: Clause;
  allowAggregates: boolean;
  /** The request's `timezone`, canonical (time-zone.ts); absent means UTC. */
  timeZone?: string;
};

export type CompiledValue = {
  frag: Fragment;
  type: ValueType | "null";
  multivalued: boolean;
  /**
   * Set in element mode when the value reads one element of a multivalued column: `frag` then
   * refers to `value`, and the predicate must be wrapped in an EXISTS over this column's elements.
   */
  elementsOf?: string;
  /** How a group_by key sorts when that is not the order of its values (range() buckets are text labels). */
  sortKey?: Fragment;
};

/** `element`: multivalued fields yield one element at a time (predicates); otherwise their stored JSON text. */
export function compileValue(expr: Expr, ctx: CompileContext, element = false): CompiledValue {
  switch (expr.kind) {
    case "field": {
      const field = ctx.catalog.get(expr.name, ctx.clause);
      const column = quoteIdent(field.column);
      if (field.multivalued && element) return { frag: raw("value"), type: field.type, multivalued: true, elementsOf: column };
      return { frag: raw(column), type: field.type, multivalued: field.multivalued };
    }
    case "string":
    case "number":
    case "boolean":
    case "null":
    case "date":
      return compileLiteral(literalInZone(expr, ctx.timeZone), ctx.dialect);
    case "count_all":
      requireAggregates(expr, ctx);
      return { frag: countSql(raw("*"), ctx.dialect), type: "number", multivalued: false };
    case "negate": {
      const operand = numericOperand(expr.operand, ctx, element);
      return { ...operand, frag: sql`(-${operand.frag})`, type: operand.type };
    }
    case "binary": {
      const left = numericOperand(expr.left, ctx, element);
      const right = numericOperand(expr.right, ctx, element);
      const elementsOf = left.elementsOf ?? right.elementsOf;
      const frag =
        // Integer division truncates in SQLite and PostgreSQL; ODSQL divides as numbers. NULLIF: PostgreSQL raises on zero.
        expr.op === "/" ? sql`(CAST(${left.frag} AS ${raw(doubleType(ctx.dialect))}) / NULLIF(${right.frag}, 0))` : sql`(${left.frag} ${raw(expr.op)} ${right.frag})`;
      const type = expr.op === "/" || left.type !== right.type ? "number" : left.type;
      return { frag, type, multivalued: false, ...(elementsOf ? { elementsOf } : {}) };
    }
    case "call":
      return compileCall(expr, ctx, element);
    case "bucket":
      return compileBucket(expr, ctx);
  }
}

function compileCall(expr: Extract<Expr, { kind: "call" }>, ctx: CompileContext, element: boolean): CompiledValue {
  const arg = expr.args[0]!;
  const name = expr.name;
  if (name === "median" || name === "percentile") return compilePercentile(expr, ctx);
  if (name === "count" || name === "sum" || name === "avg" || name === "min" || name === "max") {
    requireAggregates(expr, ctx);
    if (isAggregate(arg)) throw semanticError(ctx.clause, `aggregates cannot be nested in ${name}()`);
    const value = compileValue(arg, ctx, false);
    if (name === "count") return { frag: countSql(value.frag, ctx.dialect), type: "number", multivalued: false };
    if (name === "sum" || name === "avg") {
      if (!isNumeric(value.type)) throw semanticError(ctx.clause, `${name}() needs a number, not ${describe(value.type)}`);
      // PostgreSQL sums integers as NUMERIC, which its driver returns as text.
      return { frag: sql`CAST(${raw(name.toUpperCase())}(${value.frag}) AS ${raw(doubleType(ctx.dialect))})`, type: "number", multivalued: false };
    }
    if (value.type === "boolean" || value.type === "geo_point_2d" || value.type === "geo_shape")
      throw semanticError(ctx.clause, `${name}() cannot apply to ${describe(value.type)}`);
    return { frag: sql`${raw(name.toUpperCase())}(${value.frag})`, type: value.type, multivalued: value.multivalued };
  }
  const value = compileValue(arg, ctx, element);
  const keep = value.elementsOf ? { elementsOf: value.elementsOf } : {};
  if (name === "lower" || name === "upper") {
    if (value.type !== "text") throw semanticError(ctx.clause, `${name}() needs text, not ${describe(value.type)}`);
    return { frag: sql`${raw(name)}(${value.frag})`, type: "text", multivalued: value.multivalued, ...keep };
  }
  if (name === "length") {
    if (value.type !== "text") throw semanticError(ctx.clause, `length() needs text, not ${describe(value.type)}`);
    // Characters, not bytes, in both dialects.
    return { frag: sql`length(${value.frag})`, type: "int", multivalued: false, ...keep };
  }
  if (!isTemporal(value.type)) throw semanticError(ctx.clause, `${name}() needs a date, not ${describe(value.type)}`);
  return { frag: datePartSql(name, value.frag, value.type === "date" ? "date" : "datetime", ctx), type: "int", multivalued: false, ...keep };
}

/**
 * Linear interpolation between the closest ranks, as PostgreSQL's percentile_cont; SQLite's percentile() (built
 * into better-sqlite3's SQLite, the one the records store reads with) computes the same.
 */
function compilePercentile(expr: Extract<Expr, { kind: "call" }>, ctx: CompileContext): CompiledValue {
  requireAggregates(expr, ctx);
  const [arg, n] = expr.args as [Expr, Expr | undefined];
  if (isAggregate(arg)) throw semanticError(ctx.clause, `aggregates cannot be nested in ${expr.name}()`);
  const value = compileValue(arg, ctx, false);
  if (!isNumeric(value.type) || value.multivalued) throw semanticError(ctx.clause, `${expr.name}() needs a number, not ${describe(value.type)}`);
  const percent = n?.kind === "number" ? n.value : 50;
  const frag =
    ctx.dialect === "postgresql"
      ? sql`percentile_cont(${raw(String(percent / 100))}) WITHIN GROUP (ORDER BY ${value.frag})`
      : sql`CAST(percentile(${value.frag}, ${raw(String(percent))}) AS REAL)`;
  return { frag, type: "number", multivalued: false };
}

function numericOperand(expr: Expr, ctx: CompileContext, element: boolean): CompiledValue {
  const value = compileValue(expr, ctx, element);
  if (!isNumeric(value.type)) throw semanticError(ctx.clause, `arithmetic needs numbers, not ${describe(value.type)}`);
  return value;
}

function requireAggregates(expr: Expr, ctx: CompileContext): void {
  if (!ctx.allowAggregates) throw semanticError(ctx.clause, `aggregate ${expr.kind === "count_all" ? "count(*)" : `${(expr as { name: string }).name}()`} is not allowed here`);
}

/** PostgreSQL's COUNT is BIGINT, which its driver returns as text. */
export const countSql = (inner: Fragment, dialect: Dialect): Fragment =>
  dialect === "postgresql" ? sql`CAST(COUNT(${inner}) AS INTEGER)` : sql`COUNT(${inner})`;
export const doubleType = (dialect: Dialect) => (dialect === "postgresql" ? "DOUBLE PRECISION" : "REAL");

/** A literal standing alone (select, arithmetic): PostgreSQL cannot infer an untyped parameter's type there. */
function compileLiteral(literal: Literal, dialect: Dialect): CompiledValue {
  const pg = dialect === "postgresql";
  const cast = (value: SqlParam, type: string): Fragment => (pg ? sql`CAST(${bind(value)} AS ${raw(type)})` : bind(value));
  switch (literal.kind) {
    case "string":
      return { frag: cast(literal.value, "TEXT"), type: "text", multivalued: false };
    case "number":
      return { frag: cast(literal.value, Number.isInteger(literal.value) ? "BIGINT" : "DOUBLE PRECISION"), type: "number", multivalued: false };
    case "boolean":
      return { frag: pg ? cast(literal.value, "BOOLEAN") : bind(literal.value ? 1 : 0), type: "boolean", multivalued: false };
    case "null":
      return { frag: raw("NULL"), type: "null", multivalued: false };
    case "date":
      return { frag: cast(isoDatetime(literal.period.start), "TEXT"), type: "datetime", multivalued: false };
  }
}

export const describe = (type: ValueType | "null"): string =>
  type === "number" ? "a number" : type === "null" ? "null" : `a ${type} value`;
