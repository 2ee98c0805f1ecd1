// Node.js server start: migrate the store and run the first-start setup; without a usable store, stop.
import { scheduleFileSweep } from "@/lib/files/sweep";
import { scheduleTrashPurge } from "@/lib/datasets/trash";
import { config } from "@/lib/env/config";
import { startJobRunner } from "@/lib/publishing/runner";
import { ensureReady } from "@/lib/setup/readiness";
import { scheduleUpstreamSessionSweep } from "@/lib/setup/proxy-start";

export async function prepareServer(): Promise<void> {
  try {
    await ensureReady();
  } catch (error) {
    console.error("The store could not be prepared; the console cannot start.\n", error);
    process.exit(1);
  }
  if (config().upstream) return scheduleUpstreamSessionSweep();
  scheduleFileSweep();
  scheduleTrashPurge();
  if (config().runJobs && config().jobRunner === "in-process") await startJobRunner();
}
