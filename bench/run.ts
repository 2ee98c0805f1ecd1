// `npm run bench -- <name> [options]`: runs one benchmark against the production build on a fresh store.
// Each benchmark prints a table and writes its figures to bench/.out/<name>-<provider>.json.
import { benchDatasets } from "./datasets";
import { benchExplore } from "./explore";
import { benchPreview } from "./preview";
import { benchProxy } from "./proxy";
import { benchPublish } from "./publish";
import { benchUpload } from "./upload";

const BENCHMARKS: Record<string, { usage: string; run(args: string[]): Promise<void> }> = {
  datasets: { usage: "datasets [--db=sqlite|postgresql] [--count=100000]   list API and console page at 100,000 datasets", run: benchDatasets },
  explore: { usage: "explore [--db=sqlite|postgresql] [--rows=1000000]    Explore records p95, 50 connections, with and without a publish", run: benchExplore },
  preview: { usage: "preview [--size=1MiB --size=64MiB --size=2GiB]          preview latency of uploaded CSVs as they grow", run: benchPreview },
  proxy: { usage: "proxy [--count=400] [--size=2GiB]                       latency the proxy adds over direct calls (list, retrieve, preview), memory of a large upload through it", run: benchProxy },
  publish: { usage: "publish [--db=sqlite|postgresql] [--rows=1000000]    CSV + 3 processors, publish to queryable, vs sqlite3 .import", run: benchPublish },
  upload: { usage: "upload [--size=64MiB --size=2GiB]                        upload throughput and server memory", run: benchUpload },
};

function usage(): string {
  return ["Usage: npm run bench -- <benchmark> [options]", "", ...Object.values(BENCHMARKS).map((b) => `  ${b.usage}`)].join("\n");
}

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const bench = name ? BENCHMARKS[name] : undefined;
  if (!bench) {
    console.error(name && name !== "--help" ? `Unknown benchmark "${name}".\n\n${usage()}` : usage());
    return 2;
  }
  await bench.run(args);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nBenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
