// refine / exclude parameters (`FACET:VALUE`) become ordinary conditions, so they share the where
// compiler's typing and the in-memory evaluator.
import type { Condition, Expr, Literal } from "./ast";
import { parseDatePeriod } from "./date-literal";
import { OdsqlError, semanticError } from "./errors";
import type { FieldCatalog } from "./field-catalog";

export type FacetFilter = { field: string; value: string };

/** Splits on the first colon: the value may contain colons (`time:10:30`). */
export function parseFacetFilter(text: string, clause: "refine" | "exclude"): FacetFilter {
  const colon = text.indexOf(":");
  if (colon <= 0) throw new OdsqlError(clause, `Invalid ${clause} "${text}": expected FACET:VALUE`);
  return { field: text.slice(0, colon), value: text.slice(colon + 1) };
}

/** The number of path levels of a date facet value: `2020` → 1, `2020/11` → 2, `2020/11/05` → 3. */
export const datePathDepth = (value: string): number => value.split(/[/-]/).length;

/**
 * `refine=FACET:VALUE` as a condition: equality on that field, a date path denoting its period.
 * With a catalog the field is checked and the value typed; without one (in-memory catalog
 * filtering) the value stays text unless it reads as a date path.
 */
export function facetFilterCondition(filter: FacetFilter, clause: "refine" | "exclude", catalog?: FieldCatalog): Condition {
  const type = catalog?.get(filter.field, clause).type;
  const field: Expr = { kind: "field", name: filter.field, start: 0, end: 0 };
  const span = { start: 0, end: 0 };
  let literal: Literal;
  if (type === "date" || type === "datetime") {
    const period = parseDatePeriod(filter.value);
    if (!period) throw semanticError(clause, `invalid date ${JSON.stringify(filter.value)} for "${filter.field}"`);
    literal = { kind: "date", text: filter.value, period, ...span };
  } else if (type === "int" || type === "double") {
    const number = Number(filter.value);
    if (filter.value.trim() === "" || !Number.isFinite(number)) throw semanticError(clause, `"${filter.field}" needs a number, not ${JSON.stringify(filter.value)}`);
    literal = { kind: "number", value: number, ...span };
  } else if (type === "boolean") {
    const value = filter.value.toLowerCase();
    if (!["true", "false", "1", "0"].includes(value)) throw semanticError(clause, `"${filter.field}" needs true or false, not ${JSON.stringify(filter.value)}`);
    literal = { kind: "boolean", value: value === "true" || value === "1", ...span };
  } else {
    literal = { kind: "string", value: filter.value, ...span };
  }
  const equality: Condition = { kind: "compare", op: "=", left: field, right: literal };
  return clause === "exclude" ? { kind: "not", operand: equality } : equality;
}
