// `npm run bench -- explore [--db=sqlite|postgresql] [--rows=1000000]`: Explore API records latency on the published
// wide dataset of the publish benchmark, under autocannon (50 connections, 15 s) sending a mix of queries: first
// page, a `where` on the category, `order_by` a number, a page at offset 5000. Measured alone, then with filters no
// two requests share (no count from a cache), then the mix while the same dataset is published again (the new table
// is built beside the served one, as in production).
import { cpus, loadavg } from "node:os";
import { withBenchServer } from "./bench-server";
import { categoryRows, CATEGORIES } from "./generated-csv";
import { load, sequential, type Check, type Load, type Sequential } from "./measure";
import { generatedCsv, latestJob, preparedDataset, publishUntilQueryable, startPublish, untilQueryable, type PublishJob } from "./published-dataset";
import { parseDataArgs } from "./publish";
import { table, writeJson } from "./report";

const GOAL_P95_MS = 100;
const CONNECTIONS = 50;
const SECONDS = 15;
const SAMPLES = 50;
const CATEGORY = 1;

type Page = { total_count: number; results: Record<string, unknown>[] };

/** `total` matching rows, a full page of 20 (or what is left past `offset`), and `extra` on the page. */
function recordsCheck(total: number, offset: number, extra?: (page: Page) => void): Check {
  return (body) => {
    const page = JSON.parse(body) as Page;
    if (page.total_count !== total) throw new Error(`total_count ${page.total_count}, expected ${total}`);
    const size = Math.max(0, Math.min(20, total - offset));
    if (page.results.length !== size) throw new Error(`${page.results.length} results, expected ${size}`);
    extra?.(page);
  };
}

/**
 * A population band of 25,000 (~10,000 of the 1M rows) at a random place, and a random page of it: no two requests
 * share a count, so none comes from the aggregate cache (lib/explore/aggregate-cache.ts).
 */
function distinctFilter(pathname: string): () => string {
  return () => {
    const from = Math.floor(Math.random() * 2_475_000);
    const where = encodeURIComponent(`population >= ${from} AND population < ${from + 25_000}`);
    return `${pathname}?limit=20&offset=${Math.floor(Math.random() * 200)}&where=${where}`;
  };
}

const sortedDown = (field: string) => (page: Page) => {
  const values = page.results.map((r) => r[field] as number);
  if (values.some((v, i) => typeof v !== "number" || (i > 0 && v > values[i - 1]!))) throw new Error(`results are not sorted by ${field} desc`);
};
const allOf = (field: string, value: string) => (page: Page) => {
  if (!page.results.every((r) => r[field] === value)) throw new Error(`a result's ${field} is not ${value}`);
};

