// Housekeeping of uploaded files: what a crash or an abandoned "Add resource" flow leaves behind. Uploads still
// arriving after an hour are dead (a live one is streamed in seconds to minutes); files uploaded a day ago that
// no resource uses were abandoned. Runs at start and then every hour.
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { filesDir, removeStoredFiles } from "@/lib/files/storage";
import { log } from "@/lib/log/logger";
import { store } from "@/lib/store/store";

const HOUR = 3600_000;
const INCOMING_MAX_AGE = HOUR;
const UNUSED_MAX_AGE = 24 * HOUR;

export async function sweepFiles(now = Date.now()): Promise<{ incoming: number; unused: number }> {
  const incomingDir = join(filesDir(), ".incoming");
  let incoming = 0;
  for (const name of await readdir(incomingDir)) {
    const path = join(incomingDir, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > INCOMING_MAX_AGE) {
      await rm(path, { force: true });
      incoming++;
    }
  }
  const unused = await store().resources.deleteUnusedFiles(new Date(now - UNUSED_MAX_AGE));
  await removeStoredFiles(unused.map((f) => f.storage_name));
  return { incoming, unused: unused.length };
}

export function scheduleFileSweep(): void {
  const run = () =>
    sweepFiles().then(
      (swept) => {
        if (swept.incoming || swept.unused) log.info("removed abandoned uploads", swept);
      },
      (error: unknown) => log.error("file sweep failed", { error }),
    );
  void run();
  setInterval(run, HOUR).unref();
}
