// `npm run bench -- datasets [--db=sqlite|postgresql] [--count=100000]`: list performance at 100,000 datasets.
// Fresh store → server start (migrates, creates the admin) → stop → bulk seed → start → measure the Automation
// API list (sequential + autocannon) and the console list page (sequential, signed in).
import { loadavg, cpus } from "node:os";
import { signInCookie } from "../tests/support/session";
import { withBenchServer } from "./bench-server";
import type { BenchStore, Provider } from "./fresh-store";
import { load, sequential, type Check, type Load, type Sequential } from "./measure";
import { table, writeJson } from "./report";
import { seedDatasets, type SeedResult } from "./seed-datasets";
import { RARE_WORD, SINGLE_WORD } from "./seed-words";

const GOAL_P95_MS = 50;
const CONNECTIONS = 10;
const SECONDS = 5;
const API_SAMPLES = 200;
const PAGE_SAMPLES = 100;
const ADMIN_PASSWORD = "bench-admin-password";

export type DatasetsOptions = { provider: Provider; count: number };

export function parseDatasetsArgs(args: string[]): DatasetsOptions {
  const options: DatasetsOptions = { provider: "sqlite", count: 100_000 };
  for (const arg of args) {
    const [name, value = ""] = arg.split("=", 2);
    if (name === "--db" && (value === "sqlite" || value === "postgresql")) options.provider = value;
    else if (name === "--count" && /^\d+$/.test(value) && Number(value) >= 100) options.count = Number(value);
    else throw new Error(`Unknown option ${arg} (datasets takes --db=sqlite|postgresql and --count=<n ≥ 100>)`);
  }
  return options;
}

type ApiPage = { total_count: number; results: { updated_at: string; metadata: { default: { title?: { value?: unknown } } } }[] };

/** The API answer has `total` rows in all and a full page (`size` rows, or all of them if fewer). */
function apiCheck(total: number, size: number, extra?: (page: ApiPage) => void): Check {
  return (body) => {
    const page = JSON.parse(body) as ApiPage;
    if (page.total_count !== total) throw new Error(`total_count ${page.total_count}, expected ${total}`);
    if (page.results.length !== Math.min(size, total)) throw new Error(`${page.results.length} results, expected ${Math.min(size, total)}`);
    extra?.(page);
  };
}

const newestFirst = (page: ApiPage) => {
  const times = page.results.map((r) => Date.parse(r.updated_at));
  if (times.some((t, i) => i > 0 && t > times[i - 1]!)) throw new Error("results are not sorted by -updated_at");
};
const allMention = (word: string) => (page: ApiPage) => {
  if (!page.results.every((r) => String(r.metadata.default.title?.value).toLowerCase().includes(word))) {
    throw new Error(`a result's title lacks "${word}"`);
  }
};

/** The console page lists `rows` datasets (links to /datasets/da_…) and shows the total. */
function pageCheck(total: number, rows: number): Check {
  const shown = [total.toLocaleString("en-US"), total.toLocaleString("fr-FR")];
  return (html) => {
    const links = new Set(html.match(/href="\/datasets\/da_[a-z0-9]{6}"/g) ?? []).size;
    if (links !== rows) throw new Error(`${links} dataset links in the page, expected ${rows}`);
    if (!shown.some((s) => html.includes(s))) throw new Error(`the page does not show the total ${shown[0]}`);
  };
}

