// The same conditions evaluated in memory, for the dataset catalog (a few hundred datasets whose
// properties are not stored as a records table). Arrays behave like multivalued fields; missing
// properties are null. Text search also ignores accents here, which SQLite cannot do cheaply.
import { isLiteral, type CompareOp, type Condition, type Expr, type Literal, type OrderItem } from "./ast";
import { parseDatePeriod } from "./date-literal";
import { semanticError, type Clause } from "./errors";
import { evaluateGeo } from "./evaluate-geo";
import { searchTerms, type TextTerm } from "./text-terms";

type Row = Record<string, unknown>;
/** In memory, dates are read in UTC: the catalog's properties are not queried with a `timezone`. */
const DATE_PARTS: readonly string[] = ["year", "month", "day", "hour", "minute", "second"];

export function evaluateWhere(condition: Condition, record: Row): boolean {
  switch (condition.kind) {
    case "and":
      return evaluateWhere(condition.left, record) && evaluateWhere(condition.right, record);
    case "or":
      return evaluateWhere(condition.left, record) || evaluateWhere(condition.right, record);
    case "not":
      return !evaluateWhere(condition.operand, record);
    case "compare":
      return compare(condition.op, condition.left, condition.right, record);
    case "range":
      return someValue(evaluateExpression(condition.expr, record), (value) => {
        const low = literalOf(condition.low);
        const high = literalOf(condition.high);
        const lowOk = condition.lowInclusive ? test(value, ">=", low) : test(value, ">", low);
        const highOk = condition.highInclusive ? test(value, "<=", high) : test(value, "<", high);
        return lowOk && highOk;
      });
    case "in_list":
      return condition.values.some((value) => compare("=", condition.expr, value, record));
    case "is_null": {
      const value = evaluateExpression(condition.expr, record);
      return isMissing(value) !== condition.negated;
    }
    case "is_boolean":
      return evaluateExpression(condition.expr, record) === condition.value;
    case "text_search": {
      const values = condition.fields ? condition.fields.flatMap((name) => strings(lookup(record, name))) : Object.values(record).flatMap(strings);
      return matchAllTerms(values, searchTerms(condition.mode, condition.text));
    }
    case "like":
      return matchAllTerms(strings(evaluateExpression(condition.expr, record)), searchTerms("search", condition.pattern));
    case "geo":
      return evaluateGeo(condition, lookup(record, condition.field));
  }
}

export function evaluateExpression(expr: Expr, record: Row, clause: Clause = "where"): unknown {
  switch (expr.kind) {
    case "field":
      return lookup(record, expr.name);
    case "string":
    case "number":
    case "boolean":
      return expr.value;
    case "null":
      return null;
    case "date":
      return new Date(expr.period.start).toISOString();
    case "negate": {
      const value = evaluateExpression(expr.operand, record, clause);
      return typeof value === "number" ? -value : null;
    }
    case "binary": {
      const [a, b] = [evaluateExpression(expr.left, record, clause), evaluateExpression(expr.right, record, clause)];
      if (typeof a !== "number" || typeof b !== "number") return null;
      if (expr.op === "/") return b === 0 ? null : a / b;
      return expr.op === "+" ? a + b : expr.op === "-" ? a - b : a * b;
    }
    case "call": {
      const value = evaluateExpression(expr.args[0]!, record, clause);
      const apply = (one: unknown): unknown => {
        if (expr.name === "lower") return typeof one === "string" ? one.toLowerCase() : null;
        if (expr.name === "upper") return typeof one === "string" ? one.toUpperCase() : null;
        if (expr.name === "length") return typeof one === "string" ? [...one].length : null;
        const ms = toMillis(one);
        if (ms === null) return null;
        const date = new Date(ms);
        switch (expr.name) {
          case "year":
            return date.getUTCFullYear();
          case "month":
            return date.getUTCMonth() + 1;
          case "day":
            return date.getUTCDate();
          case "hour":
            return date.getUTCHours();
          case "minute":
            return date.getUTCMinutes();
          case "second":
            return date.getUTCSeconds();
          default:
            return null;
        }
      };
      if (expr.name !== "lower" && expr.name !== "upper" && expr.name !== "length" && !DATE_PARTS.includes(expr.name)) throw semanticError(clause, `aggregate ${expr.name}() is not allowed here`);
      return Array.isArray(value) ? value.map(apply) : apply(value);
    }
    case "count_all":
      throw semanticError(clause, "aggregate count(*) is not allowed here");
    case "bucket":
      throw semanticError(clause, "range() is only allowed in group_by");
  }
}

