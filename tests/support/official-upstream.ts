// An upstream that behaves like an Opendatasoft domain: an in-process HTTP server in front of an instance of ours
// that lets through only what the official Automation API v1 has (official-api.ts). No OpenAPI document at
// /api/automation/v1.0/openapi.json, 404 for every other operation of ours, our extension query parameters
// dropped (an Opendatasoft domain ignores them), and answers without the properties the official schemas do not
// declare. Explore and everything else pass unchanged; bodies stream, except the JSON answers it rewrites.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { matchOperation, OFFICIAL_BASE, responseSchema, stripUndeclared, type OfficialOperation } from "./official-api";

const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "upgrade", "trailer"];

export type OfficialUpstream = { url: string; close(): Promise<void> };

/** The request target with the query parameters the operation does not declare removed (the raw one if none is). */
export function officialTarget(operation: OfficialOperation, pathname: string, search: string): string {
  const query = new URLSearchParams(search);
  const kept = [...query].filter(([name]) => operation.query.has(name));
  if (kept.length === [...query].length) return pathname + search;
  return kept.length === 0 ? pathname : `${pathname}?${new URLSearchParams(kept)}`;
}

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = { ...headers };
  for (const name of HOP_BY_HOP) delete out[name];
  return out;
}

function notFound(response: http.ServerResponse) {
  const body = JSON.stringify({ error_code: "not_found", message: "Not found." });
  response.writeHead(404, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** The answer with what its official schema does not declare removed; a body that is not JSON goes as it came. */
async function relayStripped(operation: OfficialOperation, answer: http.IncomingMessage, response: http.ServerResponse) {
  const text = await readAll(answer);
  const schema = responseSchema(operation, answer.statusCode ?? 502);
  let out = text;
  if (schema && text !== "") {
    try {
      out = JSON.stringify(stripUndeclared(JSON.parse(text), [schema]));
    } catch {
      out = text;
    }
  }
  response.writeHead(answer.statusCode ?? 502, answer.statusMessage, { ...withoutHopByHop(answer.headers), "content-length": Buffer.byteLength(out) });
  response.end(out);
}

export async function startOfficialUpstream(upstreamUrl: string): Promise<OfficialUpstream> {
  const upstream = new URL(upstreamUrl);
  const agent = new http.Agent({ keepAlive: true });

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://facade");
    let target = request.url ?? "/";
    let operation: OfficialOperation | null = null;
    if (url.pathname.startsWith("/api/automation/")) {
      // Only the official version's operations: /api/automation/v1/…, openapi.json and our extensions are not.
      operation = url.pathname.startsWith(`${OFFICIAL_BASE}/`) ? matchOperation(request.method ?? "GET", url.pathname.slice(OFFICIAL_BASE.length)) : null;
      if (!operation) {
        request.resume();
        return notFound(response);
      }
      target = officialTarget(operation, url.pathname, url.search);
    }
    const headers = withoutHopByHop(request.headers);
    // Answers it rewrites must come unencoded; the Host stays the caller's, so our instance links to this facade.
    if (operation) delete headers["accept-encoding"];
    const forwarded = http.request({ host: upstream.hostname, port: upstream.port, method: request.method, path: target, headers, agent }, (answer) => {
      const json = /json/i.test(answer.headers["content-type"] ?? "");
      if (operation && json && request.method !== "HEAD") {
        relayStripped(operation, answer, response).catch((error: Error) => response.destroy(error));
        return;
      }
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
      answer.pipe(response);
    });
    forwarded.on("error", (error) => {
      if (response.headersSent) return response.destroy(error);
      response.writeHead(502, { "content-type": "application/json" });
      response.end(JSON.stringify({ error_code: "bad_gateway", message: `official-only upstream: ${error.message}` }));
    });
    request.pipe(forwarded);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
