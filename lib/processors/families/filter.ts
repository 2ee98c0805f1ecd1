// skip_records: drops the records whose field satisfies a condition. On a multivalued field the condition holds
// when it holds for one of the values (not_equals: for none of them); null reads as empty text.
// Comparisons are numeric when the given value is a number, textual otherwise.
import { msg } from "@/lib/errors/app-error";
import { defineProcessor, fieldParam, ok, textParam } from "@/lib/processors/define-processor";
import { compileRegexp } from "@/lib/processors/safe-regexp";
import type { Prepared } from "@/lib/processors/types";
import { asText, isEmpty, toNumber } from "@/lib/processors/values";

const OPERATORS = ["equals", "not_equals", "contains", "is_empty", "is_not_empty", "matches", "greater_than", "less_than"] as const;
type Operator = (typeof OPERATORS)[number];
// equals "" is a meaningful test; "contains nothing" or "greater than nothing" is not.
type SkipParams = { field: string; operator: Operator; value: string; regexpTest: ((text: string) => boolean) | null };
const NEEDS_VALUE: ReadonlySet<Operator> = new Set(["contains", "matches", "greater_than", "less_than"]);

/**
 * Against a number, compares numbers only (text such as "Paris" is neither greater nor less than 9.9); against
 * text, compares as text in code-unit order, the same on every machine. null: not comparable (nor is empty text).
 */
function compare(value: unknown, text: string, number: number | null): number | null {
  if (number !== null) {
    const left = toNumber(value);
    return left === null ? null : left - number;
  }
  const leftText = asText(value);
  if (leftText === null || leftText === undefined || leftText === "") return null;
  return leftText < text ? -1 : leftText > text ? 1 : 0;
}

/** The per-value test for each operator (is_empty / is_not_empty look at the whole value instead). */
function scalarTest(operator: Operator, value: string, regexpTest: ((text: string) => boolean) | null): (scalar: unknown) => boolean {
  const number = toNumber(value);
  switch (operator) {
    case "contains":
      return (scalar) => asText(scalar)?.includes(value) ?? false;
    case "matches":
      return (scalar) => {
        const text = asText(scalar);
        return typeof text === "string" && regexpTest!(text);
      };
    case "greater_than":
      return (scalar) => (compare(scalar, value, number) ?? 0) > 0;
    case "less_than":
      return (scalar) => (compare(scalar, value, number) ?? 0) < 0;
    default:
      // equals and not_equals: 1.0 equals 1; null equals "".
      return (scalar) => (scalar === null || scalar === undefined || scalar === "" ? value === "" : compare(scalar, value, number) === 0);
  }
}

export const skipRecords = defineProcessor({
  type: "skip_records",
  label: "Skip records",
  description: "Drops the records that match a condition on a field. Comparisons are numeric when both sides are numbers; matches uses an RE2 regular expression.",
  parameters: [
    fieldParam("field", "Field", "Field to test."),
    { type: "choice", is_mandatory: true, name: "operator", label: "Condition", choices: [...OPERATORS] },
    textParam("value", "Value", "Value to compare with (a regular expression for matches); not used by is_empty and is_not_empty.", { default: "" }),
  ],
  prepare: (params): Prepared<SkipParams> => {
    const { field, operator, value } = params as SkipParams;
    if (NEEDS_VALUE.has(operator) && value === "") return { ok: false, errors: { value: [msg("processors.value_required", { operator })] } };
    if (operator !== "matches") return ok({ field, operator, value, regexpTest: null });
    const compiled = compileRegexp(value);
    if (!compiled.ok) return { ok: false, errors: { value: [compiled.error] } };
    const regexp = compiled.regexp;
    return ok({ field, operator, value, regexpTest: (text: string) => regexp.test(text) });
  },
  inputs: (p) => [p.field],
  compile: ({ field, operator, value, regexpTest }, input) => {
    let matches: (value: unknown) => boolean;
    if (operator === "is_empty") matches = isEmpty;
    else if (operator === "is_not_empty") matches = (v) => !isEmpty(v);
    else {
      const test = scalarTest(operator, value, regexpTest);
      const any = (v: unknown) => (Array.isArray(v) ? v.some(test) : test(v));
      matches = operator === "not_equals" ? (v) => !any(v) : any;
    }
    return { fields: input, apply: (record) => !matches(record[field]) };
  },
});
