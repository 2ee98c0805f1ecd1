// The store is usable once its migrations are applied and the first start is done. Instrumentation starts
// this when the server boots; the health check reports it.
import { config } from "@/lib/env/config";
import { migrate } from "@/lib/db/migrate";
import { log } from "@/lib/log/logger";
import { ensureSystemTemplates } from "@/lib/metadata/template-service";
import { firstStart } from "@/lib/setup/first-start";
import { announceProxyMode } from "@/lib/setup/proxy-start";
import { store } from "@/lib/store/store";

type State = { promise: Promise<void>; error?: unknown; done: boolean };
const globalForReady = globalThis as unknown as { __dpcReady?: State };

export function ensureReady(): Promise<void> {
  if (!globalForReady.__dpcReady) {
    const state: State = { done: false, promise: Promise.resolve() };
    state.promise = (async () => {
      const started = Date.now();
      const target = config().database;
      const report = await migrate(target);
      if (report.applied.length) log.info("migrations applied", { provider: target.provider, applied: report.applied });
      if (config().upstream) {
        // proxy mode: the templates, users and datasets are the upstream's
        await announceProxyMode();
      } else {
        // before the first start: the demo datasets' metadata is checked against the templates
        await ensureSystemTemplates();
        await firstStart();
      }
      state.done = true;
      log.info("store ready", { provider: target.provider, ms: Date.now() - started });
    })().catch((error) => {
      state.error = error;
      throw error;
    });
    globalForReady.__dpcReady = state;
  }
  return globalForReady.__dpcReady.promise;
}

export function readiness(): "ready" | "starting" | "failed" {
  const state = globalForReady.__dpcReady;
  if (!state) return "starting";
  if (state.error) return "failed";
  return state.done ? "ready" : "starting";
}

export async function checkHealth(): Promise<boolean> {
  try {
    if (readiness() !== "ready") await ensureReady();
    await store().ping();
    return true;
  } catch {
    return false;
  }
}
