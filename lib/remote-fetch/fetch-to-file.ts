// Downloads a user-supplied URL without turning the server into a proxy to its own network: every hop is resolved,
// checked against the address policy and connected to by verified address; redirects are followed by hand.
import { randomUUID } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { join } from "node:path";
import { AppError, isAppError, msg } from "@/lib/errors/app-error";
import { canonicalHostname } from "@/lib/remote-fetch/allowed-hosts";
import { filenameFromContentDisposition, filenameFromUrl, mimetypeFromContentType } from "@/lib/remote-fetch/filename";
import { parseRemoteUrl, redirectTarget } from "@/lib/remote-fetch/remote-url";
import { headersForOtherOrigin, validateHeaders } from "@/lib/remote-fetch/request-headers";
import { pinnedLookup, resolveVerified, type VerifiedAddresses } from "@/lib/remote-fetch/resolve-host";
import { BodyTooLargeError, writeBody } from "@/lib/remote-fetch/write-body";

export type RemoteFile = { path: string; filename: string | null; mimetype: string | null; size: number; truncated: boolean; final_url: string };

export type FetchToFileOptions = {
  /** Directory for the downloaded file (created if missing); the file gets a random name. */
  dir: string;
  maxBytes: number;
  /** Preview mode: stop quietly after maxBytes and report truncated instead of failing. */
  head?: boolean;
  /** Already-merged request headers (see datasourceHeaders); validated again here. */
  headers?: Record<string, string>;
  /** Limit for resolving, connecting and receiving the headers of each hop, and for any pause in the body. Default 10 s. */
  timeoutMs?: number;
  /** Limit for the whole download. Default 60 s in head mode, 10 min otherwise. */
  totalTimeoutMs?: number;
  signal?: AbortSignal;
  /** Hosts (exact names or IP literals) that may resolve to private or loopback addresses. */
  allowedPrivateHosts?: string[];
};

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DEFAULT_HEADERS = { accept: "*/*", "user-agent": "data-portal-console" };

/** Downloads url into a new file under `dir` (at most maxBytes; when `head` is true, stops quietly after maxBytes and sets truncated=true; otherwise a bigger body is an error). */
export async function fetchToFile(url: string, options: FetchToFileOptions): Promise<RemoteFile> {
  let current = parseRemoteUrl(url);
  let headers = validateHeaders(options.headers ?? {});
  const head = options.head ?? false;
  const allowed = options.allowedPrivateHosts ?? [];
  const timeoutMs = options.timeoutMs ?? 10_000;
  const totalMs = options.totalTimeoutMs ?? (head ? 60_000 : 600_000);
  const host = () => canonicalHostname(current.hostname);

  // One controller stops everything in flight; its reason is the error the caller gets.
  const controller = new AbortController();
  const stop = (error: AppError) => {
    if (!controller.signal.aborted) controller.abort(error);
  };
  const onCallerAbort = () => stop(new AppError("remote_fetch_error", msg("remote_fetch.aborted")));
  if (options.signal?.aborted) onCallerAbort();
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  const total = setTimeout(() => stop(timeoutError("total_timeout", host(), totalMs)), totalMs);
  const idle = restartableTimer(timeoutMs, () => stop(timeoutError("timeout", host(), timeoutMs)));

  const path = join(options.dir, randomUUID());
  try {
    await mkdir(options.dir, { recursive: true });
    for (let hop = 0; ; hop++) {
      idle.restart();
      const addresses = await untilAborted(resolveVerified(current, allowed, hop > 0), controller.signal);
      const res = await send(current, headers, addresses, controller.signal);
      idle.clear();
      const status = res.statusCode ?? 0;

      if (REDIRECT_STATUSES.has(status) && res.headers.location) {
        res.destroy();
        if (hop === MAX_REDIRECTS) throw fetchError("too_many_redirects", { host: host(), max: MAX_REDIRECTS });
        const next = redirectTarget(current, res.headers.location);
        if (next.origin !== current.origin) headers = headersForOtherOrigin(headers);
        current = next;
        continue;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw fetchError("http_status", { host: host(), status });
      }
      const declared = Number(res.headers["content-length"]);
      if (!head && Number.isFinite(declared) && declared > options.maxBytes) {
        res.destroy();
        throw tooLarge(options.maxBytes);
      }

      idle.restart();
      const body = await writeBody(res, path, { maxBytes: options.maxBytes, head, signal: controller.signal, onChunk: idle.restart });
      return {
        path,
        filename: filenameFromContentDisposition(res.headers["content-disposition"]) ?? filenameFromUrl(current),
        mimetype: mimetypeFromContentType(res.headers["content-type"]),
        size: body.size,
        truncated: body.truncated,
        final_url: current.toString(),
      };
    }
  } catch (error) {
    await rm(path, { force: true });
    throw asFetchError(error, controller.signal, host(), options.maxBytes);
  } finally {
    clearTimeout(total);
    idle.clear();
    options.signal?.removeEventListener("abort", onCallerAbort);
  }
}

function send(url: URL, headers: Record<string, string>, addresses: VerifiedAddresses, signal: AbortSignal): Promise<IncomingMessage> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: "GET",
        // identity: the byte budget then counts what lands on disk, and no decompression bomb can be sent.
        headers: { ...DEFAULT_HEADERS, ...headers, "accept-encoding": "identity" },
        lookup: pinnedLookup(addresses),
        agent: false, // a pooled socket could outlive the check that allowed it
        signal,
      },
      resolve,
    );
    req.once("error", reject);
    req.end();
  });
}

function asFetchError(error: unknown, signal: AbortSignal, host: string, maxBytes: number): unknown {
  if (isAppError(error)) return error;
  if (signal.aborted && isAppError(signal.reason)) return signal.reason;
  if (error instanceof BodyTooLargeError) return tooLarge(maxBytes);
  // Disk problems (full, unwritable dir) are ours, not the remote server's: let them surface as internal errors.
  if (typeof error === "object" && error !== null && "path" in error) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  return new AppError("remote_fetch_error", msg("remote_fetch.connection_failed", { host, detail }), { cause: error });
}

type FetchErrorKey = "too_many_redirects" | "http_status";

function fetchError(key: FetchErrorKey, vars: Record<string, string | number>): AppError {
  return new AppError("remote_fetch_error", msg(`remote_fetch.${key}`, vars));
}

function timeoutError(key: "timeout" | "total_timeout", host: string, ms: number): AppError {
  return new AppError("remote_fetch_error", msg(`remote_fetch.${key}`, { host, seconds: Math.round(ms / 100) / 10 }));
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("remote_fetch_error", msg("remote_fetch.too_large", { limit: formatBytes(maxBytes) }));
}

export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Math.round(value * 10) / 10} ${units[unit]}`;
}

function restartableTimer(ms: number, onFire: () => void) {
  let timer: NodeJS.Timeout | undefined;
  return {
    restart: () => {
      clearTimeout(timer);
      timer = setTimeout(onFire, ms);
    },
    clear: () => clearTimeout(timer),
  };
}

/** DNS lookups cannot be cancelled; stop waiting for one once the download is aborted. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
