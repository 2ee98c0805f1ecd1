// Streams the `file` part of a multipart request to disk: never the whole file in memory, a size limit enforced
// while reading, the SHA-256 computed on the way, and no partial file left behind when anything goes wrong
// (limit reached, client gone, malformed body).
import busboy from "busboy";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError, isAppError, msg } from "@/lib/errors/app-error";
import { formatBytes } from "@/lib/files/format-bytes";
import { mimetypeFor, sanitizeFilename } from "@/lib/files/filename";
import { incomingPath, newStorageName, storagePath } from "@/lib/files/storage";

export type ReceivedFile = { storage_name: string; filename: string; mimetype: string | null; size: number; sha256: string };

/** A client that sends nothing for this long has gone away without closing the connection. */
const IDLE_TIMEOUT_MS = 60_000;
/** Room for the multipart boundaries and part headers around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

const tooLarge = (maxBytes: number) => new AppError("payload_too_large", msg("resources.upload_too_large", { limit: formatBytes(maxBytes) }));

export async function receiveUpload(request: Request, options: { maxBytes: number; dataDir?: string; idleTimeoutMs?: number }): Promise<ReceivedFile> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new AppError("unsupported_media_type", msg("resources.upload_not_multipart"));
  }
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > options.maxBytes + ENVELOPE_BYTES) throw tooLarge(options.maxBytes);
  if (!request.body) throw new AppError("bad_request", msg("resources.upload_missing_file"));

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      defParamCharset: "utf8",
      limits: { files: 1, fileSize: options.maxBytes, fields: 20, parts: 30, fieldSize: 64 * 1024 },
    });
  } catch {
    throw new AppError("bad_request", msg("resources.upload_not_multipart"));
  }

  const storage_name = newStorageName();
  const partial = incomingPath(storage_name, options.dataDir);
  const body = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
  let received: Omit<ReceivedFile, "size" | "sha256" | "storage_name"> | null = null;
  let writing: Promise<{ size: number; sha256: string }> | null = null;
  let failure: unknown = null;

  // Stop reading at once on the first problem: busboy would otherwise wait forever for a file stream nobody
  // reads, and a gone client would leave the request (and its partial file) hanging.
  const abort = (error: unknown) => {
    failure ??= error;
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  const onClientGone = () => abort(new AppError("bad_request", msg("resources.upload_interrupted")));
  request.signal?.addEventListener("abort", onClientGone, { once: true });
  let idle: NodeJS.Timeout | undefined;
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(onClientGone, options.idleTimeoutMs ?? IDLE_TIMEOUT_MS);
  };
  body.on("data", touch);
  touch();

  parser.on("file", (name, stream, info) => {
    if (name !== "file" || writing) {
      stream.resume();
      return;
    }
    const filename = sanitizeFilename(info.filename);
    received = { filename, mimetype: mimetypeFor(filename, info.mimeType) };
    const hash = createHash("sha256");
    let size = 0;
    stream.on("limit", () => abort(tooLarge(options.maxBytes)));
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        hash.update(chunk);
        done(null, chunk);
      },
    });
    writing = pipeline(stream, meter, createWriteStream(partial, { flags: "wx" })).then(() => ({ size, sha256: hash.digest("hex") }));
    writing.catch(abort);
  });

  try {
    await pipeline(body, parser);
    if (!writing || !received) throw new AppError("bad_request", msg("resources.upload_missing_file"));
    const { size, sha256 } = await writing;
    if (failure) throw failure;
    await rename(partial, storagePath(storage_name, options.dataDir));
    const file: Omit<ReceivedFile, "size" | "sha256" | "storage_name"> = received;
    return { storage_name, ...file, size, sha256 };
  } catch (error) {
    const cause = failure ?? error;
    await (writing as Promise<unknown> | null)?.catch(() => undefined);
    await rm(partial, { force: true });
    if (isAppError(cause)) throw cause;
    // busboy's "Unexpected end of form", a reset connection…: the client did not send a whole request.
    throw new AppError("bad_request", msg("resources.upload_interrupted"), { cause });
  } finally {
    clearTimeout(idle);
    request.signal?.removeEventListener("abort", onClientGone);
  }
}
