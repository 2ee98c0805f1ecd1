// `npm run bench -- <name> [options]`: runs one benchmark against the production build on a fresh store.
// Each benchmark prints a table and writes its figures to bench/.out/<name>-<provider>.json.
import { benchDatasets } from "./datasets";

const BENCHMARKS: Record<string, { usage: string; run(args: string[]): Promise<void> }> = {
  datasets: { usage: "datasets [--db=sqlite|postgresql] [--count=100000]   list API and console page at 100,000 datasets", run: benchDatasets },
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
