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
/**
 * JSON answers carry absolute links into the relayed APIs (list next/previous, a template's suggest_url, Explore's
 * links[].href), which must point at this console, not the upstream. Documents — exports, the DCAT description in
 * any of its formats (application/ld+json too) — pass untouched: their IRIs name the upstream's datasets.
 */
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

function upstreamRequestHeaders(request: Request, credentials: UpstreamCredentials | null): Headers {
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!DROPPED_REQUEST_HEADERS.has(name) && !name.startsWith("x-forwarded-")) headers.set(name, value);
  });
  if (credentials) headers.set("authorization", credentials.authorization());
  // the production server has put the client's address there, as TRUST_PROXY reads it (server/main.ts)
  const forwardedFor = request.headers.get("x-forwarded-for");
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

function rewriteUpstreamUrl(value: string, from: string, to: string): string {
  return value.startsWith(from) ? to + value.slice(from.length) : value;
}

/** Every string of the JSON that links into a relayed API of the upstream, pointed at this console instead. */
export function rewriteUpstreamLinks(text: string, upstreamUrl: string, origin: string): string {
  const prefixes = RELAYED_PREFIXES.map((prefix) => upstreamUrl + prefix);
  if (!prefixes.some((prefix) => text.includes(prefix))) return text;
  try {
    const body: unknown = JSON.parse(text, (_key, value: unknown) =>
      typeof value === "string" && prefixes.some((prefix) => value.startsWith(prefix)) ? rewriteUpstreamUrl(value, upstreamUrl, origin) : value,
    );
    return JSON.stringify(body);
  } catch {
    return text; // not JSON after all: passed on as it came
  }
}

function carriesLinks(answer: Response, request: Request, url: URL): boolean {
  return (
    request.method === "GET" &&
    answer.ok &&
    !/\/exports\/[^/]+/.test(url.pathname) && // an export itself, not the list of export links

    /^application\/json\b/i.test(answer.headers.get("content-type") ?? "") &&
    Number(answer.headers.get("content-length") ?? "0") <= LINKED_JSON_MAX_BYTES
  );
}

/**
 * The whole body when it ends within the limit; otherwise (an answer sent without a length that turns out large)
 * a stream of what was read followed by the rest, passed on untouched.
 */
async function bodyWithin(body: ReadableStream<Uint8Array>, limit: number): Promise<{ text: string } | { stream: ReadableStream<Uint8Array> }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: Buffer.concat(chunks).toString("utf8") };
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) break;
  }
  return {
    stream: new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
      },
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    }),
  };
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
  if (location) headers.set("location", rewriteUpstreamUrl(location, upstreamUrl, url.origin));

  if (!upstreamAnswer.body || !carriesLinks(upstreamAnswer, request, url)) {
    return new Response(request.method === "HEAD" ? null : upstreamAnswer.body, { status: upstreamAnswer.status, headers });
  }
  const read = await bodyWithin(upstreamAnswer.body, LINKED_JSON_MAX_BYTES);
  if ("stream" in read) return new Response(read.stream, { status: upstreamAnswer.status, headers });
  const out = rewriteUpstreamLinks(read.text, upstreamUrl, url.origin);
  headers.set("content-length", String(Buffer.byteLength(out)));
  return new Response(out, { status: upstreamAnswer.status, headers });
}

/**
 * Relays one API request (its path and query as they came, `/api/automation/…` or `/api/explore/…`) to the
 * upstream, with the caller's address in X-Forwarded-For.
 */
export async function relayToUpstream(request: Request): Promise<Response> {
  const upstream = config().upstream!;
  const url = new URL(request.url);
  // Only the two APIs go through, whatever dot segments the raw path had: never a session's key to another path.
  if (!RELAYED_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return errorResponse(notFound());
  try {
    const credentials = hasOwnCredentials(request, url) ? null : await sessionCredentials(request, url);
    const target = new URL(`${upstream.url}${url.pathname}${url.search}`);
    const answer = await send(target, request.method, upstreamRequestHeaders(request, credentials), request.body);
    if (answer.status === 401 && credentials?.onRefused) await credentials.onRefused();
    return await answerOf(answer, request, url);
  } catch (error) {
    if (isAppError(error)) return errorResponse(error);
    log.error("upstream relay failed", { method: request.method, path: url.pathname, error });
    return errorResponse(upstreamClient(upstream).unreachable(error));
  }
}
