// Conditions → SQL. NOT is two-valued (a NULL operand counts as false), so `!=` and `NOT` keep
// records whose field is null, as Opendatasoft's search-index semantics do and `exclude` requires.
import { isLiteral, type CompareOp, type Condition, type DatePeriod, type Expr, type Literal } from "./ast";
import { compileGeoCondition } from "./compile-geo";
import { compileValue, describe, type CompileContext, type CompiledValue } from "./compile-value";
import { dayAtOrAfter, isoDatetime, literalInZone, parseDatePeriod } from "./date-literal";
import { semanticError } from "./errors";
import { isNumeric, isTemporal, type OdsqlField, type ValueType } from "./field-catalog";
import { bind, join, raw, sql, type Fragment, type SqlParam } from "./sql-fragment";
import { searchTerms, type TextTerm } from "./text-terms";

const TRUE = raw("(1 = 1)");
const FALSE = raw("(1 = 0)");

export function compileCondition(condition: Condition, ctx: CompileContext): Fragment {
  switch (condition.kind) {
    case "and":
    case "or":
      return sql`(${compileCondition(condition.left, ctx)} ${raw(condition.kind.toUpperCase())} ${compileCondition(condition.right, ctx)})`;
    case "not":
      return negate(compileCondition(condition.operand, ctx));
    case "compare":
      return compileCompare(condition.op, condition.left, condition.right, ctx);
    case "range":
      return compileRange(condition, ctx);
    case "in_list":
      return compileInList(condition.expr, condition.values, ctx);
    case "is_null": {
      const value = compileValue(condition.expr, ctx);
      return sql`(${value.frag} ${raw(condition.negated ? "IS NOT NULL" : "IS NULL")})`;
    }
    case "is_boolean": {
      const value = compileValue(condition.expr, ctx);
      if (value.type !== "boolean") throw semanticError(ctx.clause, `${exprName(condition.expr)} is not a boolean field`);
      return sql`(${value.frag} = ${booleanParam(condition.value, ctx)})`;
    }
    case "text_search":
      return compileTextSearch(condition, ctx);
    case "like": {
      const value = compileValue(condition.expr, ctx, true);
      if (value.type !== "text") throw semanticError(ctx.clause, `LIKE needs a text field, not ${describe(value.type)}`);
      return matchAllTerms([value], searchTerms("search", condition.pattern), ctx);
    }
    case "geo":
      return compileGeoCondition(condition, ctx);
  }
}

export const negate = (inner: Fragment): Fragment => sql`(NOT COALESCE(${inner}, FALSE))`;

const FLIPPED: Record<CompareOp, CompareOp> = { "=": "=", "!=": "!=", "<": ">", ">": "<", "<=": ">=", ">=": "<=" };

function compileCompare(op: CompareOp, left: Expr, right: Expr, ctx: CompileContext): Fragment {
  if (isLiteral(left) && !isLiteral(right)) return compileCompare(FLIPPED[op], right, left, ctx);
  if (isLiteral(left)) throw semanticError(ctx.clause, "a comparison needs a field on one side");
  if (op === "!=") return negate(compileCompare("=", left, right, ctx));
  if (right.kind === "null") {
    if (op !== "=") throw semanticError(ctx.clause, `null can only be compared with = or !=`);
    return sql`(${compileValue(left, ctx).frag} IS NULL)`;
  }
  if (!isLiteral(right)) return compareExpressions(op, left, right, ctx);
  const value = compileValue(left, ctx, true);
  return overElements(value, literalPredicate(value, op, right, ctx), ctx);
}

function compareExpressions(op: CompareOp, left: Expr, right: Expr, ctx: CompileContext): Fragment {
  const a = compileValue(left, ctx);
  const b = compileValue(right, ctx);
  if (a.multivalued || b.multivalued) throw semanticError(ctx.clause, "multivalued fields can only be compared with values");
  const comparable = a.type === b.type || (isNumeric(a.type) && isNumeric(b.type)) || (isTemporal(a.type) && isTemporal(b.type));
  if (!comparable) throw semanticError(ctx.clause, `cannot compare ${describe(a.type)} with ${describe(b.type)}`);
  if (op !== "=" && !orderable(a.type)) throw semanticError(ctx.clause, `cannot order ${describe(a.type)}`);
  return sql`(${a.frag} ${raw(op)} ${b.frag})`;
}

