import "server-only";
// How the udata surface knows its callers and writes its errors. A key in `X-API-KEY` (header names are
// case-insensitive: the guide writes `X-Api-Key`); no key is an anonymous reader of public datasets. Errors are
// udata's `{"message": …}` — validation `{"message": "Validation error", "errors": {field: [messages]}}` — and carry
// our `error_code` too.
import type { Principal } from "@/lib/auth/principal";
import type { AppError } from "@/lib/errors/app-error";
import { jsonResponse, principalFromKeyOrRefuse } from "@/lib/http/api-handler";
import type { Translate } from "@/lib/i18n/translator";
import { en } from "@/lib/i18n/messages/en";

export const UDATA_KEY_HEADER = "X-API-KEY";

export async function authenticateUdata(request: Request): Promise<Principal | null> {
  const key = request.headers.get(UDATA_KEY_HEADER)?.trim();
  return key ? principalFromKeyOrRefuse(key) : null;
}

export function renderUdataError(error: AppError, t?: Translate): Response {
  const fields = error.fieldErrors(t);
  const body: Record<string, unknown> =
    error.code === "validation_error"
      ? { message: t ? t("udata.validation_error") : en.udata.validation_error, errors: fields ?? {}, error_code: error.code }
      : { message: t ? error.localizedMessage(t) : error.message, error_code: error.code, trace_id: error.trace_id };
  if (error.code !== "validation_error" && fields) body.errors = fields;
  const headers = { ...error.headers };
  if (error.status === 401) headers["WWW-Authenticate"] = `${UDATA_KEY_HEADER} realm="api"`;
  return jsonResponse(error.status, body, headers);
}
