import "server-only";
// The one wrapper every API operation goes through: route matching, authentication (API key or, for reads,
// the console session), the permission the endpoint declares, input parsing with its zod schemas, output
// serialisation through its response schema, and the vendor error shape { error_code, message, detail? }.
import { randomUUID } from "node:crypto";
import { apiKeyFromRequest } from "@/lib/auth/api-key-secret";
import { principalFromApiKey, principalFromSession, type Principal } from "@/lib/auth/principal";
import { sessionIdFromCookies } from "@/lib/auth/session-cookie";
import { AppError, isAppError, msg } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/zod-messages";
import type { AnyEndpoint, HandlerResult } from "@/lib/http/endpoint";
import { compileRoutes, matchRoute } from "@/lib/http/router";
import type { Translate } from "@/lib/i18n/translator";
import { log } from "@/lib/log/logger";

const MAX_JSON_BODY_BYTES = 1024 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD"]);

const baseHeaders = { "Cache-Control": "no-store" };

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (status === 204 || body === undefined) return new Response(null, { status, headers: { ...baseHeaders, ...headers } });
  return Response.json(body, { status, headers: { ...baseHeaders, ...headers } });
}

export function errorResponse(error: AppError, t?: Translate): Response {
  const body: Record<string, unknown> = { error_code: error.code, message: t ? error.localizedMessage(t) : error.message, trace_id: error.trace_id };
  const detail = error.fieldErrors(t);
  if (detail || error.code === "validation_error") body.detail = detail ?? {};
  const headers = { ...error.headers };
  if (error.status === 401) headers["WWW-Authenticate"] = 'Apikey realm="api"';
  return jsonResponse(error.status, body, headers);
}

/** An unexpected failure, logged under a trace id; the surface answers it in its own shape, with that id. */
function internalError(error: unknown, request: Request): AppError {
  const traceId = randomUUID();
  log.error("unhandled API error", { trace_id: traceId, method: request.method, url: redact(request.url), error });
  return new AppError("internal_error", "A server error occurred.", { traceId });
}

/** Never log API keys passed in the query string. */
function redact(url: string): string {
  return url.replace(/([?&]apikey=)[^&]*/gi, "$1[redacted]");
}

/** Query string → object: repeated keys become arrays, empty values and `apikey` are left out. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    if (key === "apikey") continue;
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length === 1) out[key] = values[0]!;
    else if (values.length > 1) out[key] = values;
  }
  return out;
}

/** How a surface reads a JSON body's text; the default is JSON.parse (a surface may be more lenient, see ApiSurface). */
export type ParseJson = (text: string) => unknown;

async function readJsonBody(request: Request, parseJson: ParseJson = JSON.parse): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) throw new AppError("payload_too_large", msg("errors.body_too_large", { limit: "1 MiB" }));
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) throw new AppError("payload_too_large", msg("errors.body_too_large", { limit: "1 MiB" }));
  // An empty body is an empty object: the schema then names every required field.
  if (text.trim() === "") return {};
  const type = request.headers.get("content-type");
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw new AppError("unsupported_media_type", msg("errors.unsupported_media_type", { type: type.split(";")[0] ?? type }));
  }
  try {
    return parseJson(text);
  } catch (error) {
    throw new AppError("bad_request", msg("errors.json_parse", { detail: (error as Error).message }));
  }
}

/** Header the console adds to its own API writes (see authenticate). */
export const CONSOLE_HEADER = "x-dpc-console";

