// Where uploaded files live: DATA_DIR/files/<storage_name>, names drawn by the server (never from the upload),
// and DATA_DIR/files/.incoming/ for uploads still arriving. Rename from one to the other is atomic (same disk).
import { mkdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { config } from "@/lib/env/config";
import { randomToken } from "@/lib/ids/uid";

const STORAGE_NAME = /^[a-f0-9]{32}$/;

export function filesDir(dataDir = config().dataDir): string {
  const dir = join(dataDir, "files");
  mkdirSync(join(dir, ".incoming"), { recursive: true });
  return dir;
}

export function incomingPath(name: string, dataDir?: string): string {
  return join(filesDir(dataDir), ".incoming", name);
}

export function newStorageName(): string {
  return randomToken(16);
}

export function storagePath(storage_name: string, dataDir?: string): string {
  // Storage names come from our database, never from a request; check anyway before touching the disk.
  if (!STORAGE_NAME.test(storage_name)) throw new Error(`Invalid storage name ${JSON.stringify(storage_name)}`);
  return join(filesDir(dataDir), storage_name);
}

/** Deletes stored bytes; a file already gone is not an error. */
export async function removeStoredFiles(storage_names: string[], dataDir?: string): Promise<void> {
  await Promise.all(storage_names.map((name) => rm(storagePath(name, dataDir), { force: true })));
}
