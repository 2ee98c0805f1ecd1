// Validation messages for people, in their language, for every zod issue our schemas can raise. Used when
// parsing anything a user or a client sent: the same map serves forms (client), server actions and the API.
import type { z } from "zod";
import type { Translate, MessageKey } from "@/lib/i18n/translator";
import { AppError, msg, type FieldErrors } from "@/lib/errors/app-error";
import { en } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translator";
import { findInputProblem, MAX_INPUT_DEPTH } from "@/lib/http/input-problems";

type Issue = z.core.$ZodRawIssue;

export function zodErrorMap(t: Translate): z.core.$ZodErrorMap {
  return (raw) => {
    const issue = raw as Issue & Record<string, unknown>;
    switch (issue.code) {
      case "invalid_type":
        if (issue.input === undefined || issue.input === null) return t("validation.required");
        if (issue.expected === "int") return t("validation.not_integer");
        return t("validation.invalid_type", { expected: String(issue.expected) });
      case "too_small": {
        const minimum = Number(issue.minimum);
        if (issue.origin === "string") return minimum <= 1 ? t("validation.required") : t("validation.too_short", { minimum });
        if (issue.origin === "array" || issue.origin === "set") return t("validation.too_few", { minimum });
        return t("validation.too_small_number", { minimum });
      }
      case "too_big": {
        const maximum = Number(issue.maximum);
        if (issue.origin === "string") return t("validation.too_long", { maximum });
        if (issue.origin === "array" || issue.origin === "set") return t("validation.too_many", { maximum });
        return t("validation.too_big_number", { maximum });
      }
      case "invalid_value":
        return t("validation.invalid_option", { options: (issue.values as unknown[]).map(String).join(", ") });
      case "invalid_format":
        if (issue.format === "datetime") return t("validation.invalid_datetime");
        if (issue.format === "email") return t("validation.invalid_email");
        if (issue.format === "url") return t("validation.invalid_url");
        return t("validation.invalid");
      case "invalid_union": {
        // a discriminated union (datasource.type…) with an unknown or missing tag: name the choices
        const options = (issue as { options?: unknown[] }).options;
        return options ? t("validation.invalid_option", { options: options.map(String).join(", ") }) : t("validation.invalid");
      }
      case "unrecognized_keys":
        return t("validation.unknown_field", { key: (issue.keys as string[]).join(", ") });
      case "custom": {
        const key = (issue.params as { i18n?: string } | undefined)?.i18n;
        return key ? t(`validation.${key}` as MessageKey) : t("validation.invalid");
      }
      default:
        return t("validation.invalid");
    }
  };
}

/** Issues as { "a.b.c": [messages] }; "non_field_errors" for the object itself (the DRF convention). */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  const add = (path: PropertyKey[], message: string) => {
    const key = path.length ? path.map(String).join(".") : "non_field_errors";
    (out[key] ??= []).push(message);
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...issue.path, key], issue.message);
    } else {
      add(issue.path, issue.message);
    }
  }
  return out;
}

const english = createTranslator(en);

/** Parses input from outside; invalid input becomes a validation_error with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, t: Translate = english): z.output<S> {
  const problem = findInputProblem(input);
  if (problem?.kind === "depth") throw new AppError("bad_request", msg("errors.input_too_deep", { max: MAX_INPUT_DEPTH }));
  if (problem) {
    const text = t(problem.kind === "nul" ? "validation.nul_character" : "validation.lone_surrogate");
    throw new AppError("validation_error", msg("errors.invalid_input"), { fieldErrors: { [problem.path || "non_field_errors"]: [text] } });
  }
  const result = schema.safeParse(input, { error: zodErrorMap(t) });
  if (result.success) return result.data;
  throw new AppError("validation_error", msg("errors.invalid_input"), { fieldErrors: fieldErrorsFromZod(result.error) });
}
