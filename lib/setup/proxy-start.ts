// What a proxy-mode console (UPSTREAM_URL) does at start instead of the embedded store's first start: say which
// upstream it drives and what does not apply, check that the upstream answers, and keep its session table clean.
import { config } from "@/lib/env/config";
import { log } from "@/lib/log/logger";
import { upstreamCapabilities } from "@/lib/store/remote/capabilities";
import { upstreamClient } from "@/lib/store/remote/upstream-client";
import { store } from "@/lib/store/store";

const HOUR = 3600_000;
const IGNORED = ["ADMIN_USERNAME", "ADMIN_PASSWORD", "ADMIN_API_KEY", "SEED_DEMO", "DEMO_PASSWORD", "MAX_DATASET_RECORDS", "ALLOWED_PRIVATE_HOSTS", "JOBS"];

export async function announceProxyMode(): Promise<void> {
  const cfg = config();
  const upstream = cfg.upstream!;
  const set = IGNORED.filter((name) => process.env[name] !== undefined && process.env[name] !== "");
  const lines = [
    "",
    "  Data Portal Console — proxy mode",
    `  Upstream: ${upstream.url} (Automation API at ${upstream.url}/api/automation/v1.0/, Explore at ${upstream.url}/api/explore/v2.1/)`,
    "  Sign in with an API key of that domain. This console keeps no datasets, files, users or groups of its own;",
    "  ADMIN_USERNAME, ADMIN_PASSWORD, ADMIN_API_KEY and the demo seed do not apply.",
  ];
  if (set.length) lines.push(`  Ignored in proxy mode: ${set.join(", ")}.`);
  const client = upstreamClient(upstream);
  try {
    // the document of an upstream of ours, or a 404 from any other: either way it answered
    const capabilities = await upstreamCapabilities(client);
    lines.push(capabilities.console ? "  The upstream is a Data Portal Console: its extensions are used." : "  The upstream speaks the official Automation API only: the console falls back where it uses an extension.");
  } catch (error) {
    lines.push(`  The upstream did not answer yet (${(error as Error).message}); requests will say so until it does.`);
  }
  lines.push(`  Open http://localhost:${cfg.port}`, "");
  console.log(lines.join("\n"));
  log.info("proxy mode", { upstream: upstream.url, timeout_ms: upstream.timeoutMs });
}

/** Ended and idle sessions go, with the keys sealed in them, at start and then every hour. */
export function scheduleUpstreamSessionSweep(): void {
  const run = () => {
    const now = new Date();
    store()
      .upstreamSessions.sweep(now, new Date(now.getTime() - config().session.idleSeconds * 1000))
      .catch((error: unknown) => log.error("upstream session sweep failed", { error }));
  };
  run();
  setInterval(run, HOUR).unref();
}
