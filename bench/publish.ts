// `npm run bench -- publish [--db=sqlite|postgresql] [--rows=1000000]`: a generated CSV (20 mixed columns, ~200 MB
// at 1M rows) with a 3-step processor stack, from the publish request to the first Explore answer with every row.
// Reports wall time, rows/s, the server's peak RSS (its process tree, sampled every 100 ms) and the ratio to
// loading the same file with the sqlite3 shell's .import in the same run.
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { withBenchServer } from "./bench-server";
import type { Provider } from "./fresh-store";
import { sampleRss } from "./process-memory";
import { generatedCsv, preparedDataset, publishUntilQueryable, PROCESSOR_STACK } from "./published-dataset";
import { table, writeJson } from "./report";
import { parseCount } from "./size-arg";
import { timeSqliteImport } from "./sqlite-import";

const GOAL = { seconds: 30, rss_mib: 600 };

export type DataOptions = { provider: Provider; rows: number };

/** --db=sqlite|postgresql (as the datasets benchmark) and --rows=<count> (1M by default). */
export function parseDataArgs(name: string, args: string[]): DataOptions {
  const options: DataOptions = { provider: "sqlite", rows: 1_000_000 };
  for (const arg of args) {
    const [option, value = ""] = arg.split("=", 2);
    if (option === "--db" && (value === "sqlite" || value === "postgresql")) options.provider = value;
    else if (option === "--rows") options.rows = parseCount(arg, "--rows");
    else throw new Error(`Unknown option ${arg} (${name} takes --db=sqlite|postgresql and --rows=<count>)`);
  }
  return options;
}

export async function benchPublish(args: string[]): Promise<void> {
  const { provider, rows } = parseDataArgs("publish", args);
  const load_before = loadavg()[0]!;
  if (load_before > 1) console.warn(`⚠ Load average ${load_before.toFixed(2)} on ${cpus().length} CPUs: other work is running, figures will be noisy.`);
  process.stdout.write(`Publish benchmark — ${provider}, ${rows.toLocaleString("en-US")} rows: generating the CSV…`);
  const csv = await generatedCsv(rows);
  try {
    process.stdout.write(` ${(csv.bytes / 1024 ** 2).toFixed(1)} MiB in ${csv.seconds.toFixed(1)} s\n  sqlite3 .import…`);
    const baseline = timeSqliteImport(csv.path, join(csv.dir, "import.sqlite"));
    if (baseline.rows !== rows) throw new Error(`sqlite3 .import loaded ${baseline.rows} rows, expected ${rows}`);
    process.stdout.write(` ${baseline.seconds} s\n`);

    await withBenchServer({ provider }, async (bench) => {
      process.stdout.write("  uploading, adding the resource and the processor stack…");
      const dataset = await preparedDataset(bench, "Publish benchmark", csv.path, rows);
      process.stdout.write(" done\n  publishing…");
      const rss = sampleRss(bench.server.pid);
      let shown = 0;
      const run = await publishUntilQueryable(bench, dataset, (job) => {
        if (job.records_done - shown < rows / 10) return;
        shown = job.records_done;
        process.stdout.write(` ${Math.round((100 * job.records_done) / rows)}%`);
      });
      const memory = rss.stop();
      process.stdout.write(` queryable after ${run.seconds} s\n`);

      const rows_per_s = Math.round(rows / run.seconds);
      const ratio = Math.round((run.seconds / baseline.seconds) * 10) / 10;
      const meets = run.seconds <= GOAL.seconds && memory.max_mib <= GOAL.rss_mib ? "yes" : "NO";
      console.log(`\nPublish — ${provider}, ${cpus().length} CPUs shared by client and server (load avg ${load_before.toFixed(2)} before), store ${bench.store.where}`);
      console.log(`${rows.toLocaleString("en-US")} rows × 20 columns, ${(csv.bytes / 1024 ** 2).toFixed(1)} MiB; stack: ${PROCESSOR_STACK.map((p) => p.type).join(" → ")}\n`);
      console.log(
        table(
          ["", "seconds", "rows/s", "MiB/s", "peak RSS (MiB)", "÷ sqlite3 .import", `≤${GOAL.seconds} s, ≤${GOAL.rss_mib} MiB`],
          [
            ["publish → queryable", run.seconds, rows_per_s, Math.round((csv.bytes / 1024 ** 2 / run.seconds) * 10) / 10, memory.max_mib, ratio, meets],
            ["  of which the job", run.job_seconds, run.job_seconds ? Math.round(rows / run.job_seconds) : null, null, null, null, null],
            ["sqlite3 .import", baseline.seconds, Math.round(rows / baseline.seconds), Math.round((csv.bytes / 1024 ** 2 / baseline.seconds) * 10) / 10, null, 1, null],
          ],
        ),
      );
      console.log(`(server RSS: its process tree, ${memory.before_mib} MiB before the publish, ${memory.after_mib} MiB after; ${memory.samples} samples)`);
      const file = writeJson(`publish-${provider}`, {
        bench: "publish",
        provider,
        at: new Date().toISOString(),
        machine: { cpus: cpus().length, load_avg_1m_before: load_before, load_avg_1m_after: loadavg()[0], node: process.version },
        goal: GOAL,
        csv: { rows, bytes: csv.bytes, columns: 20, generate_s: Math.round(csv.seconds * 10) / 10 },
        stack: PROCESSOR_STACK,
        publish: { ...run, rows_per_s, rss: memory, ratio_to_sqlite3_import: ratio },
        sqlite3_import: baseline,
      });
      console.log(`\nWritten to ${file}`);
    });
  } finally {
    csv.cleanup();
  }
}
