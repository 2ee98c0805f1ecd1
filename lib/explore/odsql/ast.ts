// The typed tree the parser produces. Positions are 0-based offsets into the clause text; they
// give default labels (`count(*)` is labelled by its own text, as Opendatasoft does).
import type { Geometry } from "./geometry";

export type Span = { start: number; end: number };

/** A date literal denotes a period: `date'2020'` is the whole year. Epoch milliseconds, end exclusive. */
export type DatePeriod = {
  start: number;
  end: number;
  precision: "year" | "month" | "day" | "hour" | "minute" | "second" | "millisecond";
};

export const SCALAR_FUNCTIONS = ["lower", "upper", "year", "month", "day", "hour", "minute", "second", "length"] as const;
export const AGGREGATE_FUNCTIONS = ["count", "sum", "avg", "min", "max", "median", "percentile"] as const;
export type ScalarFunction = (typeof SCALAR_FUNCTIONS)[number];
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

export type Literal =
  | ({ kind: "string"; value: string } & Span)
  | ({ kind: "number"; value: number } & Span)
  | ({ kind: "boolean"; value: boolean } & Span)
  | ({ kind: "null" } & Span)
  | ({ kind: "date"; text: string; period: DatePeriod } & Span);

export type Expr =
  | Literal
  | ({ kind: "field"; name: string } & Span)
  | ({ kind: "call"; name: ScalarFunction | AggregateFunction; args: Expr[] } & Span)
  | ({ kind: "count_all" } & Span)
  | ({ kind: "binary"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr } & Span)
  | ({ kind: "negate"; operand: Expr } & Span)
  /** group_by `range(f, width)` or `range(f, [a, b, c])`: the bucket of a number (compile-range.ts). */
  | ({ kind: "bucket"; expr: Expr; width?: number; bounds?: number[] } & Span);

export type CompareOp = "=" | "!=" | "<" | ">" | "<=" | ">=";

/** search: every word appears; suggest: every word starts a word; startswith: the value starts with the text. */
export type TextSearchMode = "search" | "suggest" | "startswith";

export type Condition =
  | { kind: "and" | "or"; left: Condition; right: Condition }
  | { kind: "not"; operand: Condition }
  | { kind: "compare"; op: CompareOp; left: Expr; right: Expr }
  | { kind: "range"; expr: Expr; low: Expr; high: Expr; lowInclusive: boolean; highInclusive: boolean }
  | { kind: "in_list"; expr: Expr; values: Expr[] }
  | { kind: "is_null"; expr: Expr; negated: boolean }
  | { kind: "is_boolean"; expr: Expr; value: boolean }
  | { kind: "text_search"; mode: TextSearchMode; fields: string[] | null; text: string }
  | { kind: "like"; expr: Expr; pattern: string }
  | GeoCondition;

export type GeoFunction = "within_distance" | "intersects" | "within" | "disjoint";
/** `within_distance(field, geom'POINT(…)', 10km)`, `intersects(field, geom'…')`…; `meters` only for within_distance. */
export type GeoCondition = { kind: "geo"; fn: GeoFunction; field: string; geometry: Geometry; meters?: number; start: number };

export type SelectItem = { kind: "all" } | { kind: "expr"; expr: Expr; label: string; explicitLabel: boolean };
export type GroupItem = { expr: Expr; label: string; explicitLabel: boolean };
export type OrderDirection = "asc" | "desc";
export type OrderItem = { expr: Expr; direction: OrderDirection };

export const isLiteral = (expr: Expr): expr is Literal =>
  expr.kind === "string" || expr.kind === "number" || expr.kind === "boolean" || expr.kind === "null" || expr.kind === "date";

export const isAggregate = (expr: Expr): boolean => {
  switch (expr.kind) {
    case "count_all":
      return true;
    case "call":
      return (AGGREGATE_FUNCTIONS as readonly string[]).includes(expr.name) || expr.args.some(isAggregate);
    case "binary":
      return isAggregate(expr.left) || isAggregate(expr.right);
    case "negate":
      return isAggregate(expr.operand);
    default:
      return false;
  }
};

/** Structural equality, positions ignored: `order_by=lower(name)` reuses the group key `lower(name)`. */
export function sameExpr(a: Expr, b: Expr): boolean {
  return JSON.stringify(a, dropSpans) === JSON.stringify(b, dropSpans);
}
const dropSpans = (key: string, value: unknown) => (key === "start" || key === "end" ? undefined : value);
