// Checking extractor parameters sent by a client: known names only, values of the declared type, sensible values.
// Lenient on form: "3" for 3 and "true" for true, as query strings and form posts send them.
import { AppError, msg, type Text } from "@/lib/errors/app-error";
import { isKnownEncoding } from "@/lib/extractors/encoding";
import { paramsError } from "@/lib/extractors/extraction-error";
import { MAX_PREVIEW_RECORDS } from "@/lib/extractors/limits";
import { EXTRACTOR_TYPES, extractorOf, isExtractorType } from "@/lib/extractors/registry";
import type { ExtractorParameter, ExtractorParams, ExtractorType } from "@/lib/extractors/types";

type Checked = { value: unknown } | { error: Text };

function checkType(parameter: ExtractorParameter, raw: unknown): Checked {
  switch (parameter.type) {
    case "integer":
      if (typeof raw === "number" && Number.isInteger(raw)) return { value: raw };
      if (typeof raw === "string" && /^\s*\d+\s*$/.test(raw)) return { value: Number(raw) };
      return { error: msg("validation.not_integer") };
    case "boolean":
      if (typeof raw === "boolean") return { value: raw };
      if (raw === "true" || raw === "false") return { value: raw === "true" };
      return { error: msg("validation.invalid_type", { expected: "boolean" }) };
    case "choice":
      if (typeof raw === "string" && parameter.choices?.includes(raw)) return { value: raw };
      return { error: msg("validation.invalid_option", { options: (parameter.choices ?? []).join(", ") }) };
    default:
      return typeof raw === "string" ? { value: raw } : { error: msg("validation.invalid_type", { expected: "string" }) };
  }
}

const LINE_BREAK = /[\r\n]/;

/** Checks beyond the type, per parameter name; returns the normalized value. */
function checkValue(name: string, value: unknown): Checked {
  switch (name) {
    case "separator": {
      // "\t" typed as two characters in a form means a tab.
      const separator = value === "\\t" || value === "tab" ? "\t" : (value as string);
      return separator.length === 1 && !LINE_BREAK.test(separator) ? { value: separator } : { error: msg("extractors.param_separator") };
    }
    case "quotechar":
      return (value as string).length <= 1 && !LINE_BREAK.test(value as string) ? { value } : { error: msg("extractors.param_quotechar") };
    case "encoding": {
      const encoding = (value as string).trim().toLowerCase();
      return encoding !== "" && isKnownEncoding(encoding) ? { value: encoding } : { error: msg("extractors.param_encoding", { encoding: value as string }) };
    }
    case "first_row_no":
      return (value as number) >= 1 ? { value } : { error: msg("validation.too_small_number", { minimum: 1 }) };
    case "json_root":
      return value === "" || (value as string).split(".").every((key) => key !== "") ? { value } : { error: msg("extractors.param_json_root") };
    case "sheet":
      return (value as string) !== "" ? { value } : { error: msg("validation.required") };
    default:
      return { value };
  }
}

/**
 * The extractor type and the parameters a client gave, normalized. Parameters left out, null or undefined are
 * not given: they will be guessed.
 */
export function validateParams(type: unknown, params: unknown): { type: ExtractorType; given: ExtractorParams } {
  if (!isExtractorType(type)) {
    throw new AppError("validation_error", msg("extractors.invalid_params"), {
      fieldErrors: { type: [msg("extractors.unknown_type", { type: String(type), types: EXTRACTOR_TYPES.join(", ") })] },
    });
  }
  if (params === undefined || params === null) return { type, given: {} };
  if (typeof params !== "object" || Array.isArray(params)) throw paramsError({ params: [msg("validation.invalid_type", { expected: "object" })] });

  const schema = new Map(extractorOf(type).parameters.map((parameter) => [parameter.name, parameter]));
  const errors: Record<string, Text[]> = {};
  const given: ExtractorParams = {};
  for (const [name, raw] of Object.entries(params)) {
    const parameter = schema.get(name);
    if (!parameter) {
      errors[`params.${name}`] = [msg("extractors.unknown_param", { type })];
      continue;
    }
    if (raw === undefined || raw === null) continue;
    const typed = checkType(parameter, raw);
    const checked = "error" in typed ? typed : checkValue(name, typed.value);
    if ("error" in checked) errors[`params.${name}`] = [checked.error];
    else given[name] = checked.value;
  }
  if (typeof given.separator === "string" && given.separator === given.quotechar) errors["params.quotechar"] = [msg("extractors.param_quote_is_separator")];
  if (Object.keys(errors).length > 0) throw paramsError(errors);
  return { type, given };
}

export function validateLimit(limit: unknown): number {
  if (limit === undefined) return 20;
  if (typeof limit === "number" && Number.isInteger(limit) && limit >= 1 && limit <= MAX_PREVIEW_RECORDS) return limit;
  throw new AppError("validation_error", msg("extractors.invalid_params"), {
    fieldErrors: { limit: [msg("extractors.invalid_limit", { max: MAX_PREVIEW_RECORDS })] },
  });
}
