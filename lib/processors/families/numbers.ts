// Number processors: normalize_number (from text written with local separators) and expression (a computed field).
import { msg } from "@/lib/errors/app-error";
import { defineProcessor, fieldParam, ok, textParam } from "@/lib/processors/define-processor";
import { compileExpression, ExpressionError, parseExpression } from "@/lib/processors/expression";
import { FIELD_NAME, withField } from "@/lib/processors/fields";
import type { RecordValues } from "@/lib/processors/types";
import { mapScalar, quote, toNumber, type ScalarFn } from "@/lib/processors/values";

// Spaces used to group digits: ordinary, no-break (fr-FR before 2019) and narrow no-break (fr-FR since).
const SPACES = /[ \u00a0\u202f]/g;

type NormalizeParams = { field: string; decimal_separator: "." | ","; thousands_separator: string; output_type: "double" | "int" };

export const normalizeNumber = defineProcessor({
  type: "normalize_number",
  label: "Normalize a number",
  description: "Reads numbers written with a decimal comma or thousands separators (1 234,5) and stores them as numbers. Values that are not numbers become null, with a record error.",
  parameters: [
    fieldParam("field", "Field", "Field holding the numbers."),
    { type: "choice", is_mandatory: false, name: "decimal_separator", label: "Decimal separator", default: ".", choices: [".", ","] },
    { type: "choice", is_mandatory: false, name: "thousands_separator", label: "Thousands separator", default: "", choices: ["", " ", ",", ".", "'"], description: "A space also stands for no-break spaces." },
    { type: "choice", is_mandatory: false, name: "output_type", label: "Type", default: "double", choices: ["double", "int"], description: "int refuses numbers with a fractional part." },
  ],
  prepare: (params) => {
    const p = params as NormalizeParams;
    return p.thousands_separator === p.decimal_separator ? { ok: false, errors: { thousands_separator: [msg("processors.same_separators")] } } : ok(p);
  },
  inputs: (p) => [p.field],
  compile: ({ field, decimal_separator, thousands_separator, output_type }, input) => {
    const each: ScalarFn = (value, errors) => {
      if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
      let number: number | null = null;
      if (typeof value === "number") number = toNumber(value);
      else if (typeof value === "string") {
        let text = value.trim();
        if (thousands_separator === " ") text = text.replace(SPACES, "");
        else if (thousands_separator !== "") text = text.replaceAll(thousands_separator, "");
        if (decimal_separator === ",") text = text.includes(".") ? "" : text.replace(",", ".");
        number = toNumber(text);
      }
      if (number === null) {
        errors.push(`Field “${field}”: ${quote(value)} is not a number.`);
        return null;
      }
      if (output_type === "int" && !Number.isSafeInteger(number)) {
        errors.push(`Field “${field}”: ${quote(value)} is not a whole number.`);
        return null;
      }
      return number === 0 ? 0 : number; // no -0
    };
    return {
      fields: withField(input, field, output_type),
      apply: (record, errors) => {
        record[field] = mapScalar(record[field], each, errors);
        return true;
      },
    };
  },
});

export const expression = defineProcessor({
  type: "expression",
  label: "Compute a number",
  description:
    "Computes a number from other fields: + - * / % ** and parentheses, abs, round(x, digits), floor, ceil, min, max, sqrt, pow, log, exp. Fields are named as they are (price) or as $[\"field name\"]. An empty input gives null.",
  parameters: [
    textParam("expression", "Expression", "Such as round(price * 1.2, 2) or (max_temp + min_temp) / 2.", { is_mandatory: true }),
    fieldParam("output_field", "Output field", "Field to write (double): created if missing, replaced otherwise."),
  ],
  prepare: (params) => {
    const parsed = parseExpression(params.expression as string);
    const errors = {
      ...(parsed.ok ? {} : { expression: [parsed.error] }),
      ...(FIELD_NAME.test(params.output_field as string) ? {} : { output_field: [msg("processors.field_name", { example: "total" })] }),
    };
    return parsed.ok && Object.keys(errors).length === 0 ? ok({ parsed: parsed.value, output: params.output_field as string }) : { ok: false, errors };
  },
  inputs: (p) => p.parsed.fields,
  compile: ({ parsed, output }, input) => {
    const evaluate = compileExpression(parsed);
    const names = parsed.fields;
    // One buffer per compiled step: run() is synchronous, so records never share it concurrently.
    const slots = new Float64Array(names.length);
    const compute = (record: RecordValues, errors: string[]): number | null => {
      for (let i = 0; i < names.length; i += 1) {
        const value = record[names[i]!];
        if (value === null || value === undefined || value === "") return null; // null in, null out
        const number = Array.isArray(value) ? null : toNumber(value);
        if (number === null) {
          errors.push(`Field “${names[i]}”: ${quote(value)} is not a number.`);
          return null;
        }
        slots[i] = number;
      }
      let result: number;
      try {
        result = evaluate(slots);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        errors.push(`Expression: ${error.message}.`);
        return null;
      }
      if (Number.isFinite(result)) return result === 0 ? 0 : result; // no -0
      errors.push("Expression: the result is not a finite number.");
      return null;
    };
    return {
      fields: withField(input, output, "double"),
      apply: (record, errors) => {
        record[output] = compute(record, errors);
        return true;
      },
    };
  },
});