function literalPredicate(value: CompiledValue, op: CompareOp, literal: Literal, ctx: CompileContext): Fragment {
  const type = value.type as ValueType;
  if (op !== "=" && !orderable(type)) throw semanticError(ctx.clause, `cannot use ${op} on ${describe(type)}`);
  if (isTemporal(type)) {
    const period = periodOf(literal, ctx, type);
    const [start, end] = [bind(temporalBound(period.start, type)), bind(temporalBound(period.end, type))];
    switch (op) {
      case "=":
        return sql`(${value.frag} >= ${start} AND ${value.frag} < ${end})`;
      // A partial date is a period: `< 2020` is before it starts, `<= 2020` up to its end, `> 2020` after it.
      case "<":
        return sql`(${value.frag} < ${start})`;
      case ">=":
        return sql`(${value.frag} >= ${start})`;
      case "<=":
        return sql`(${value.frag} < ${end})`;
      default:
        return sql`(${value.frag} >= ${end})`;
    }
  }
  return sql`(${value.frag} ${raw(op)} ${scalarParam(type, literal, ctx)})`;
}

function compileRange(condition: Extract<Condition, { kind: "range" }>, ctx: CompileContext): Fragment {
  const value = compileValue(condition.expr, ctx, true);
  const type = value.type as ValueType;
  if (!orderable(type)) throw semanticError(ctx.clause, `a range cannot apply to ${describe(type)}`);
  const [low, high] = [condition.low, condition.high].map((bound) => {
    if (!isLiteral(bound) || bound.kind === "null") throw semanticError(ctx.clause, "range bounds must be values");
    return bound;
  }) as [Literal, Literal];
  let predicate: Fragment;
  if (isTemporal(type)) {
    const [from, to] = [periodOf(low, ctx, type), periodOf(high, ctx, type)];
    const lowBound = bind(temporalBound(condition.lowInclusive ? from.start : from.end, type));
    const highBound = bind(temporalBound(condition.highInclusive ? to.end : to.start, type));
    predicate = sql`(${value.frag} >= ${lowBound} AND ${value.frag} < ${highBound})`;
  } else {
    const lowOp = raw(condition.lowInclusive ? ">=" : ">");
    const highOp = raw(condition.highInclusive ? "<=" : "<");
    predicate = sql`(${value.frag} ${lowOp} ${scalarParam(type, low, ctx)} AND ${value.frag} ${highOp} ${scalarParam(type, high, ctx)})`;
  }
  return overElements(value, predicate, ctx);
}

function compileInList(expr: Expr, values: Expr[], ctx: CompileContext): Fragment {
  const literals = values.map((value) => {
    if (!isLiteral(value)) throw semanticError(ctx.clause, "IN (…) needs values");
    return value;
  });
  const value = compileValue(expr, ctx, true);
  const type = value.type as ValueType;
  const present = literals.filter((literal) => literal.kind !== "null");
  const parts: Fragment[] = [];
  if (present.length > 0) {
    const predicate = isTemporal(type)
      ? sql`(${join(present.map((literal) => literalPredicate(value, "=", literal, ctx)), " OR ")})`
      : sql`(${value.frag} IN (${join(present.map((literal) => scalarParam(type, literal, ctx)), ", ")}))`;
    parts.push(overElements(value, predicate, ctx));
  }
  if (present.length < literals.length) parts.push(sql`(${compileValue(expr, ctx).frag} IS NULL)`);
  return sql`(${join(parts, " OR ")})`;
}

function compileTextSearch(condition: Extract<Condition, { kind: "text_search" }>, ctx: CompileContext): Fragment {
  const fields: OdsqlField[] = condition.fields
    ? condition.fields.map((name) => {
        const field = ctx.catalog.get(name, ctx.clause);
        if (field.type !== "text") throw semanticError(ctx.clause, `${condition.mode}() needs text fields, "${name}" is ${describe(field.type)}`);
        return field;
      })
    : ctx.catalog.textFields();
  const values = fields.map((field) => compileValue({ kind: "field", name: field.name, start: 0, end: 0 }, ctx, true));
  return matchAllTerms(values, searchTerms(condition.mode, condition.text), ctx);
}

