// The production server answers Explore API reads itself, before Next: the same handler as the Next route
// (app/api/explore/_endpoints/handler.ts), without Next's routing and route runtime, which cost more than the
// query itself and capped the API at ~220 requests/s on 2 cores (measured, bench/explore.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleExplore } from "@/app/api/explore/_endpoints/handler";
import { CONSOLE_HEADER } from "@/lib/http/api-handler";
import { log } from "@/lib/log/logger";
import { requestUrl, sendWebResponse, webRequest } from "./web-bridge";

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

/** Answers the request; false when it is not an Explore call after all (Next takes it). */
export async function serveExplore(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const url = requestUrl(request);
  const segments = segmentsOf(url.pathname);
  if (!segments) return false;
  try {
    const answer = await handleExplore(webRequest(request, url), segments[0]!, segments.slice(1));
    await sendWebResponse(answer, request, response);
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
