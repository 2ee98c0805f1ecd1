// The two ways an extractor fails: the file cannot be read as asked (extraction_error), or a parameter is wrong
// (validation_error keyed `params.<name>`, so forms can point at the field).
import { AppError, msg, type Text } from "@/lib/errors/app-error";
import type { MessageKey, TranslateVars } from "@/lib/i18n/translator";

type ExtractorKey = Extract<MessageKey, `extractors.${string}`>;

export function extractionError(key: ExtractorKey, vars?: TranslateVars, cause?: unknown): AppError {
  return new AppError("extraction_error", msg(key, vars), { cause });
}

export function paramsError(fieldErrors: Record<string, Text[]>): AppError {
  return new AppError("validation_error", msg("extractors.invalid_params"), { fieldErrors });
}

export function paramError(name: string, key: ExtractorKey, vars?: TranslateVars): AppError {
  return paramsError({ [`params.${name}`]: [msg(key, vars)] });
}