/** Every term must match at least one of the values. No terms matches everything; no values matches nothing. */
function matchAllTerms(values: CompiledValue[], terms: TextTerm[], ctx: CompileContext): Fragment {
  if (terms.length === 0) return TRUE;
  if (values.length === 0) return FALSE;
  const perTerm = terms.map((term) => sql`(${join(values.map((value) => overElements(value, termPredicate(value.frag, term), ctx)), " OR ")})`);
  return sql`(${join(perTerm, " AND ")})`;
}

function termPredicate(value: Fragment, term: TextTerm): Fragment {
  const like = (pattern: string) => sql`lower(${value}) LIKE ${bind(pattern)} ESCAPE '\\'`;
  const text = escapeLike(term.text.toLowerCase());
  switch (term.match) {
    case "contains":
      return like(`%${text}%`);
    case "prefix":
      return like(`${text}%`);
    case "word_prefix":
      return sql`(${like(`${text}%`)} OR ${like(`% ${text}%`)})`;
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** Wraps a predicate on one element of a multivalued field into "some element matches". */
function overElements(value: CompiledValue, predicate: Fragment, ctx: CompileContext): Fragment {
  if (!value.elementsOf) return predicate;
  const column = raw(value.elementsOf);
  return ctx.dialect === "postgresql"
    ? sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(${column}::jsonb) AS v(value) WHERE ${predicate})`
    : sql`EXISTS (SELECT 1 FROM json_each(${column}) WHERE ${predicate})`;
}

const orderable = (type: ValueType | "null") => type !== "boolean" && type !== "geo_point_2d" && type !== "geo_shape" && type !== "null";

function temporalBound(ms: number, type: ValueType): string {
  return type === "date" ? dayAtOrAfter(ms) : isoDatetime(ms);
}

/** Date fields are calendar days whatever the zone; datetimes read offset-less literals in the request's zone. */
function periodOf(literal: Literal, ctx: CompileContext, type: ValueType): DatePeriod {
  const zone = type === "datetime" ? ctx.timeZone : undefined;
  if (literal.kind === "date") return literalInZone(literal, zone).period;
  if (literal.kind === "string") {
    const period = parseDatePeriod(literal.value, zone);
    if (period) return period;
    throw semanticError(ctx.clause, `invalid date ${JSON.stringify(literal.value)}`);
  }
  throw semanticError(ctx.clause, `cannot compare a date with ${literal.kind === "number" ? "a number" : literal.kind}`);
}

/** Binds a literal as the field's type: "75" against a number field, 75 against a text field. */
function scalarParam(type: ValueType, literal: Literal, ctx: CompileContext): Fragment {
  const mismatch = () => semanticError(ctx.clause, `cannot compare ${describe(type)} with ${literalText(literal)}`);
  if (type === "boolean") {
    if (literal.kind === "boolean") return booleanParam(literal.value, ctx);
    if (literal.kind === "string" && /^(true|false)$/i.test(literal.value)) return booleanParam(literal.value.toLowerCase() === "true", ctx);
    throw mismatch();
  }
  if (isNumeric(type)) {
    if (literal.kind === "number") return bind(literal.value);
    if (literal.kind === "string" && literal.value.trim() !== "" && Number.isFinite(Number(literal.value))) return bind(Number(literal.value));
    throw mismatch();
  }
  if (literal.kind === "string") return bind(literal.value);
  if (literal.kind === "number") return bind(String(literal.value));
  throw mismatch();
}

function booleanParam(value: boolean, ctx: CompileContext): Fragment {
  const param: SqlParam = ctx.dialect === "postgresql" ? value : value ? 1 : 0;
  return bind(param);
}

const literalText = (literal: Literal): string =>
  literal.kind === "date" ? `date'${literal.text}'` : literal.kind === "null" ? "null" : JSON.stringify(literal.value);

const exprName = (expr: Expr): string => (expr.kind === "field" ? `"${expr.name}"` : "this expression");
