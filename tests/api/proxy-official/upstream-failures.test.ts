// What the proxy console says when its upstream cannot answer for itself: down (502 upstream_unavailable), silent
// (504 upstream_timeout, at UPSTREAM_TIMEOUT_MS), a gateway's HTML error page (our JSON 502) — while an error the
// upstream explains in JSON goes on as it is. Sign-in fails with a clear error, and /api/health still answers.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "../../support/api-client";
import { freePort, startServer, type TestServer } from "../../support/server";
import { attemptKeySignIn } from "./key-sign-in";

const BASE = "/api/automation/v1.0";
const KEY = "k".repeat(40);

type Behaviour = "silent" | "html502" | "json500";

/** An upstream that fails the way it is told to; "silent" accepts the request and never answers. */
async function failingUpstream() {
  const state: { behaviour: Behaviour } = { behaviour: "silent" };
  const sockets = new Set<Socket>();
  const server = http.createServer((request, response) => {
    request.resume();
    if (state.behaviour === "html502") {
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    } else if (state.behaviour === "json500") {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ error_code: "internal_error", message: "A server error occurred.", trace_id: "trace-1" }));
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function proxyTo(upstreamUrl: string, dataDir: string): Promise<TestServer> {
  return startServer({ env: { DATA_DIR: dataDir, UPSTREAM_URL: upstreamUrl, UPSTREAM_TIMEOUT_MS: "500", LOG_LEVEL: "error", SEED_DEMO: "false" } });
}

async function health(server: TestServer): Promise<number> {
  return (await fetch(`${server.url}/api/health`)).status;
}

describe("upstream failures, seen through the proxy", () => {
  const dirs = [mkdtempSync(join(tmpdir(), "dpc-proxy-down-")), mkdtempSync(join(tmpdir(), "dpc-proxy-failing-"))];
  let upstream: Awaited<ReturnType<typeof failingUpstream>>;
  let toNowhere: TestServer;
  let toFailing: TestServer;

  beforeAll(async () => {
    upstream = await failingUpstream();
    // a port nothing listens on: freePort() closed it again
    [toNowhere, toFailing] = await Promise.all([proxyTo(`http://127.0.0.1:${await freePort()}`, dirs[0]!), proxyTo(upstream.url, dirs[1]!)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([toNowhere?.stop(), toFailing?.stop()]);
    await upstream?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe("upstream down", () => {
    it("answers a relayed call with 502 upstream_unavailable", async () => {
      const answer = await apiClient(toNowhere.url, KEY, BASE).get("/datasets/");
      expect(answer.status, answer.text).toBe(502);
      expect(answer.headers.get("content-type")).toMatch(/json/);
      expect(answer.body).toEqual({ error_code: "upstream_unavailable", message: expect.stringContaining("could not be reached") });
    });

    it("fails a sign-in with a clear error, starting no session", async () => {
      const signedIn = await attemptKeySignIn(toNowhere.url, KEY);
      expect(signedIn.status).toBeLessThan(500);
      expect(signedIn.error).toBe("UpstreamUnavailable");
      expect(signedIn.cookie).toBeNull();
    });

    it("still answers /api/health", async () => {
      expect(await health(toNowhere)).toBe(200);
    });
  });

  describe("upstream silent", () => {
    it("answers 504 upstream_timeout once UPSTREAM_TIMEOUT_MS has passed", async () => {
      upstream.state.behaviour = "silent";
      const started = Date.now();
      const answer = await apiClient(toFailing.url, KEY, BASE).get("/datasets/");
      const elapsed = Date.now() - started;
      expect(answer.status, answer.text).toBe(504);
      expect(answer.body).toEqual({ error_code: "upstream_timeout", message: expect.stringContaining("did not answer within 0.5 s") });
      expect(elapsed).toBeGreaterThanOrEqual(450);
      expect(elapsed).toBeLessThan(5_000);
    });

    it("fails a sign-in with the same clear error", async () => {
      upstream.state.behaviour = "silent";
      const signedIn = await attemptKeySignIn(toFailing.url, KEY);
      expect(signedIn.error).toBe("UpstreamUnavailable");
      expect(signedIn.cookie).toBeNull();
      expect(await health(toFailing)).toBe(200);
    });
  });

  describe("upstream failing", () => {
    it("turns a gateway's HTML 502 page into our JSON error", async () => {
      upstream.state.behaviour = "html502";
      const answer = await apiClient(toFailing.url, KEY, BASE).get("/datasets/");
      expect(answer.status, answer.text).toBe(502);
      expect(answer.headers.get("content-type")).toMatch(/json/);
      expect(answer.body).toEqual({ error_code: "upstream_unavailable", message: expect.stringContaining("(502)") });
    });

    it("passes on an error the upstream explains in JSON", async () => {
      upstream.state.behaviour = "json500";
      const answer = await apiClient(toFailing.url, KEY, BASE).post("/datasets/", { metadata: {} });
      expect(answer.status, answer.text).toBe(500);
      expect(answer.headers.get("content-type")).toMatch(/json/);
      expect(answer.body).toEqual({ error_code: "internal_error", message: "A server error occurred.", trace_id: "trace-1" });
      expect(await health(toFailing)).toBe(200);
    });
  });
});
