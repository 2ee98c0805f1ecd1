// npm start: build if needed, then serve the production console. Migrations and the first-start setup run
// inside the server (instrumentation.ts) before it answers requests.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuild } from "./ensure-build.mjs";
import { SERVER_NODE_FLAGS, serverArgs } from "./server-node-flags.mjs";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
process.env.NEXT_TELEMETRY_DISABLED = "1";
const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";

if (!existsSync(join(root, "lib/db/generated/sqlite/client.ts"))) {
  await import("./prisma-generate.mjs");
}
if (!dev) ensureBuild();

const args = dev ? [...SERVER_NODE_FLAGS, join(root, "node_modules/next/dist/bin/next"), "dev", "-p", port] : serverArgs(root);
const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, PORT: port, NODE_ENV: dev ? "development" : "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