/** A comparator for Array.prototype.sort; nulls last in both directions, as in the SQL. */
export function compareByOrder(items: OrderItem[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const item of items) {
      const [x, y] = [sortKey(evaluateExpression(item.expr, a, "order_by")), sortKey(evaluateExpression(item.expr, b, "order_by"))];
      if (x === null && y === null) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const order = x < y ? -1 : x > y ? 1 : 0;
      if (order !== 0) return item.direction === "desc" ? -order : order;
    }
    return 0;
  };
}

function sortKey(value: unknown): string | number | null {
  if (isMissing(value)) return null;
  if (Array.isArray(value)) return sortKey(value[0]);
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

function lookup(record: Row, name: string): unknown {
  if (name in record) return record[name];
  // Catalog queries may prefix default-template metadata with `default.`.
  if (name.startsWith("default.")) return record[name.slice("default.".length)];
  return undefined;
}

const isMissing = (value: unknown): boolean => value === null || value === undefined || (Array.isArray(value) && value.length === 0);

const FLIPPED: Record<CompareOp, CompareOp> = { "=": "=", "!=": "!=", "<": ">", ">": "<", "<=": ">=", ">=": "<=" };

function compare(op: CompareOp, left: Expr, right: Expr, record: Row): boolean {
  if (isLiteral(left) && !isLiteral(right)) return compare(FLIPPED[op], right, left, record);
  if (op === "!=") return !compare("=", left, right, record);
  const value = evaluateExpression(left, record);
  if (right.kind === "null") return isMissing(value);
  if (isLiteral(right)) return someValue(value, (one) => test(one, op, right));
  const other = evaluateExpression(right, record);
  return someValue(value, (one) => someValue(other, (two) => orderOf(one, two) !== null && holds(op, orderOf(one, two)!)));
}

function literalOf(expr: Expr): Literal {
  if (!isLiteral(expr)) throw semanticError("where", "range bounds must be values");
  return expr;
}

const someValue = (value: unknown, predicate: (one: unknown) => boolean): boolean =>
  Array.isArray(value) ? value.some(predicate) : !isMissing(value) && predicate(value);

/** One scalar against a literal, with the period semantics of date literals (see compile-where). */
function test(value: unknown, op: CompareOp, literal: Literal): boolean {
  if (literal.kind === "null") return false;
  const period = literal.kind === "date" ? literal.period : literal.kind === "string" && looksLikeDate(value) ? parseDatePeriod(literal.value) : null;
  if (period) {
    const ms = toMillis(value);
    if (ms === null) return false;
    if (op === "=") return ms >= period.start && ms < period.end;
    if (op === "<") return ms < period.start;
    if (op === ">=") return ms >= period.start;
    if (op === "<=") return ms < period.end;
    return ms >= period.end;
  }
  if (literal.kind === "date") return false;
  let literalValue: unknown = literal.value;
  if (typeof value === "number" && typeof literalValue === "string" && literalValue.trim() !== "") literalValue = Number(literalValue);
  if (typeof value === "string" && typeof literalValue === "number") literalValue = String(literalValue);
  if (typeof value === "boolean" && typeof literalValue === "string") literalValue = literalValue.toLowerCase() === "true" ? true : literalValue.toLowerCase() === "false" ? false : literalValue;
  const order = orderOf(value, literalValue);
  return order !== null && holds(op, order);
}

function orderOf(a: unknown, b: unknown): number | null {
  if (typeof a !== typeof b || (typeof a !== "number" && typeof a !== "string" && typeof a !== "boolean")) return null;
  if (typeof a === "number" && Number.isNaN(b)) return null;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

function holds(op: CompareOp, order: number): boolean {
  switch (op) {
    case "=":
      return order === 0;
    case "!=":
      return order !== 0;
    case "<":
      return order < 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    case ">=":
      return order >= 0;
  }
}

const looksLikeDate = (value: unknown): boolean => value instanceof Date || (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value));

function toMillis(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== "string") return null;
  return parseDatePeriod(value)?.start ?? null;
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((one): one is string => typeof one === "string");
  return [];
}

const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

function matchAllTerms(values: string[], terms: TextTerm[]): boolean {
  const folded = values.map(fold);
  return terms.every((term) => {
    const text = fold(term.text);
    return folded.some((value) => {
      if (term.match === "contains") return value.includes(text);
      if (term.match === "prefix") return value.startsWith(text);
      return value.startsWith(text) || value.includes(` ${text}`);
    });
  });
}
