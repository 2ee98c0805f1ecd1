import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** Benchmarks run against the production build: build it first if the sources changed. */
export function ensureBuild(): void {
  const result = spawnSync(process.execPath, [join(__dirname, "..", "scripts", "ensure-build.mjs")], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`scripts/ensure-build.mjs failed (exit ${result.status})`);
}
