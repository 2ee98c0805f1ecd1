// One error type for expected failures. Services throw it; the API edge turns it into the vendor shape
// { error_code, message, detail? } (in English) and server actions into { ok: false, error } in the user's language.
import { en } from "@/lib/i18n/messages/en";
import { createTranslator, type MessageKey, type Translate, type TranslateVars } from "@/lib/i18n/translator";

export const ERROR_STATUS = {
  bad_request: 400,
  validation_error: 400,
  invalid_dataset_status: 400,
  remote_fetch_error: 400,
  extraction_error: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  // in the trash (udata's soft delete): it was there, and is not any more
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal_error: 500,
  // what this console cannot do (yet, or in its current mode: proxy mode has no trash, no dataset creator); the message says why
  not_implemented: 501,
  service_unavailable: 503,
  // proxy mode: the upstream Automation API could not be reached, or did not answer in time
  upstream_unavailable: 502,
  upstream_timeout: 504,
  // Explore API v2.1 error codes (API-CONTRACT.md §5.4)
  ODSQLError: 400,
  InvalidRESTParameterError: 400,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A message that each edge renders in its own language. */
export type Msg = { key: MessageKey; vars?: TranslateVars };
export type Text = string | Msg;

export const msg = (key: MessageKey, vars?: TranslateVars): Msg => ({ key, vars });

/** field path (dot-separated, e.g. "metadata.default.title.value") → messages */
export type FieldErrors = Record<string, string[]>;

const english = createTranslator(en);

export function renderText(text: Text, t: Translate = english): string {
  return typeof text === "string" ? text : t(text.key, text.vars);
}

// Module copies can coexist in one process (Next bundles instrumentation and routes separately, and the store
// is a process-wide singleton), so `instanceof` is not reliable: errors carry a registered brand instead.
const BRAND = Symbol.for("data-portal-console.AppError");

export class AppError extends Error {
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly status: number;
  readonly text: Text;
  readonly fieldTexts?: Record<string, Text[]>;
  readonly headers?: Record<string, string>;
  /** an unexpected failure's id in the log, for the caller to quote (the 5xx bodies' `trace_id`) */
  readonly trace_id?: string;

  constructor(
    code: ErrorCode,
    message: Text,
    options: { fieldErrors?: Record<string, Text[]>; cause?: unknown; headers?: Record<string, string>; traceId?: string } = {},
  ) {
    super(renderText(message), { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.text = message;
    this.fieldTexts = options.fieldErrors;
    this.headers = options.headers;
    this.trace_id = options.traceId;
  }

  /** The field errors in the given language (English by default). */
  fieldErrors(t: Translate = english): FieldErrors | undefined {
    if (!this.fieldTexts) return undefined;
    return Object.fromEntries(Object.entries(this.fieldTexts).map(([field, texts]) => [field, texts.map((x) => renderText(x, t))]));
  }

  localizedMessage(t: Translate = english): string {
    return renderText(this.text, t);
  }
}

export function isAppError(error: unknown): error is AppError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}

export const notFound = () => new AppError("not_found", msg("errors.not_found"));
export const forbidden = () => new AppError("forbidden", msg("errors.forbidden"));
export const unauthorized = () => new AppError("unauthorized", msg("errors.unauthorized"));
