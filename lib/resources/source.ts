import "server-only";
// Turns a datasource into a local file the extractors can read. Uploaded files are read in place; remote URLs
// are fetched through the SSRF-safe fetcher into DATA_DIR/cache/remote/, keyed by everything that changes the
// answer (URL, headers, credentials), and reused for a few minutes so that tuning parameters in the preview does
// not hit the remote server on every keystroke. Text formats need only the head of the file; XLSX (a zip,
// whose directory sits at the end) needs all of it.
import { createHash } from "node:crypto";
import { mkdir, readdir, rm, stat, rename } from "node:fs/promises";
import { join } from "node:path";
import { config } from "@/lib/env/config";
import { AppError, msg } from "@/lib/errors/app-error";
import type { SourceFile } from "@/lib/extractors";
import { storagePath } from "@/lib/files/storage";
import { datasourceHeaders, datasourceUrl, fetchToFile } from "@/lib/remote-fetch";
import type { Datasource, HttpDatasource } from "@/lib/resources/schema";
import { store } from "@/lib/store/store";

/** Enough for guessing and a 20-record preview of any text format. */
const REMOTE_HEAD_BYTES = 4 * 1024 * 1024;
const CACHE_TTL_MS = 10 * 60 * 1000;

type Mode = "head" | "full";

function cacheDir(): string {
  return join(config().dataDir, "cache", "remote");
}

/** Cache entries of one remote datasource start with this key (clean_cache removes them all). */
export function remoteCacheKey(ds: HttpDatasource): string {
  return createHash("sha256").update(JSON.stringify([datasourceUrl(ds), datasourceHeaders(ds)])).digest("hex").slice(0, 32);
}

async function fresh(path: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs < CACHE_TTL_MS;
  } catch {
    return false;
  }
}

type CachedMeta = { filename: string | null; mimetype: string | null; truncated: boolean };
const metaCache = new Map<string, CachedMeta>();

async function remoteFile(ds: HttpDatasource, mode: Mode): Promise<SourceFile & { truncated: boolean }> {
  const dir = cacheDir();
  await mkdir(dir, { recursive: true });
  const key = remoteCacheKey(ds);
  const full = join(dir, `${key}.full`);
  const head = join(dir, `${key}.head`);
  for (const candidate of mode === "head" ? [head, full] : [full]) {
    const meta = metaCache.get(candidate);
    if (meta && (await fresh(candidate))) {
      return { path: candidate, filename: meta.filename, mimetype: meta.mimetype, size: (await stat(candidate)).size, truncated: meta.truncated };
    }
  }
  const fetched = await fetchToFile(datasourceUrl(ds), {
    dir,
    maxBytes: mode === "head" ? REMOTE_HEAD_BYTES : config().maxUploadBytes,
    head: mode === "head",
    headers: datasourceHeaders(ds),
    allowedPrivateHosts: config().allowedPrivateHosts,
  });
  const target = mode === "head" ? head : full;
  await rename(fetched.path, target);
  const meta = { filename: fetched.filename, mimetype: fetched.mimetype, truncated: fetched.truncated };
  metaCache.set(target, meta);
  return { path: target, ...meta, size: fetched.size };
}

/** A local file for the datasource; `needsWholeFile` for extractors that cannot work from the head. */
export async function sourceFileFor(dataset_uid: string, datasource: Datasource, needsWholeFile: (head: SourceFile) => boolean): Promise<SourceFile> {
  if (datasource.type === "uploaded_file") {
    const file = await store().resources.getFile(dataset_uid, datasource.file.uid);
    if (!file) {
      const message = msg("resources.file_not_in_dataset", { file_uid: datasource.file.uid });
      throw new AppError("validation_error", message, { fieldErrors: { "datasource.file.uid": [message] } });
    }
    return { path: storagePath(file.storage_name), filename: file.filename, mimetype: file.mimetype, size: file.size };
  }
  const head = await remoteFile(datasource, "head");
  if (head.truncated && needsWholeFile(head)) return remoteFile(datasource, "full");
  return head;
}

/** Forgets what was fetched for this datasource (POST …/clean_cache/). */
export async function cleanRemoteCache(datasource: Datasource): Promise<void> {
  if (datasource.type !== "http") return;
  const key = remoteCacheKey(datasource);
  const dir = cacheDir();
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.startsWith(key))
      .map((n) => {
        metaCache.delete(join(dir, n));
        return rm(join(dir, n), { force: true });
      }),
  );
}
