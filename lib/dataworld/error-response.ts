// data.world's error bodies: `{ message }` (API-CONTRACT.md §6.2), with our `error_code` beside it and, for a
// refused body, `detail` (field → messages). A request understood but breaking a rule answers 422, and its
// message names every field at fault, in data.world's notation: "files[0].source.url: …".
import type { AppError } from "@/lib/errors/app-error";
import { jsonResponse } from "@/lib/http/api-handler";
import type { Translate } from "@/lib/i18n/translator";

/** "files.0.source.url" → "files[0].source.url"; the body as a whole is "body". */
export function fieldLabel(path: string): string {
  if (path === "non_field_errors") return "body";
  return path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

export function dataworldErrorResponse(error: AppError, t?: Translate): Response {
  const fields = error.fieldErrors(t);
  const headers = { ...error.headers };
  if (error.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="api"';
  if (error.code === "validation_error") {
    const named = Object.fromEntries(Object.entries(fields ?? {}).map(([path, messages]) => [fieldLabel(path), messages]));
    const message = Object.entries(named).length
      ? Object.entries(named)
          .map(([field, messages]) => `${field}: ${messages.join(" ")}`)
          .join("; ")
      : error.localizedMessage(t);
    return jsonResponse(422, { message, error_code: error.code, detail: named }, headers);
  }
  return jsonResponse(error.status, { message: error.localizedMessage(t), error_code: error.code, trace_id: error.trace_id }, headers);
}
