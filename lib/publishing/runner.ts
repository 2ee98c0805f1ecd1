import "server-only";
// The publish worker loop, run by the web server (embedded default) and by `npm run worker`. One job at a time
// per process: publishing is I/O and CPU heavy, and a second job would only slow the first. Jobs whose worker
// died (crash, kill) are put back in the queue and started again from scratch; the half-built table they left
// is dropped, and the published records were never touched.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { log } from "@/lib/log/logger";
import { listenForJobs } from "@/lib/publishing/job-queue";
import { runJob } from "@/lib/publishing/publish-job";
import { dropUnusedRecordsTables } from "@/lib/publishing/records-sweep";
import { store } from "@/lib/store/store";

/** A worker that has not saved progress for this long is taken as dead (heartbeats come every 0.5 s while it works). */
const STALE_AFTER_MS = 60_000;
const POLL_MS = 2_000;
const RECOVERY_MS = 15_000;

type RunnerState = { worker_id: string; busy: boolean; pending: boolean; stop?: () => Promise<void> };
const globalForRunner = globalThis as unknown as { __dpcRunner?: RunnerState };

const HOST = hostname();

/** worker ids are host:pid:random — a worker on this host whose process is gone is dead at once. */
export function isDeadWorker(worker_id: string, self: string): boolean {
  if (worker_id === self) return false;
  const [host, pid] = worker_id.split(":");
  if (host !== HOST) return false;
  if (Number(pid) === process.pid) return true; // an earlier runner of this very process (hot reload): gone
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch {
    return true;
  }
}

async function recover(worker_id: string): Promise<void> {
  const requeued = await store().publishJobs.requeueInterrupted((id) => isDeadWorker(id, worker_id), new Date(Date.now() - STALE_AFTER_MS));
  for (const job of requeued) log.warn("publish job interrupted; queued again", { job: job.uid, dataset: job.dataset_uid });
  await dropUnusedRecordsTables();
}

async function drain(runner: RunnerState, job_uid?: string): Promise<void> {
  if (runner.busy) {
    runner.pending = true;
    return;
  }
  runner.busy = true;
  try {
    let hint = job_uid;
    for (;;) {
      runner.pending = false;
      const job = await store().publishJobs.claim(runner.worker_id, hint);
      hint = undefined;
      if (!job) {
        if (runner.pending) continue;
        break;
      }
      log.info("publish job started", { job: job.uid, dataset: job.dataset_uid, function: job.function });
      await runJob(job);
      log.info("publish job ended", { job: job.uid });
    }
  } catch (error) {
    log.error("publish worker error", { error });
  } finally {
    runner.busy = false;
  }
}

export async function startJobRunner(): Promise<void> {
  if (globalForRunner.__dpcRunner) return;
  const runner: RunnerState = { worker_id: `${HOST}:${process.pid}:${randomBytes(4).toString("hex")}`, busy: false, pending: false };
  globalForRunner.__dpcRunner = runner;
  await recover(runner.worker_id).catch((error: unknown) => log.error("publish recovery failed", { error }));
  runner.stop = await listenForJobs((job_uid) => drain(runner, job_uid));
  setInterval(() => void drain(runner), POLL_MS).unref();
  setInterval(() => void recover(runner.worker_id).catch((error: unknown) => log.error("publish recovery failed", { error })), RECOVERY_MS).unref();
  void drain(runner);
}