export async function benchDatasets(args: string[]): Promise<void> {
  const { provider, count } = parseDatasetsArgs(args);
  const started = performance.now();
  const load_before = loadavg()[0]!;
  let seed: SeedResult | undefined;
  const seedStore = async (store: BenchStore) => {
    console.log(`Datasets benchmark — ${provider}, ${count.toLocaleString("en-US")} datasets (${store.where})`);
    if (load_before > 1) console.warn(`⚠ Load average ${load_before.toFixed(2)} on ${cpus().length} CPUs: other work is running, figures will be noisy.`);
    seed = await seedDatasets(store.target, count);
    console.log(`Seeded ${seed.rows.toLocaleString("en-US")} datasets in ${((seed.generate_ms + seed.write_ms) / 1000).toFixed(1)} s`);
  };
  await withBenchServer({ provider, env: { ADMIN_PASSWORD }, seed: seedStore }, async ({ server, apiKey }) => {
    if (!seed) throw new Error("the store was not seeded");
    const seeded = seed;
    const base = server.url;
    const api = `${base}/api/automation/v1/datasets/`;
    const apiHeaders = { Authorization: `Apikey ${apiKey}` };
    const rare = Math.floor((count + 92) / 100); // rows i with i % 100 === 7
    const apiCases = [
      { name: "first page", path: "?limit=20", check: apiCheck(count, 20, newestFirst) },
      { name: "deep page", path: `?limit=20&offset=${count - 20}`, check: apiCheck(count, 20, newestFirst) },
      { name: "search 1%", path: `?limit=20&search=${RARE_WORD}`, check: apiCheck(rare, 20, allMention(RARE_WORD)) },
      { name: "search 1 row", path: `?limit=20&search=${SINGLE_WORD}`, check: apiCheck(1, 20, allMention(SINGLE_WORD)) },
    ];
    const apiResults: Record<string, { url: string; sequential: Sequential; load: Load }> = {};
    for (const c of apiCases) {
      const url = api + c.path;
      process.stdout.write(`  API ${c.name}…`);
      const seq = await sequential(url, { headers: apiHeaders, count: API_SAMPLES, check: c.check });
      const cannon = await load(url, { headers: apiHeaders, connections: CONNECTIONS, seconds: SECONDS });
      apiResults[c.name] = { url: c.path, sequential: seq, load: cannon };
      process.stdout.write(` p95 ${seq.p95_ms} ms sequential, ${cannon.p95_ms} ms under load\n`);
    }

    const cookie = await signInCookie(base, "admin", ADMIN_PASSWORD);
    const pageHeaders = { Cookie: cookie };
    const deepPage = Math.min(2000, Math.floor(count / 25));
    const pageCases = [
      { name: "list", path: "/datasets", check: pageCheck(count, 25) },
      { name: `page ${deepPage}`, path: `/datasets?page=${deepPage}`, check: pageCheck(count, 25) },
      { name: "search 1%", path: `/datasets?q=${RARE_WORD}`, check: pageCheck(rare, Math.min(25, rare)) },
    ];
    const pageResults: Record<string, { url: string; sequential: Sequential }> = {};
    for (const c of pageCases) {
      process.stdout.write(`  page ${c.path}…`);
      const seq = await sequential(base + c.path, { headers: pageHeaders, count: PAGE_SAMPLES, warmup: 5, check: c.check });
      pageResults[c.name] = { url: c.path, sequential: seq };
      process.stdout.write(` p95 ${seq.p95_ms} ms\n`);
    }

    const duration_s = Math.round((performance.now() - started) / 100) / 10;
    const meets = (ms: number) => (ms <= GOAL_P95_MS ? "yes" : "NO");
    console.log(`\nDatasets — ${provider}, ${count.toLocaleString("en-US")} datasets, ${cpus().length} CPUs shared by client and server (load avg ${load_before.toFixed(2)} before)`);
    const n = (x: number) => x.toLocaleString("en-US");
    console.log(
      `Seeding: ${n(seeded.rows)} rows — write ${n(seeded.write_ms)} ms = ${n(seeded.write_rows_per_s)} rows/s; ` +
        `with generation (${n(seeded.generate_ms)} ms) ${n(seeded.total_rows_per_s)} rows/s\n`,
    );
    console.log(
      table(
        ["API /api/automation/v1/datasets/", "seq p50", "seq p95", "seq req/s", `${CONNECTIONS}c p50`, `${CONNECTIONS}c p95`, `${CONNECTIONS}c p99`, `${CONNECTIONS}c req/s`, `p95≤${GOAL_P95_MS}`],
        Object.entries(apiResults).map(([name, r]) => [
          `${name.padEnd(12)} ${r.url}`,
          r.sequential.p50_ms,
          r.sequential.p95_ms,
          r.sequential.req_per_s,
          r.load.p50_ms,
          r.load.p95_ms,
          r.load.p99_ms,
          r.load.req_per_s,
          meets(r.sequential.p95_ms),
        ]),
      ),
    );
    console.log(`(ms; seq = ${API_SAMPLES} sequential requests, ${CONNECTIONS}c = autocannon ${CONNECTIONS} connections × ${SECONDS} s)\n`);
    console.log(
      table(
        ["Console page (signed in)", "p50", "p95", "p99", "max", "req/s"],
        Object.entries(pageResults).map(([name, r]) => [`${name.padEnd(12)} ${r.url}`, r.sequential.p50_ms, r.sequential.p95_ms, r.sequential.p99_ms, r.sequential.max_ms, r.sequential.req_per_s]),
      ),
    );
    console.log(`(ms; ${PAGE_SAMPLES} sequential requests each, HTML to the last byte)`);
    const file = writeJson(`datasets-${provider}`, {
      bench: "datasets",
      provider,
      datasets: count,
      at: new Date().toISOString(),
      duration_s,
      machine: { cpus: cpus().length, load_avg_1m_before: load_before, load_avg_1m_after: loadavg()[0], node: process.version },
      goal: { api_p95_ms: GOAL_P95_MS },
      seed: seeded,
      api: apiResults,
      pages: pageResults,
    });
    console.log(`\nWritten to ${file} — ${duration_s} s in all`);
  });
}
