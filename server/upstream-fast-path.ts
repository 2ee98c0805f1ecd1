// Proxy mode (UPSTREAM_URL): the production server relays the Automation and Explore APIs to the upstream itself,
// before Next, with the same relay as the Next routes (lib/http/upstream-relay.ts) — Next's routing would cost
// more than the relay (docs/decisions/0010-proxy-mode.md). Bodies stream both ways.
import type { IncomingMessage, ServerResponse } from "node:http";
import { RELAYED_PREFIXES, relayToUpstream } from "@/lib/http/upstream-relay";
import { log } from "@/lib/log/logger";
import { requestUrl, sendWebResponse, webRequest } from "./web-bridge";

const EARLY_ANSWER_WAIT_MS = 10_000;

function bodyEnd(request: IncomingMessage, timeoutMs: number): Promise<void> {
  if (request.complete || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    request.once("end", done);
    request.once("close", done);
  });
}

export function isRelayed(request: IncomingMessage): boolean {
  return RELAYED_PREFIXES.some((prefix) => request.url?.startsWith(prefix));
}

export async function serveRelayed(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = requestUrl(request);
  try {
    const answer = await relayToUpstream(webRequest(request, url, { withBody: true }));
    // The upstream answered before taking the whole body (413, 401…): the rest is read and dropped
    // (lib/store/remote/http-transport.ts). Answering once it is in lets the client read the answer rather than
    // fail writing to a closed connection; the connection is not kept for another request either way.
    if (!request.complete) {
      answer.headers.set("connection", "close");
      await bodyEnd(request, EARLY_ANSWER_WAIT_MS);
    }
    await sendWebResponse(answer, request, response);
  } catch (error) {
    // the client went away mid-stream (an upload cancelled, an export closed): nothing to answer
    if (response.destroyed) return;
    log.error("upstream relay failed", { url: url.pathname, error });
    if (!response.headersSent) {
      response.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ error_code: "upstream_unavailable", message: "The upstream could not be reached." }));
    } else response.destroy();
  }
}
