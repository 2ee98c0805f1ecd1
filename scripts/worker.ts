// npm run worker: a process that only runs publish jobs, beside web instances started with JOBS=off (or with
// jobs on: they share the queue). Same DATABASE_URL and DATA_DIR as the web instances. On PostgreSQL the jobs
// come through pg-boss; on SQLite workers poll the jobs table (one machine, one DATA_DIR).
import { migrate } from "@/lib/db/migrate";
import { config } from "@/lib/env/config";
import { startJobRunner } from "@/lib/publishing/runner";
import { log } from "@/lib/log/logger";

async function main() {
  if (config().upstream) {
    // proxy mode: the upstream publishes its own datasets; there is nothing here to run
    console.error("UPSTREAM_URL is set: this console is a proxy, and publish workers have nothing to do. Stop.");
    process.exit(2);
  }
  // Migrations only: the first start (admin account, demo domain) is the web server's, which prints the login.
  await migrate(config().database);
  await startJobRunner();
  log.info("publish worker ready", { pid: process.pid });
  // The runner's timers are unref'd (they must not keep a web server alive on shutdown); here they are the point.
  setInterval(() => undefined, 1 << 30);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
}

main().catch((error: unknown) => {
  log.error("the publish worker could not start", { error });
  process.exit(1);
});
