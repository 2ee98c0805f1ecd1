// The one HTTP client of the upstream Automation API (proxy mode): every call carries the caller's own key, has a
// deadline (UPSTREAM_TIMEOUT_MS), and turns the upstream's answer into the service layer's terms — the JSON body,
// or an AppError with the upstream's code, message and field errors. Reads retry once when the connection fails;
// writes never do (the upstream may have applied them).
import type { UpstreamConfig } from "@/lib/env/config";
import { AppError, ERROR_STATUS, msg, type ErrorCode, type Text } from "@/lib/errors/app-error";
import type { UpstreamCredentials } from "@/lib/store/remote/credentials";
import { sendToUpstream } from "@/lib/store/remote/http-transport";

export const AUTOMATION_BASE = "/api/automation/v1.0";
export const EXPLORE_BASE = "/api/explore/v2.1";

export type QueryValue = string | number | boolean | undefined | null | readonly string[];

export type UpstreamCall = {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** below the API's base, with its trailing slash: "/datasets/da_x1y2z3/" */
  path: string;
  /** default: the Automation API */
  api?: "automation" | "explore";
  query?: Record<string, QueryValue>;
  /** JSON */
  body?: unknown;
  /** a raw body streamed as is (uploads), with its content type */
  stream?: { body: ReadableStream<Uint8Array>; contentType: string };
  accept?: string;
};

/** Path segment: identifiers come from users and URLs, never trusted to be path-safe. */
export const seg = (value: string) => encodeURIComponent(value);

type ErrorBody = { error_code?: unknown; message?: unknown; detail?: unknown };

// Codes whose messages are generic: ours are the same text, in the user's language.
const GENERIC: Partial<Record<ErrorCode, Text>> = {
  not_found: msg("errors.not_found"),
  forbidden: msg("errors.forbidden"),
  unauthorized: msg("errors.unauthorized"),
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "too_many_requests",
};

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(ERROR_STATUS, code);
}

/** `detail` of a validation error: field path → messages (the upstream may send a string per field). */
function fieldErrorsOf(detail: unknown): Record<string, string[]> | undefined {
  if (!detail || typeof detail !== "object" || Array.isArray(detail)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(detail as Record<string, unknown>)) {
    out[field] = Array.isArray(messages) ? messages.map(String) : [String(messages)];
  }
  return out;
}

export class UpstreamClient {
  readonly origin: string;

  constructor(readonly config: UpstreamConfig) {
    this.origin = new URL(config.url).host;
  }

  url(path: string, query: Record<string, QueryValue> = {}, api: UpstreamCall["api"] = "automation"): URL {
    const url = new URL(`${this.config.url}${api === "explore" ? EXPLORE_BASE : AUTOMATION_BASE}${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null) continue;
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
    }
    return url;
  }

  /** The answer's JSON body (undefined for 204); upstream refusals and failures throw AppError. */
  async json<T>(credentials: UpstreamCredentials | null, call: UpstreamCall): Promise<T> {
    const response = await this.send(credentials, call);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    try {
      return (text === "" ? undefined : JSON.parse(text)) as T;
    } catch {
      throw this.notJson(response.status);
    }
  }

  /** The answer as text (CSV exports), refusals thrown like json(). */
  async text(credentials: UpstreamCredentials | null, call: UpstreamCall): Promise<string> {
    return (await this.send(credentials, call)).text();
  }

  /** A successful answer; an error answer becomes the AppError it stands for. */
  async send(credentials: UpstreamCredentials | null, call: UpstreamCall): Promise<Response> {
    const response = await this.fetchWithDeadline(credentials, call);
    if (response.ok) return response;
    if (response.status === 401 && credentials?.onRefused) await credentials.onRefused();
    throw await this.errorOf(response);
  }

  /** The call with the upstream's deadline, a read tried once more if its connection failed before any answer. */
  private async fetchWithDeadline(credentials: UpstreamCredentials | null, call: UpstreamCall): Promise<Response> {
    const deadline = AbortSignal.timeout(this.config.timeoutMs);
    const headers = new Headers({ Accept: call.accept ?? "application/json" });
    if (credentials) headers.set("Authorization", credentials.authorization());
    let body: ReadableStream<Uint8Array> | string | undefined;
    if (call.stream) {
      body = call.stream.body;
      headers.set("Content-Type", call.stream.contentType);
    } else if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers.set("Content-Type", "application/json");
    }
    const url = this.url(call.path, call.query, call.api);
    const attempts = call.method === "GET" ? 2 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await sendToUpstream(url, { method: call.method, headers, body, signal: deadline });
      } catch (error) {
        if (deadline.aborted) throw this.timeout();
        if (attempt >= attempts) throw this.unreachable(error);
      }
    }
  }

  async errorOf(response: Response): Promise<AppError> {
    const text = await response.text().catch(() => "");
    let body: ErrorBody | null = null;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as ErrorBody;
    } catch {
      body = null;
    }
    if (response.status >= 500 || !body) {
      const detail = typeof body?.message === "string" ? body.message : response.statusText || String(response.status);
      return new AppError("upstream_unavailable", msg("upstream.failed", { upstream: this.origin, status: response.status, message: detail }));
    }
    const code = isErrorCode(body.error_code) && ERROR_STATUS[body.error_code] === response.status ? body.error_code : (CODE_BY_STATUS[response.status] ?? "bad_request");
    const message: Text = GENERIC[code] ?? (typeof body.message === "string" && body.message !== "" ? body.message : msg("errors.generic"));
    const headers: Record<string, string> = {};
    const retryAfter = response.headers.get("retry-after");
    if (retryAfter) headers["Retry-After"] = retryAfter;
    return new AppError(code, message, { fieldErrors: fieldErrorsOf(body.detail), headers });
  }

  timeout(): AppError {
    return new AppError("upstream_timeout", msg("upstream.timeout", { upstream: this.origin, seconds: this.config.timeoutMs / 1000 }));
  }

  unreachable(error: unknown): AppError {
    const failure = error as { code?: string; message?: string; cause?: { code?: string; message?: string } } | undefined;
    const reason = failure?.code ?? failure?.cause?.code ?? failure?.cause?.message ?? failure?.message ?? "unknown error";
    return new AppError("upstream_unavailable", msg("upstream.unavailable", { upstream: this.origin, reason }));
  }

  notJson(status: number): AppError {
    return new AppError("upstream_unavailable", msg("upstream.not_json", { upstream: this.origin, status }));
  }
}

const globalForClient = globalThis as unknown as { __dpcUpstreamClient?: { key: string; client: UpstreamClient } };

/** The process-wide client of the configured upstream. */
export function upstreamClient(config: UpstreamConfig): UpstreamClient {
  const key = `${config.url} ${config.timeoutMs}`;
  if (globalForClient.__dpcUpstreamClient?.key !== key) globalForClient.__dpcUpstreamClient = { key, client: new UpstreamClient(config) };
  return globalForClient.__dpcUpstreamClient.client;
}

/** The client bound to one caller's credentials: what the remote service implementations call. */
export type UpstreamCaller = {
  readonly client: UpstreamClient;
  json<T>(call: UpstreamCall): Promise<T>;
  text(call: UpstreamCall): Promise<string>;
};

export function callerOf(client: UpstreamClient, credentials: UpstreamCredentials): UpstreamCaller {
  return {
    client,
    json: (call) => client.json(credentials, call),
    text: (call) => client.text(credentials, call),
  };
}
