// Global setup of the API suites: one production server per database provider, on a fresh store, with a known
// administrator key. Tests reach it through inject() (see worker-env.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { dropSchema, freshSchemaUrl, postgresReachable, TEST_DATABASE_URL } from "../../support/postgres";
import { startServer } from "../../support/server";

export const ADMIN_KEY = "a".repeat(8) + "0123456789abcdef0123456789abcdef";
export const ADMIN_PASSWORD = "admin-password-for-tests";
export const UPLOAD_LIMIT_FOR_TESTS = 8 * 1024 * 1024;

declare module "vitest" {
  export interface ProvidedContext {
    backend: {
      provider: "sqlite" | "postgresql";
      baseUrl: string;
      adminKey: string;
      env: Record<string, string>;
      skipReason: string | null;
      /**
       * The proxy projects: `baseUrl` is then a console in proxy mode, `env` its upstream's (so fixtures write
       * into the upstream's store), and `upstreamUrl` the upstream instance itself; `officialUrl` the official-only
       * facade between them (api-proxy-official), which is the proxy's UPSTREAM_URL there.
       */
      proxy?: { upstreamUrl: string; proxyEnv: Record<string, string>; officialUrl?: string };
    };
  }
}

/** The environment of a server under test on a fresh store in `dataDir`. */
export function backendEnv(dataDir: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    ADMIN_API_KEY: ADMIN_KEY,
    ADMIN_PASSWORD,
    SEED_DEMO: "false",
    LOG_LEVEL: "warn",
    // the resource tests serve remote files from a local HTTP server, and check the upload limit on small files
    ALLOWED_PRIVATE_HOSTS: "127.0.0.1",
    MAX_UPLOAD_BYTES: String(UPLOAD_LIMIT_FOR_TESTS),
    // the suites stand for clients behind one proxy: the last X-Forwarded-For entry they send is the client's
    // address (tests/api/auth-hardening.test.ts also runs a server that believes only the socket)
    TRUST_PROXY: "1",
  };
}

export async function setupBackend(project: TestProject, provider: "sqlite" | "postgresql") {
  const dataDir = mkdtempSync(join(tmpdir(), `dpc-api-${provider}-`));
  const env = backendEnv(dataDir);
  let schema: string | null = null;
  if (provider === "postgresql") {
    const problem = await postgresReachable();
    if (problem) {
      const reason = `PostgreSQL is not reachable at ${TEST_DATABASE_URL} (${problem}): the PostgreSQL API suite is SKIPPED. Set TEST_DATABASE_URL to run it.`;
      if (process.env.CI) throw new Error(`${reason} CI must run it.`);
      console.warn(`\n⚠ ${reason}\n`);
      project.provide("backend", { provider, baseUrl: "", adminKey: ADMIN_KEY, env, skipReason: reason });
      return () => rmSync(dataDir, { recursive: true, force: true });
    }
    const fresh = freshSchemaUrl("dpc_api");
    schema = fresh.schema;
    env.DATABASE_URL = fresh.url;
  }
  const server = await startServer({ env });
  project.provide("backend", { provider, baseUrl: server.url, adminKey: ADMIN_KEY, env, skipReason: null });
  return async () => {
    await server.stop();
    if (process.env.DPC_TEST_SERVER_LOG) console.log(server.output());
    if (schema) await dropSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
