import "server-only";
// How queued publish jobs reach a worker. The job row in our database is the truth (the FSM, the progress, the
// history); the queue only says "job X is waiting". Within a process: a BroadcastChannel, which reaches the
// production server's job thread (server/publish-thread.ts) as well as a runner on the same thread. PostgreSQL
// also: pg-boss, so that several web instances and separate `npm run worker` processes share the work. A worker
// that misses a message still finds queued jobs by polling the table.
import { BroadcastChannel } from "node:worker_threads";
import PgBoss from "pg-boss";
import { config } from "@/lib/env/config";
import { log } from "@/lib/log/logger";

const QUEUE = "dataset-publish";
const CHANNEL = "dpc:publish-jobs";

type QueueState = { announcer: BroadcastChannel; boss?: Promise<PgBoss | null> };
const globalForQueue = globalThis as unknown as { __dpcJobQueue?: QueueState };
const state = (): QueueState => {
  if (!globalForQueue.__dpcJobQueue) {
    const announcer = new BroadcastChannel(CHANNEL);
    announcer.unref();
    globalForQueue.__dpcJobQueue = { announcer };
  }
  return globalForQueue.__dpcJobQueue;
};

function boss(): Promise<PgBoss | null> {
  const target = config().database;
  if (target.provider !== "postgresql") return Promise.resolve(null);
  state().boss ??= (async () => {
    const instance = new PgBoss({ connectionString: target.url, schema: `${target.schema}_pgboss`.slice(0, 50), max: 3 });
    instance.on("error", (error: unknown) => log.error("job queue error", { error }));
    await instance.start();
    await instance.createQueue(QUEUE);
    return instance;
  })().catch((error: unknown) => {
    log.error("pg-boss could not start; jobs are found by polling", { error });
    state().boss = undefined;
    return null;
  });
  return state().boss!;
}

/** Tells workers a job is waiting. */
export async function announceJob(job_uid: string): Promise<void> {
  state().announcer.postMessage({ job_uid });
  const queue = await boss();
  if (queue) await queue.send(QUEUE, { job_uid }, { retryLimit: 0 });
}

/** Calls `onJob` for every announced job (this process's announcements, and pg-boss's on PostgreSQL). */
export async function listenForJobs(onJob: (job_uid?: string) => Promise<void> | void): Promise<() => Promise<void>> {
  const channel = new BroadcastChannel(CHANNEL);
  channel.unref();
  channel.onmessage = (event) => void onJob((event as { data?: { job_uid?: string } }).data?.job_uid);
  const queue = await boss();
  let workId: string | undefined;
  if (queue) workId = await queue.work<{ job_uid: string }>(QUEUE, { pollingIntervalSeconds: 1 }, async ([message]) => onJob(message?.data.job_uid));
  return async () => {
    channel.close();
    if (queue && workId) await queue.offWork({ id: workId } as never);
  };
}
