// Playwright's web server: a fresh store every run, then the production console.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { serverArgs } from "../../scripts/server-node-flags.mjs";

rmSync(process.env.DATA_DIR ?? "test-results/e2e-data", { recursive: true, force: true });
const child = spawn(process.execPath, serverArgs("."), { stdio: "inherit", env: { ...process.env, PORT: process.env.PORT ?? "3210", NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
