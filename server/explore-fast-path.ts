// The production server answers Explore API reads itself, before Next: the same handler as the Next route
// (app/api/explore/_endpoints/handler.ts), without Next's routing and route runtime, which cost more than the
// query itself and capped the API at ~220 requests/s on 2 cores (measured, bench/explore.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { handleExplore } from "@/app/api/explore/_endpoints/handler";
import { CONSOLE_HEADER } from "@/lib/http/api-handler";
import { SECURITY_HEADERS } from "@/lib/http/security-headers.mjs";
import { log } from "@/lib/log/logger";

const PREFIX = "/api/explore/";

/**
 * Explore reads by scripts and clients. The console's own requests keep going through Next: their error messages
 * are in the user's language, which is read in Next's request scope.
 */
export function isFastExplore(request: IncomingMessage): boolean {
  return (request.method === "GET" || request.method === "HEAD") && !!request.url?.startsWith(PREFIX) && request.headers[CONSOLE_HEADER] !== "1";
}

/** The decoded path segments after /api/explore/, or null when Next should answer (no version, bad escapes). */
function segmentsOf(pathname: string): string[] | null {
  try {
    const segments = pathname.slice(PREFIX.length).split("/").filter((s) => s !== "").map(decodeURIComponent);
    return segments.length > 0 ? segments : null;
  } catch {
    return null;
  }
}

function webRequest(request: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return new Request(url, { method: request.method, headers });
}

/** Answers the request; false when it is not an Explore call after all (Next takes it). */
export async function serveExplore(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  // Same origin as Next gives route handlers: the Host header, and the protocol a proxy forwarded.
  const proto = String(request.headers["x-forwarded-proto"] ?? "http").split(",")[0]!.trim();
  const url = new URL(request.url!, `${proto}://${request.headers.host ?? "localhost"}`);
  const segments = segmentsOf(url.pathname);
  if (!segments) return false;
  try {
    const answer = await handleExplore(webRequest(request, url), segments[0]!, segments.slice(1));
    const headers: Record<string, string | string[]> = {};
    // Lower-case names: the handler's own headers (an export's nosniff) replace these instead of doubling them.
    for (const { key, value } of SECURITY_HEADERS) headers[key.toLowerCase()] = value;
    answer.headers.forEach((value, name) => (headers[name] = value));
    const cookies = answer.headers.getSetCookie();
    if (cookies.length) headers["set-cookie"] = cookies;
    if (!answer.body || request.method === "HEAD") {
      response.writeHead(answer.status, headers).end();
      await answer.body?.cancel();
    } else if (answer.headers.get("content-type")?.startsWith("application/json") && !answer.headers.has("content-disposition")) {
      // A JSON answer is one page: sent in one write with its length.
      const body = Buffer.from(await answer.arrayBuffer());
      headers["content-length"] = String(body.length);
      response.writeHead(answer.status, headers).end(body);
    } else {
      response.writeHead(answer.status, headers);
      await pipeline(Readable.fromWeb(answer.body as import("node:stream/web").ReadableStream<Uint8Array>), response);
    }
  } catch (error) {
    // A client that went away mid-export ends the pipeline (which cancels the export); nothing to answer.
    if (response.destroyed) return true;
    log.error("explore fast path failed", { url: url.pathname, error });
    if (!response.headersSent) {
      response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error_code: "internal_error", message: "A server error occurred." }));
    } else response.destroy();
  }
  return true;
}
