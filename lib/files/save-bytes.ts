// Stores bytes that are already in memory (demo data, small generated files) the way an upload is stored:
// server-drawn name, written aside then renamed into place, SHA-256 kept.
import { createHash } from "node:crypto";
import { rename, writeFile } from "node:fs/promises";
import type { ReceivedFile } from "@/lib/files/receive-upload";
import { mimetypeFor, sanitizeFilename } from "@/lib/files/filename";
import { incomingPath, newStorageName, storagePath } from "@/lib/files/storage";

export async function saveBytes(filename: string, bytes: Buffer, mimetype: string | null = null): Promise<ReceivedFile> {
  const storage_name = newStorageName();
  const partial = incomingPath(storage_name);
  await writeFile(partial, bytes, { flag: "wx" });
  await rename(partial, storagePath(storage_name));
  const name = sanitizeFilename(filename);
  return { storage_name, filename: name, mimetype: mimetypeFor(name, mimetype), size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}
