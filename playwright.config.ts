// End-to-end tests: Debian's Chromium (no browser download) against the production build, on fresh stores
// seeded with the demo domain (e2e/support/serve.mjs). Two projects: `embedded`, the console on its own store,
// and `proxy`, a console in proxy mode (UPSTREAM_URL) in front of a second, upstream instance of ours.
import { defineConfig } from "@playwright/test";
import { E2E_PORT, e2eServerEnv } from "./e2e/support/accounts";
import { PROXY_PORT, proxyServerEnv, UPSTREAM_PORT, upstreamServerEnv } from "./e2e/support/proxy-accounts";

const server = (port: number, env: Record<string, string>) => ({
  command: "node e2e/support/serve.mjs",
  url: `http://localhost:${port}/api/health`,
  env,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
});

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]] : [["list"]],
  outputDir: "test-results/e2e",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-US",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "embedded", testIgnore: "proxy/**", use: { baseURL: `http://localhost:${E2E_PORT}` } },
    { name: "proxy", testDir: "e2e/proxy", use: { baseURL: `http://localhost:${PROXY_PORT}` } },
  ],
  // In order: Playwright starts each server once the previous one answers, so the proxy finds its upstream up.
  webServer: [server(E2E_PORT, e2eServerEnv), server(UPSTREAM_PORT, upstreamServerEnv), server(PROXY_PORT, proxyServerEnv)],
});
