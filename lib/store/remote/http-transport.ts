// The one way this console speaks HTTP to its upstream: Node's own http/https clients with keep-alive. A request
// body is streamed at the pace the upstream takes it (Node 20's fetch reads a streamed body ahead without limit: a
// 1 GiB upload through it grew the process by 1 GiB, measured by bench/proxy.ts), and the answer comes back as
// the upstream sent it, undecoded.
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { pulledWebStream } from "@/lib/http/node-streams";

export type TransportRequest = {
  method: string;
  headers: Headers;
  body?: ReadableStream<Uint8Array> | string | null;
  /** Aborting it ends the call: before the answer the promise rejects, afterwards the answer's body errors. */
  signal: AbortSignal;
  /** Called once the whole request body has been handed to the connection (at once when there is none). */
  onBodySent?: () => void;
};

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

const globalForAgents = globalThis as unknown as { __dpcUpstreamAgents?: { http: http.Agent; https: https.Agent } };
function agents() {
  globalForAgents.__dpcUpstreamAgents ??= { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return globalForAgents.__dpcUpstreamAgents;
}

function nodeHeaders(headers: Headers): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  headers.forEach((value, name) => (out[name] = value));
  return out;
}

function webHeaders(headers: http.IncomingHttpHeaders): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(name, v);
  }
  return out;
}

/** What is still read and dropped of a body the upstream answered before taking; past it, the caller is cut. */
const EARLY_ANSWER_DRAIN_BYTES = 64 * 1024 * 1024;

function drain(source: Readable, request: http.ClientRequest): void {
  source.unpipe(request);
  let dropped = 0;
  source.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > EARLY_ANSWER_DRAIN_BYTES) source.destroy();
  });
  source.resume();
}

export function sendToUpstream(url: URL, init: TransportRequest): Promise<Response> {
  const secure = url.protocol === "https:";
  let source: Readable | null = null;
  let sent = false;
  let answered = false;
  return new Promise<Response>((resolve, reject) => {
    if (init.signal.aborted) return reject(init.signal.reason);
    const request = (secure ? https : http).request(url, { method: init.method, headers: nodeHeaders(init.headers), agent: secure ? agents().https : agents().http }, (answer) => {
      // An answer before the whole body went (413, 401…): the rest is not sent on. It is still read from our own
      // caller and dropped, up to a bound, so that their client finishes sending and reads this answer instead of
      // failing on a closed connection (server/upstream-fast-path.ts waits for that before answering).
      answered = true;
      if (source && !sent) drain(source, request);
      const status = answer.statusCode ?? 502;
      const body = NULL_BODY_STATUSES.has(status) || init.method === "HEAD" ? null : pulledWebStream(answer);
      if (!body) answer.resume();
      resolve(new Response(body, { status, statusText: answer.statusMessage ?? "", headers: webHeaders(answer.headers) }));
    });
    const abort = () => request.destroy(init.signal.reason instanceof Error ? init.signal.reason : new Error("aborted"));
    init.signal.addEventListener("abort", abort, { once: true });
    request.on("close", () => init.signal.removeEventListener("abort", abort));
    request.on("error", reject);
    if (init.body === undefined || init.body === null) {
      request.end();
      init.onBodySent?.();
    } else if (typeof init.body === "string") {
      request.end(init.body, () => init.onBodySent?.());
    } else {
      source = Readable.fromWeb(init.body as import("node:stream/web").ReadableStream<Uint8Array>);
      source.on("error", (error) => request.destroy(error));
      source.on("end", () => {
        sent = true;
        // the deadline runs until the answer: an answer that came first has none left to run
        if (!answered) init.onBodySent?.();
      });
      source.pipe(request);
    }
  });
}
