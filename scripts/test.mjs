// npm test: the whole suite, in the order that fails fastest — types, lint, unit tests, then the production
// build that the API suites (SQLite and PostgreSQL) and the Playwright e2e tests run against.
// `npm test -- --only=unit,api` runs a subset.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuild } from "./ensure-build.mjs";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

const steps = [
  { name: "typecheck", run: () => spawnSync(bin("tsc"), ["--noEmit"], { cwd: root, stdio: "inherit", env }).status },
  { name: "lint", run: () => spawnSync(bin("eslint"), [".", "--max-warnings=0"], { cwd: root, stdio: "inherit", env }).status },
  { name: "unit", run: () => spawnSync(bin("vitest"), ["run", "--project", "unit"], { cwd: root, stdio: "inherit", env }).status },
  {
    name: "build",
    run: () => {
      try {
        ensureBuild();
        return 0;
      } catch (error) {
        console.error(error.message);
        return 1;
      }
    },
  },
  { name: "api", needs: "build", run: () => spawnSync(bin("vitest"), ["run", "--project", "api-*"], { cwd: root, stdio: "inherit", env }).status },
  { name: "e2e", needs: "build", run: () => spawnSync(bin("playwright"), ["test"], { cwd: root, stdio: "inherit", env }).status },
];

const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
const results = [];
for (const step of steps) {
  if (only && !only.includes(step.name) && !(step.name === "build" && only.some((o) => o === "api" || o === "e2e"))) continue;
  if (step.needs && results.find((r) => r.name === step.needs)?.status !== 0) {
    results.push({ name: step.name, status: null, seconds: 0 });
    continue;
  }
  console.log(`\n━━ ${step.name} ━━`);
  const started = Date.now();
  const status = step.run();
  results.push({ name: step.name, status, seconds: (Date.now() - started) / 1000 });
}

console.log("\n━━ summary ━━");
for (const r of results) {
  const outcome = r.status === 0 ? "passed" : r.status === null ? "not run (needs a build)" : `FAILED (exit ${r.status})`;
  console.log(`  ${r.name.padEnd(10)} ${outcome.padEnd(28)} ${r.seconds.toFixed(1)} s`);
}
process.exit(results.every((r) => r.status === 0) ? 0 : 1);
