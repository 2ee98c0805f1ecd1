// Proxy mode: the Automation and Explore APIs of this console are the upstream's, relayed at the transport level
// (docs/decisions/0010-proxy-mode.md). Status, headers and bodies pass unchanged and streamed both ways (uploads,
// exports, the live status events); the caller's own key goes on as they sent it, or the console session's key is
// added. What the upstream's answer cannot say for itself — it is down, too slow, or its gateway answers an HTML
// error page — gets our JSON error.
import { config } from "@/lib/env/config";
import { isAppError, notFound } from "@/lib/errors/app-error";
import { CONSOLE_HEADER, errorResponse, isConsoleRequest } from "@/lib/http/api-handler";
import { log } from "@/lib/log/logger";
import { principalFromSession } from "@/lib/auth/principal";
import { sessionIdFromCookies } from "@/lib/auth/session-cookie";
import { sendToUpstream } from "@/lib/store/remote/http-transport";
import { upstreamClient } from "@/lib/store/remote/upstream-client";
import type { UpstreamCredentials } from "@/lib/store/remote/credentials";

/** Request headers that describe this hop or this console, not the call. */
const DROPPED_REQUEST_HEADERS = new Set([
  "host",
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "cookie",
  "accept-encoding",
  "expect",
  CONSOLE_HEADER,
]);
/** Response headers of the upstream's hop; its cookies belong to its own origin, not ours. */
const DROPPED_RESPONSE_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "trailer", "upgrade", "set-cookie", "proxy-authenticate"]);

const SAFE_METHODS = new Set(["GET", "HEAD"]);
export const RELAYED_PREFIXES = ["/api/automation/", "/api/explore/"];
/** Automation lists carry absolute next/previous links, which must point at this console, not the upstream. */
const LINKED_JSON_MAX_BYTES = 16 * 1024 * 1024;

function hasOwnCredentials(request: Request, url: URL): boolean {
  return request.headers.has("authorization") || url.searchParams.has("apikey");
}

/**
 * The console session's upstream key, for the console's own calls: reads always, writes only with the console's
 * header from our own origin (the same CSRF guard as the embedded API, lib/http/api-handler.ts).
 */
async function sessionCredentials(request: Request, url: URL): Promise<UpstreamCredentials | null> {
  if (!SAFE_METHODS.has(request.method) && !isConsoleRequest(request, url)) return null;
  const sid = await sessionIdFromCookies(request.headers.get("cookie"));
  if (!sid) return null;
  return (await principalFromSession(sid))?.upstream?.credentials ?? null;
}

function upstreamRequestHeaders(request: Request, credentials: UpstreamCredentials | null, clientAddress: string | null): Headers {
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!DROPPED_REQUEST_HEADERS.has(name) && !name.startsWith("x-forwarded-")) headers.set(name, value);
  });
  if (credentials) headers.set("authorization", credentials.authorization());
  const forwardedFor = [request.headers.get("x-forwarded-for"), clientAddress].filter(Boolean).join(", ");
  if (forwardedFor) headers.set("x-forwarded-for", forwardedFor);
  return headers;
}

/**
 * Sends the call. The deadline runs from the end of the request body to the upstream's status line, so a long
 * upload or a long export is never cut, and a silent upstream is. A read whose connection fails is tried once more
 * (a body cannot be sent twice, and a write may have been applied).
 */
async function send(target: URL, method: string, headers: Headers, requestBody: ReadableStream<Uint8Array> | null): Promise<Response> {
  const upstream = config().upstream!;
  const client = upstreamClient(upstream);
  const withBody = requestBody !== null && !SAFE_METHODS.has(method);
  for (let attempt = 1; ; attempt++) {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startDeadline = () => {
      timer ??= setTimeout(() => controller.abort(), upstream.timeoutMs);
    };
    try {
      const answer = await sendToUpstream(target, { method, headers, body: withBody ? requestBody : null, signal: controller.signal, onBodySent: startDeadline });
      clearTimeout(timer);
      return answer;
    } catch (error) {
      clearTimeout(timer);
      if (controller.signal.aborted) throw client.timeout();
      if (withBody || attempt >= 2) throw client.unreachable(error);
    }
  }
}

function rewriteUpstreamUrl(value: unknown, from: string, to: string): unknown {
  return typeof value === "string" && value.startsWith(from) ? to + value.slice(from.length) : value;
}

async function answerOf(upstreamAnswer: Response, request: Request, url: URL): Promise<Response> {
  const { url: upstreamUrl } = config().upstream!;
  // A failure the upstream explains in JSON (its trace_id…) goes on as it is; a gateway's HTML error page becomes
  // our JSON error naming the upstream, so API clients always get the error shape.
  if (upstreamAnswer.status >= 500 && !/json/i.test(upstreamAnswer.headers.get("content-type") ?? "")) {
    return errorResponse(await upstreamClient(config().upstream!).errorOf(upstreamAnswer));
  }
  const headers = new Headers();
  upstreamAnswer.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name)) headers.set(name, value);
  });
  const location = headers.get("location");
  if (location) headers.set("location", String(rewriteUpstreamUrl(location, upstreamUrl, url.origin)));

  const linked =
    request.method === "GET" &&
    upstreamAnswer.ok &&
    url.pathname.startsWith("/api/automation/") &&
    /json/i.test(upstreamAnswer.headers.get("content-type") ?? "") &&
    Number(upstreamAnswer.headers.get("content-length") ?? "0") <= LINKED_JSON_MAX_BYTES;
  if (!linked) return new Response(request.method === "HEAD" ? null : upstreamAnswer.body, { status: upstreamAnswer.status, headers });

  const text = await upstreamAnswer.text();
  let out = text;
  if (text.includes(upstreamUrl)) {
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      if (body && typeof body === "object" && !Array.isArray(body) && ("next" in body || "previous" in body)) {
        body.next = rewriteUpstreamUrl(body.next, upstreamUrl, url.origin);
        body.previous = rewriteUpstreamUrl(body.previous, upstreamUrl, url.origin);
        out = JSON.stringify(body);
      }
    } catch {
      // not JSON after all: passed on as it came
    }
  }
  headers.set("content-length", String(Buffer.byteLength(out)));
  return new Response(out, { status: upstreamAnswer.status, headers });
}

/**
 * Relays one API request (its path and query as they came, `/api/automation/…` or `/api/explore/…`) to the
 * upstream. `clientAddress`: the caller's address, passed on in X-Forwarded-For.
 */
export async function relayToUpstream(request: Request, clientAddress: string | null = null): Promise<Response> {
  const upstream = config().upstream!;
  const url = new URL(request.url);
  // Only the two APIs go through, whatever dot segments the raw path had: never a session's key to another path.
  if (!RELAYED_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return errorResponse(notFound());
  try {
    const credentials = hasOwnCredentials(request, url) ? null : await sessionCredentials(request, url);
    const target = new URL(`${upstream.url}${url.pathname}${url.search}`);
    const answer = await send(target, request.method, upstreamRequestHeaders(request, credentials, clientAddress), request.body);
    if (answer.status === 401 && credentials?.onRefused) await credentials.onRefused();
    return await answerOf(answer, request, url);
  } catch (error) {
    if (isAppError(error)) return errorResponse(error);
    log.error("upstream relay failed", { method: request.method, path: url.pathname, error });
    return errorResponse(upstreamClient(upstream).unreachable(error));
  }
}
