// Builds the production bundle when it is missing or older than the sources, so `npm start` and the test
// suites always run the current code without a separate build step. The fingerprint covers what `next build`
// reads; it is cheap (sizes + mtimes), not a content hash. The production server (server/) is bundled after it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer } from "./build-server.mjs";
import { SERVER_BUNDLE } from "./server-node-flags.mjs";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const INPUTS = ["app", "components", "lib", "server", "scripts/build-server.mjs", "public", "instrumentation.ts", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "tsconfig.next.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function* files(path) {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (stat.isFile()) {
    yield [path, stat];
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.endsWith(".test.ts")) continue;
    yield* files(join(path, entry.name));
  }
}

export function sourceFingerprint() {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const [path, stat] of files(join(root, input))) hash.update(`${relative(root, path)}:${stat.size}:${stat.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

export function ensureBuild({ quiet = false } = {}) {
  const marker = join(root, ".next", "source-fingerprint");
  const fingerprint = sourceFingerprint();
  const built = existsSync(join(root, ".next", "BUILD_ID")) && existsSync(join(root, SERVER_BUNDLE)) && existsSync(marker);
  if (built && readFileSync(marker, "utf8") === fingerprint) return false;
  if (!quiet) console.log("Building the console (first start or sources changed)…");
  const result = spawnSync(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  buildServer(root);
  writeFileSync(marker, fingerprint);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureBuild();
}
