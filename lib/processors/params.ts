// Generic checks of processor parameters against their declared schema: known names only, values of the
// declared type, defaults filled in. Lenient on form, as query strings and form posts send everything as text:
// "3" for 3, "true" for true, "a, b" for ["a", "b"].
import { msg, type Text } from "@/lib/errors/app-error";
import type { ParamErrors, Params, ProcessorParameter } from "@/lib/processors/types";

/** Longest text parameter: enough for any sensible pattern or expression, small enough to bound the work. */
export const MAX_PARAM_LENGTH = 2000;

type Checked = { value: unknown } | { error: Text };

function checkText(value: string): Checked {
  return value.length <= MAX_PARAM_LENGTH ? { value } : { error: msg("processors.too_long", { max: MAX_PARAM_LENGTH }) };
}

function fieldList(raw: unknown): string[] | null {
  const list = typeof raw === "string" ? raw.split(",").map((name) => name.trim()) : raw;
  if (!Array.isArray(list) || list.length === 0) return null;
  return list.every((name) => typeof name === "string" && name !== "" && name.length <= MAX_PARAM_LENGTH) ? (list as string[]) : null;
}

function checkType(parameter: ProcessorParameter, raw: unknown): Checked {
  switch (parameter.type) {
    case "integer":
      if (typeof raw === "number" && Number.isSafeInteger(raw)) return { value: raw };
      if (typeof raw === "string" && /^\s*-?\d{1,15}\s*$/.test(raw)) return { value: Number(raw) };
      return { error: msg("processors.not_integer") };
    case "boolean":
      if (typeof raw === "boolean") return { value: raw };
      if (raw === "true" || raw === "false") return { value: raw === "true" };
      return { error: msg("processors.not_boolean") };
    case "choice":
      if (typeof raw === "string" && parameter.choices?.includes(raw)) return { value: raw };
      return { error: msg("processors.invalid_choice", { choices: (parameter.choices ?? []).map((c) => JSON.stringify(c)).join(", ") }) };
    case "fields": {
      const list = fieldList(raw);
      return list ? { value: list } : { error: msg("processors.not_field_list") };
    }
    default:
      // Numbers and booleans are fine as text (set_value's value: 0), nothing else is.
      if (typeof raw === "number" || typeof raw === "boolean") return checkText(String(raw));
      return typeof raw === "string" ? checkText(raw) : { error: msg("processors.not_text") };
  }
}

/** The default as the parameter's type: defaults are declared as text, like the extractors' parameters. */
function defaultOf(parameter: ProcessorParameter): unknown {
  if (parameter.default === undefined) return parameter.type === "string" ? "" : null;
  const checked = checkType(parameter, parameter.default);
  return "value" in checked ? checked.value : null;
}

/**
 * Checks `raw` against the schema. Absent, null or empty-text values of a mandatory parameter are missing
 * (an empty field name or pattern means nothing); optional ones take their default.
 */
export function normalizeParams(type: string, schema: ProcessorParameter[], raw: Record<string, unknown>): { params: Params; errors: ParamErrors } {
  // Null prototype: a client's "__proto__" key must be reported as unknown, not become the prototype.
  const errors: ParamErrors = Object.create(null);
  const params: Params = {};
  const declared = new Set(schema.map((parameter) => parameter.name));
  for (const name of Object.keys(raw)) {
    if (!declared.has(name)) errors[name] = [msg("processors.unknown_param", { type })];
  }
  for (const parameter of schema) {
    const value = Object.hasOwn(raw, parameter.name) ? raw[parameter.name] : undefined;
    const absent = value === undefined || value === null || (value === "" && (parameter.is_mandatory || parameter.type !== "string"));
    if (absent) {
      if (parameter.is_mandatory) errors[parameter.name] = [msg("processors.required")];
      else params[parameter.name] = defaultOf(parameter);
      continue;
    }
    const checked = checkType(parameter, value);
    if ("error" in checked) errors[parameter.name] = [checked.error];
    else params[parameter.name] = checked.value;
  }
  return { params, errors };
}
