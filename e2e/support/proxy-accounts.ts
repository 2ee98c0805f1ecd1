// The proxy project's two servers: an upstream instance of ours (the embedded store, the demo domain and the same
// administrator and demo passwords as the embedded server, so `accounts` are valid there) and, in front of it, a
// console in proxy mode that keeps sessions only.
import { e2eServerEnv } from "./accounts";

export const UPSTREAM_PORT = Number(process.env.E2E_UPSTREAM_PORT ?? 3220);
export const PROXY_PORT = Number(process.env.E2E_PROXY_PORT ?? 3221);
export const UPSTREAM_ORIGIN = `http://localhost:${UPSTREAM_PORT}`;
export const PROXY_ORIGIN = `http://localhost:${PROXY_PORT}`;
/** What the proxy's upstream badge shows. */
export const UPSTREAM_HOST = new URL(UPSTREAM_ORIGIN).host;

export const upstreamServerEnv: Record<string, string> = {
  ...e2eServerEnv,
  PORT: String(UPSTREAM_PORT),
  DATA_DIR: "test-results/e2e-upstream-data",
};

// No ADMIN_* and no demo seed: they do not apply in proxy mode, and the start would list them as ignored.
export const proxyServerEnv: Record<string, string> = {
  PORT: String(PROXY_PORT),
  DATA_DIR: "test-results/e2e-proxy-data",
  UPSTREAM_URL: UPSTREAM_ORIGIN,
  NEXT_TELEMETRY_DISABLED: "1",
  LOG_LEVEL: "warn",
};
