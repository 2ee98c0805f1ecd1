// A path that cannot be percent-decoded (`/datasets/%ff%fe/`) makes Next's router throw before any route runs, and
// Next then answers a plain-text 500. It is the client's mistake: answered here, before Next, with a 400 — the
// APIs' JSON error for API paths, a short page for the console's.
import type { IncomingMessage, ServerResponse } from "node:http";
import { SECURITY_HEADERS } from "@/lib/http/security-headers.mjs";
import { en } from "@/lib/i18n/messages/en";

const API_PREFIXES = ["/api/", "/v0/"];

export function hasMalformedPath(request: IncomingMessage): boolean {
  const url = request.url ?? "/";
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

export function answerMalformedPath(request: IncomingMessage, response: ServerResponse): void {
  const message = en.errors.malformed_url;
  const api = API_PREFIXES.some((prefix) => (request.url ?? "").startsWith(prefix));
  const body = api ? JSON.stringify({ error_code: "bad_request", message }) : `<!doctype html><title>Bad request</title><h1>Bad request</h1><p>${message}</p>`;
  response.statusCode = 400;
  for (const { key, value } of SECURITY_HEADERS) response.setHeader(key, value);
  response.setHeader("Content-Type", api ? "application/json" : "text/html; charset=utf-8");
  response.setHeader("Cache-Control", "no-store");
  response.setHeader("Content-Length", Buffer.byteLength(body));
  // the request's body, if any, is not read: the connection cannot carry another request after it
  response.setHeader("Connection", "close");
  response.end(body);
  request.resume();
}
