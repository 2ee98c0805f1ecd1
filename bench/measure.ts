// Latency and throughput measurements over HTTP: a sequential sample (one request at a time, every body
// checked) and an autocannon load (N connections for a few seconds). Any non-2xx answer fails the benchmark.
import autocannon from "autocannon";

export type Stats = { n: number; p50_ms: number; p95_ms: number; p99_ms: number; mean_ms: number; max_ms: number };
export type Sequential = Stats & { req_per_s: number };
export type Load = Stats & { connections: number; seconds: number; req_per_s: number };

/** Throws when the body is not what the request should return (empty page, wrong count…). */
export type Check = (body: string) => void;

const round = (ms: number) => Math.round(ms * 10) / 10;

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { n: sorted.length, p50_ms: round(at(50)), p95_ms: round(at(95)), p99_ms: round(at(99)), mean_ms: round(mean), max_ms: round(at(100)) };
}

async function fetchChecked(url: string, headers: Record<string, string>, check?: Check): Promise<void> {
  const response = await fetch(url, { headers, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
  try {
    check?.(body);
  } catch (error) {
    throw new Error(`GET ${url}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * `count` requests one after the other (after `warmup` unmeasured ones), timed to the last byte of the body.
 * `samples`: also collects each duration there (to pool several rounds).
 */
export async function sequential(url: string, options: { headers: Record<string, string>; count: number; warmup?: number; check?: Check; samples?: number[] }): Promise<Sequential> {
  for (let i = 0; i < (options.warmup ?? 10); i++) await fetchChecked(url, options.headers, options.check);
  const samples: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < options.count; i++) {
    const start = performance.now();
    await fetchChecked(url, options.headers, options.check);
    samples.push(performance.now() - start);
  }
  const seconds = (performance.now() - t0) / 1000;
  options.samples?.push(...samples);
  return { ...stats(samples), req_per_s: round(options.count / seconds) };
}

/**
 * autocannon with `connections` concurrent keep-alive connections for `seconds`; percentiles from every response.
 * With `paths`, each connection sends them in turn (a mix of queries) instead of requesting `url` only; with
 * `nextPath`, every request asks for a path of its own.
 */
export async function load(
  url: string,
  options: { headers: Record<string, string>; connections: number; seconds: number; paths?: string[]; nextPath?: () => string },
): Promise<Load> {
  const samples: number[] = [];
  // nextPath: a new path for every request (queries no cache has seen).
  const next = options.nextPath;
  const requests = next ? [{ method: "GET", setupRequest: (request: object) => ({ ...request, path: next() }) }] : options.paths?.map((path) => ({ method: "GET", path }));
  const instance = autocannon({ url, headers: options.headers, connections: options.connections, duration: options.seconds, timeout: 30, ...(requests ? { requests } : {}) });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
  });
  const result = await instance;
  const failures = result.non2xx + result.errors + result.timeouts;
  if (failures > 0 || samples.length === 0) {
    throw new Error(
      `autocannon ${url}: ${samples.length} ok, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts (status codes: ${JSON.stringify(result.statusCodeStats)})`,
    );
  }
  return { ...stats(samples), connections: options.connections, seconds: result.duration, req_per_s: round(samples.length / result.duration) };
}
