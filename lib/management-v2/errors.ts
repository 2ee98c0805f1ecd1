// Errors in the Management API v2's shape (API-CONTRACT.md §1.4): { status_code, error_key, message, raw_message,
// raw_params }, with `errors` (one per invalid property) under InvalidManagementAPIRequestException, plus our
// `error_code` on every one. raw_message is the message's template and raw_params what fills it in.
import { jsonResponse } from "@/lib/http/api-handler";
import type { AppError, ErrorCode, Text } from "@/lib/errors/app-error";
import { renderText } from "@/lib/errors/app-error";
import { en } from "@/lib/i18n/messages/en";
import type { Translate } from "@/lib/i18n/translator";

/** error_key by our code: ODSException (the documented generic one) for the rest. */
const ERROR_KEYS: Partial<Record<ErrorCode, string>> = {
  unauthorized: "AuthenticationException",
  forbidden: "PermissionDeniedException",
  not_found: "NotFoundException",
  method_not_allowed: "MethodNotAllowedException",
  conflict: "ConflictException",
  invalid_dataset_status: "InvalidDatasetStatusException",
  too_many_requests: "TooManyRequestsException",
  not_implemented: "NotImplementedException",
  payload_too_large: "RequestTooLargeException",
  unsupported_media_type: "UnsupportedMediaTypeException",
};
export const INVALID_REQUEST_KEY = "InvalidManagementAPIRequestException";

/** The English template of a message ("… '{current}' …") and its variables. */
function raw(text: Text): { raw_message: string; raw_params: Record<string, unknown> } {
  if (typeof text === "string") return { raw_message: text, raw_params: {} };
  let node: unknown = en;
  for (const part of text.key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return { raw_message: typeof node === "string" ? node : renderText(text), raw_params: { ...text.vars } };
}

export function renderManagementError(error: AppError, t: Translate | undefined): Response {
  const fields = error.fieldTexts ? Object.entries(error.fieldTexts) : [];
  const body: Record<string, unknown> = {
    status_code: error.status,
    error_key: fields.length > 0 ? INVALID_REQUEST_KEY : (ERROR_KEYS[error.code] ?? "ODSException"),
    message: error.localizedMessage(t),
    ...raw(error.text),
    error_code: error.code,
    trace_id: error.trace_id,
  };
  if (fields.length > 0) {
    body.errors = fields.flatMap(([field, texts]) =>
      texts.map((text) => ({
        status_code: error.status,
        error_key: "ValidationException",
        message: `${field}: ${renderText(text, t)}`,
        ...raw(text),
        error_code: error.code,
        field,
      })),
    );
  }
  const headers = { ...error.headers };
  if (error.status === 401) headers["WWW-Authenticate"] ??= 'Basic realm="api", Apikey realm="api"';
  return jsonResponse(error.status, body, headers);
}
