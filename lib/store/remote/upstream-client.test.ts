// The upstream client against a real HTTP server on loopback that answers what an upstream may answer: success,
// the vendor's error bodies, failures, silence, a dropped connection.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError, type AppError } from "@/lib/errors/app-error";
import { UpstreamCredentials } from "@/lib/store/remote/credentials";
import { UpstreamClient } from "@/lib/store/remote/upstream-client";

type Handler = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;
const routes = new Map<string, Handler>();
const attempts = new Map<string, number>();
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url!, "http://x").pathname.replace("/api/automation/v1.0", "");
    const attempt = (attempts.get(path) ?? 0) + 1;
    attempts.set(path, attempt);
    const handler = routes.get(path);
    if (handler) handler(req, res, attempt);
    else res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error_code: "not_found", message: "Not found." }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
const client = (timeoutMs = 2_000) => new UpstreamClient({ url: base, timeoutMs });
const key = new UpstreamCredentials("k".repeat(40));

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("UpstreamClient", () => {
  it("sends the caller's key and answers the JSON body (undefined for 204)", async () => {
    routes.set("/echo/", (req, res) => json(200, { authorization: req.headers.authorization, query: req.url })(req, res));
    routes.set("/gone/", (_req, res) => res.writeHead(204).end());
    expect(await client().json(key, { method: "GET", path: "/echo/", query: { limit: 2, search: undefined, tags: ["a", "b"] } })).toEqual({
      authorization: `Apikey ${"k".repeat(40)}`,
      query: "/api/automation/v1.0/echo/?limit=2&tags=a&tags=b",
    });
    expect(await client().json(key, { method: "DELETE", path: "/gone/" })).toBeUndefined();
  });

  it("turns the vendor's error bodies into the service layer's errors", async () => {
    routes.set("/missing/", json(404, { error_code: "not_found", message: "Not found." }));
    routes.set("/invalid/", json(400, { error_code: "validation_error", message: "Invalid input", detail: { "metadata.default.title": ["This field is required."], name: "too long" } }));
    routes.set("/state/", json(400, { error_code: "invalid_harvester_status", message: "Invalid transition from processing to processing" }));
    routes.set("/quota/", (_req, res) => res.writeHead(429, { "content-type": "application/json", "retry-after": "7" }).end(JSON.stringify({ error_code: "too_many_requests", message: "Slow down" })));
    expect(await failure(client().json(key, { method: "GET", path: "/missing/" }))).toMatchObject({ code: "not_found", status: 404 });
    const invalid = await failure(client().json(key, { method: "POST", path: "/invalid/", body: {} }));
    expect(invalid).toMatchObject({ code: "validation_error", status: 400, message: "Invalid input" });
    expect(invalid.fieldErrors()).toEqual({ "metadata.default.title": ["This field is required."], name: ["too long"] });
    expect(await failure(client().json(key, { method: "POST", path: "/state/" }))).toMatchObject({ code: "bad_request", message: "Invalid transition from processing to processing" });
    expect(await failure(client().json(key, { method: "GET", path: "/quota/" }))).toMatchObject({ code: "too_many_requests", headers: { "Retry-After": "7" } });
  });

  it("ends a refused key's session (the credentials' callback) on a 401", async () => {
    routes.set("/refused/", json(401, { error_code: "unauthorized", message: "Invalid API key" }));
    let refused = 0;
    const credentials = new UpstreamCredentials("revoked", { onRefused: async () => void refused++ });
    expect(await failure(client().json(credentials, { method: "GET", path: "/refused/" }))).toMatchObject({ code: "unauthorized" });
    expect(refused).toBe(1);
  });

  it("names the upstream when it fails, answers what is not JSON, or is not there", async () => {
    routes.set("/broken/", (_req, res) => res.writeHead(500, { "content-type": "text/html" }).end("<h1>Internal Server Error</h1>"));
    routes.set("/html/", (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html>login page</html>"));
    const broken = await failure(client().json(key, { method: "GET", path: "/broken/" }));
    expect(broken).toMatchObject({ code: "upstream_unavailable", status: 502 });
    expect(broken.message).toContain(new URL(base).host);
    expect(broken.message).toContain("500");
    expect(await failure(client().json(key, { method: "GET", path: "/html/" }))).toMatchObject({ code: "upstream_unavailable" });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await failure(new UpstreamClient({ url: `http://127.0.0.1:${port}`, timeoutMs: 2_000 }).json(key, { method: "GET", path: "/datasets/" }));
    expect(down).toMatchObject({ code: "upstream_unavailable", status: 502 });
    expect(down.message).toContain(`127.0.0.1:${port}`);
    expect(down.message).toContain("ECONNREFUSED");
  });

  it("gives up on a silent upstream at its deadline", async () => {
    routes.set("/silent/", () => undefined);
    const started = Date.now();
    expect(await failure(client(300).json(key, { method: "GET", path: "/silent/" }))).toMatchObject({ code: "upstream_timeout", status: 504 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("retries a read once when its connection drops, never a write", async () => {
    const flaky: Handler = (req, res, attempt) => (attempt === 1 ? req.socket.destroy() : json(200, { ok: true })(req, res));
    routes.set("/flaky-read/", flaky);
    routes.set("/flaky-write/", flaky);
    expect(await client().json(key, { method: "GET", path: "/flaky-read/" })).toEqual({ ok: true });
    expect(attempts.get("/flaky-read/")).toBe(2);
    expect(await failure(client().json(key, { method: "POST", path: "/flaky-write/", body: {} }))).toMatchObject({ code: "upstream_unavailable" });
    expect(attempts.get("/flaky-write/")).toBe(1);
  });
});
