// Global setup of the proxy projects: an upstream instance of ours on a fresh SQLite store, and in front of it a
// console in proxy mode (UPSTREAM_URL) whose own store keeps sessions only. The suites talk to the proxy; their
// fixtures write into the upstream's store, as a domain's existing data would be there before the console.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startServer } from "../../support/server";
import { ADMIN_KEY, backendEnv } from "./backend";

/** `front`: what the proxy sees as its upstream, given the upstream instance's URL (default: the instance itself). */
export async function setupProxyBackend(project: TestProject, front?: (upstreamUrl: string) => Promise<{ url: string; close(): Promise<void> }>) {
  const upstreamDir = mkdtempSync(join(tmpdir(), "dpc-api-upstream-"));
  const proxyDir = mkdtempSync(join(tmpdir(), "dpc-api-proxy-"));
  const env = backendEnv(upstreamDir);
  const upstream = await startServer({ env });
  const facade = front ? await front(upstream.url) : { url: upstream.url, close: async () => {} };
  const proxyEnv: Record<string, string> = { DATA_DIR: proxyDir, UPSTREAM_URL: facade.url, UPSTREAM_TIMEOUT_MS: "15000", LOG_LEVEL: "warn", SEED_DEMO: "false", TRUST_PROXY: "1" };
  const proxy = await startServer({ env: proxyEnv });
  project.provide("backend", { provider: "sqlite", baseUrl: proxy.url, adminKey: ADMIN_KEY, env, skipReason: null, proxy: { upstreamUrl: upstream.url, proxyEnv, ...(front ? { officialUrl: facade.url } : {}) } });
  return async () => {
    await proxy.stop();
    await facade.close();
    await upstream.stop();
    if (process.env.DPC_TEST_SERVER_LOG) console.log(`upstream:\n${upstream.output()}\nproxy:\n${proxy.output()}`);
    rmSync(upstreamDir, { recursive: true, force: true });
    rmSync(proxyDir, { recursive: true, force: true });
  };
}
