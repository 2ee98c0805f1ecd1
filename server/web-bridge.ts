// Node's request and response objects to and from the web Request and Response our handlers speak, for the
// requests the production server answers before Next (explore-fast-path.ts, upstream-fast-path.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pulledWebStream } from "@/lib/http/node-streams";
import { SECURITY_HEADERS } from "@/lib/http/security-headers.mjs";

/** The URL as Next gives it to route handlers: the Host header, and the protocol a proxy forwarded. */
export function requestUrl(request: IncomingMessage): URL {
  const proto = String(request.headers["x-forwarded-proto"] ?? "http").split(",")[0]!.trim();
  return new URL(request.url!, `${proto}://${request.headers.host ?? "localhost"}`);
}

/** `withBody`: the request body is streamed into the web Request (never buffered). */
export function webRequest(request: IncomingMessage, url: URL, { withBody = false } = {}): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const hasBody = withBody && request.method !== "GET" && request.method !== "HEAD";
  const body = hasBody ? pulledWebStream(request) : undefined;
  return new Request(url, { method: request.method, headers, body, ...(hasBody ? { duplex: "half" } : {}) } as RequestInit);
}

/** Writes the answer with the console's security headers; bodies are streamed, a JSON page sent in one write. */
export async function sendWebResponse(answer: Response, request: IncomingMessage, response: ServerResponse): Promise<void> {
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
    const body = Buffer.from(await answer.arrayBuffer());
    headers["content-length"] = String(body.length);
    response.writeHead(answer.status, headers).end(body);
  } else {
    response.writeHead(answer.status, headers);
    await pipeline(Readable.fromWeb(answer.body as import("node:stream/web").ReadableStream<Uint8Array>), response);
  }
}