export async function benchExplore(args: string[]): Promise<void> {
  const { provider, rows } = parseDataArgs("explore", args);
  if (rows < 10_000) throw new Error("explore needs --rows ≥ 10000 (one query reads the page at offset 5000)");
  const started = performance.now();
  const load_before = loadavg()[0]!;
  if (load_before > 1) console.warn(`⚠ Load average ${load_before.toFixed(2)} on ${cpus().length} CPUs: other work is running, figures will be noisy.`);
  process.stdout.write(`Explore benchmark — ${provider}, ${rows.toLocaleString("en-US")} rows: generating the CSV…`);
  const csv = await generatedCsv(rows);
  try {
    await withBenchServer({ provider }, async (bench) => {
      process.stdout.write(" publishing…");
      const dataset = await preparedDataset(bench, "Explore benchmark", csv.path, rows);
      const first = await publishUntilQueryable(bench, dataset);
      process.stdout.write(` queryable after ${first.seconds} s\n`);

      const base = `${bench.server.url}/api/explore/v2.1/catalog/datasets/${dataset.dataset_id}/records/`;
      const category = CATEGORIES[CATEGORY]!;
      const queries = [
        { name: "first page", path: "?limit=20", check: recordsCheck(rows, 0) },
        { name: "where category", path: `?limit=20&where=${encodeURIComponent(`category="${category}"`)}`, check: recordsCheck(categoryRows(rows, CATEGORY), 0, allOf("category", category)) },
        { name: "order_by number", path: `?limit=20&order_by=${encodeURIComponent("population desc")}`, check: recordsCheck(rows, 0, sortedDown("population")) },
        { name: "offset 5000", path: "?limit=20&offset=5000", check: recordsCheck(rows, 5000) },
      ];
      const paths = queries.map((q) => new URL(q.path, base).pathname + q.path);
      const headers = {};

      const alone: Record<string, { path: string; sequential: Sequential }> = {};
      for (const q of queries) {
        process.stdout.write(`  ${q.name}…`);
        const seq = await sequential(base + q.path, { headers, count: SAMPLES, check: q.check });
        alone[q.name] = { path: q.path, sequential: seq };
        process.stdout.write(` p95 ${seq.p95_ms} ms sequential\n`);
      }

      process.stdout.write(`  mix, ${CONNECTIONS} connections × ${SECONDS} s…`);
      const quiet = await load(base, { headers, connections: CONNECTIONS, seconds: SECONDS, paths });
      process.stdout.write(` p95 ${quiet.p95_ms} ms\n  distinct filters (every count computed), ${CONNECTIONS} connections × ${SECONDS} s…`);
      const distinct = await load(base, { headers, connections: CONNECTIONS, seconds: SECONDS, nextPath: distinctFilter(new URL(base).pathname) });
      process.stdout.write(` p95 ${distinct.p95_ms} ms\n  mix, while the dataset is published again…`);

      const republished = performance.now();
      await startPublish(bench, dataset);
      let job: PublishJob | undefined;
      for (;;) {
        job = await latestJob(bench, dataset);
        if (job?.state === "running") break;
        if (job && job.state !== "queued") throw new Error(`the second publish ended ${job.state} before the load started`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const done_before = job.records_done;
      const busy = await load(base, { headers, connections: CONNECTIONS, seconds: SECONDS, paths });
      const during = await latestJob(bench, dataset);
      const done_during = (during?.records_done ?? 0) - done_before;
      const overlapped = during?.state === "running" ? "the whole load" : `until ${during?.finished_at}`;
      process.stdout.write(` p95 ${busy.p95_ms} ms (${done_during.toLocaleString("en-US")} records published meanwhile)\n`);
      const second = await untilQueryable(bench, dataset, republished);

      const duration_s = Math.round((performance.now() - started) / 100) / 10;
      const meets = (l: Load) => (l.p95_ms <= GOAL_P95_MS ? "yes" : "NO");
      console.log(`\nExplore records — ${provider}, ${rows.toLocaleString("en-US")} rows, ${cpus().length} CPUs shared by client, server and publish (load avg ${load_before.toFixed(2)} before)`);
      console.log(
        table(
          [`${CONNECTIONS} connections × ${SECONDS} s, query mix`, "p50", "p95", "p99", "max", "req/s", `p95≤${GOAL_P95_MS}`],
          [
            ["without a publish", quiet.p50_ms, quiet.p95_ms, quiet.p99_ms, quiet.max_ms, quiet.req_per_s, meets(quiet)],
            ["distinct filters, no publish", distinct.p50_ms, distinct.p95_ms, distinct.p99_ms, distinct.max_ms, distinct.req_per_s, meets(distinct)],
            ["during a publish of the dataset", busy.p50_ms, busy.p95_ms, busy.p99_ms, busy.max_ms, busy.req_per_s, meets(busy)],
          ],
        ),
      );
      console.log(
        `(ms; the publish ran ${overlapped}, ${done_during.toLocaleString("en-US")} records meanwhile; ` +
          `it took ${second.seconds} s to queryable, against ${first.seconds} s for the first publish without load)\n`,
      );
      console.log(
        table(
          ["Query (no load)", "p50", "p95", "p99", "req/s"],
          Object.entries(alone).map(([name, r]) => [`${name.padEnd(16)} ${decodeURIComponent(r.path)}`, r.sequential.p50_ms, r.sequential.p95_ms, r.sequential.p99_ms, r.sequential.req_per_s]),
        ),
      );
      console.log(`(ms; ${SAMPLES} sequential requests each)`);
      const file = writeJson(`explore-${provider}`, {
        bench: "explore",
        provider,
        rows,
        at: new Date().toISOString(),
        duration_s,
        machine: { cpus: cpus().length, load_avg_1m_before: load_before, load_avg_1m_after: loadavg()[0], node: process.version },
        goal: { p95_ms: GOAL_P95_MS },
        queries: alone,
        load: { connections: CONNECTIONS, seconds: SECONDS, paths, without_publish: quiet, distinct_filters: distinct, during_publish: { ...busy, records_published_meanwhile: done_during } },
        publishes: { first, second },
      });
      console.log(`\nWritten to ${file} — ${duration_s} s in all`);
    });
  } finally {
    csv.cleanup();
  }
}