export function isConsoleRequest(request: Request, url: URL): boolean {
  if (request.headers.get(CONSOLE_HEADER) !== "1") return false;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** How an API request's errors are translated (lib/http/console-translator.ts); undefined: the vendor's English. */
export type TranslatorFor = (request: Request) => Promise<Translate | undefined>;
const english: TranslatorFor = async () => undefined;

/** The principal of an API key a request carries; a key nobody owns is refused, not ignored. */
export async function principalFromKeyOrRefuse(key: string): Promise<Principal> {
  const principal = await principalFromApiKey(key);
  if (!principal) throw new AppError("unauthorized", msg("errors.invalid_api_key"));
  return principal;
}

/**
 * How a surface knows its callers: the Automation API's (`Apikey` header or `?apikey=`, else the console session)
 * unless it says otherwise. Returns null for an anonymous caller.
 */
export type Authenticate = (request: Request, url: URL) => Promise<Principal | null>;

/** How a surface writes its errors; the default is the Automation API's { error_code, message, detail? }. */
export type RenderError = (error: AppError, t: Translate | undefined) => Response;

export type ApiSurface = { authenticate?: Authenticate; renderError?: RenderError; parseJson?: ParseJson };

export async function authenticateAutomation(request: Request, url: URL): Promise<Principal | null> {
  const key = apiKeyFromRequest(request.headers.get("authorization"), url.searchParams);
  if (key !== undefined) return principalFromKeyOrRefuse(key);
  return consoleSessionPrincipal(request, url);
}

/** The console's session, for the console's own requests (see below); null for any other caller. */
export async function consoleSessionPrincipal(request: Request, url: URL): Promise<Principal | null> {
  // The console's own requests use its session cookie: reads always, writes only with the console's header
  // from our own origin (uploads and unsaved previews, which cannot go through server actions). Another site
  // cannot send a custom header without a CORS preflight, which we never grant: no cross-site request forgery.
  if (!SAFE_METHODS.has(request.method) && !isConsoleRequest(request, url)) return null;
  // Decoded from the Cookie header rather than through getServerSession: the same check (next-auth's JWT, then
  // our session table), without Next's request scope, which the production server's Explore path runs outside of.
  const sid = await sessionIdFromCookies(request.headers.get("cookie"));
  return sid ? principalFromSession(sid) : null;
}

async function run(endpoint: AnyEndpoint, request: Request, url: URL, rawParams: Record<string, string>, translatorFor: TranslatorFor, surface: Required<Pick<ApiSurface, "authenticate">> & ApiSurface): Promise<Response> {
  const { authenticate } = surface;
  const principal = await authenticate(request, url);
  if (endpoint.access.kind === "principal") {
    if (!principal) throw new AppError("unauthorized", msg("errors.unauthorized"));
    const anyOf = endpoint.access.anyOf;
    if (anyOf && !anyOf.some((p) => principal.permissions.has(p))) throw new AppError("forbidden", msg("errors.forbidden"));
  }

  let params: unknown = rawParams;
  if (endpoint.params) {
    const parsed = endpoint.params.safeParse(rawParams);
    if (!parsed.success) throw new AppError("not_found", msg("errors.not_found"));
    params = parsed.data;
  }
  let query: unknown = undefined;
  if (endpoint.query) {
    try {
      query = parseInput(endpoint.query, queryObject(url.searchParams));
    } catch (error) {
      if (isAppError(error)) {
        throw new AppError("bad_request", msg("errors.bad_parameters"), { fieldErrors: error.fieldTexts });
      }
      throw error;
    }
  }
  let body: unknown = undefined;
  if (endpoint.body) body = parseInput(endpoint.body, await readJsonBody(request, surface.parseJson), await translatorFor(request));

  const result: HandlerResult = await endpoint.handler({ request, url, principal: principal as Principal, params, query, body });
  if (result instanceof Response) return result;
  const schema = endpoint.responses[result.status]?.schema;
  const payload = schema && result.body !== undefined ? schema.parse(result.body) : result.body;
  const response = jsonResponse(result.status, payload, result.headers);
  return request.method === "HEAD" ? new Response(null, { status: response.status, headers: response.headers }) : response;
}

export function createApiHandler(endpoints: AnyEndpoint[], surface: ApiSurface = {}) {
  const routes = compileRoutes(endpoints);
  const authenticate = surface.authenticate ?? authenticateAutomation;
  const renderError = surface.renderError ?? errorResponse;
  return async function handle(request: Request, pathname: string, translatorFor: TranslatorFor = english): Promise<Response> {
    const url = new URL(request.url);
    try {
      const match = matchRoute(routes, request.method, pathname);
      if (match.kind === "not_found") throw new AppError("not_found", msg("errors.not_found"));
      if (match.kind === "method_not_allowed") {
        throw new AppError("method_not_allowed", msg("errors.method_not_allowed", { method: request.method }), {
          headers: { Allow: match.allow.join(", ") },
        });
      }
      return await run(match.endpoint, request, url, match.params, translatorFor, { ...surface, authenticate });
    } catch (error) {
      if (isAppError(error)) return renderError(error, await translatorFor(request));
      return renderError(internalError(error, request), undefined);
    }
  };
}
