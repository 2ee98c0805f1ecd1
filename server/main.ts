// The production server (`npm start`, the test and bench servers): Next's request handler for the console, the
// Explore API answered before Next (explore-fast-path.ts), and publish jobs in a thread of their own
// (publish-thread.ts). Bundled into .next/dpc/ by scripts/build-server.mjs; `npm run dev` keeps `next dev`, where
// the Next route serves Explore and jobs run on the server's thread.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import next from "next";
import { isFastExplore, serveExplore } from "./explore-fast-path";
import { answerMalformedPath, hasMalformedPath } from "./malformed-url";
import { readConfig } from "@/lib/env/config";
import { resolveClientAddress } from "@/lib/http/trust-proxy";
import { isRelayed, serveRelayed } from "./upstream-fast-path";

const root = fileURLToPath(new URL("../..", import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const RESTART_MS = 1_000;
// Proxy mode keeps no datasets: nothing to publish here, and the APIs are the upstream's.
const proxied = !!process.env.UPSTREAM_URL;
const jobsHere = process.env.JOBS !== "off" && !proxied;

/** Runs the publish jobs until the server stops; a thread that dies is started again (its job is recovered). */
function startPublishThread(): void {
  const thread = new Worker(new URL("./publish-thread.mjs", import.meta.url), { name: "publish jobs" });
  thread.on("error", (error) => console.error("The publish thread failed:", error));
  thread.on("exit", (code) => {
    console.error(`The publish thread stopped (exit ${code}); starting it again.`);
    setTimeout(startPublishThread, RESTART_MS).unref();
  });
}

async function main() {
  // next is CommonJS: its default export arrives as the module object or as the function itself.
  const createNext = ((next as unknown as { default?: typeof next }).default ?? next) as typeof next;
  // Next's own server code (instrumentation.ts) must leave the jobs to the thread.
  if (jobsHere) process.env.JOB_RUNNER = "thread";
  const app = createNext({ dev: false, dir: root, port });
  // Runs instrumentation.ts (migrations, first start) before anything is served or published.
  await app.prepare();
  if (jobsHere) startPublishThread();
  const handle = app.getRequestHandler();
  const trust = readConfig().trustProxy;
  const server = createServer((request, response) => {
    if (hasMalformedPath(request)) return answerMalformedPath(request, response);
    // From here on X-Forwarded-For holds one address, the client's as TRUST_PROXY reads it: throttles, quotas and
    // the relay (which appends it for the upstream) all read that one.
    request.headers["x-forwarded-for"] = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], trust);
    const viaNext = () => handle(request, response);
    if (proxied) return void (isRelayed(request) ? serveRelayed(request, response) : viaNext());
    if (!isFastExplore(request)) return void viaNext();
    void serveExplore(request, response).then((served) => (served ? undefined : viaNext()));
  });
  server.listen(port, () => console.log(`▲ Data Portal Console on http://localhost:${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      process.exit(0);
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
