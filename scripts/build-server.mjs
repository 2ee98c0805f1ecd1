// Bundles the production server (server/main.ts, and its publish thread) and the library code they reach into
// .next/dpc/ with esbuild. Packages stay in node_modules, as in Next's server build.
import { buildSync } from "esbuild";
import { dirname } from "node:path";
import { SERVER_BUNDLE } from "./server-node-flags.mjs";

export function buildServer(root) {
  buildSync({
    absWorkingDir: root,
    entryPoints: ["server/main.ts", "server/publish-thread.ts"],
    outdir: dirname(SERVER_BUNDLE),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    // next has no "exports" map: Node's ESM resolution needs the files' own names.
    alias: { "server-only": "./server/server-only.ts", "next/headers": "next/headers.js", "next/navigation": "next/navigation.js" },
    logLevel: "warning",
    // Bundled CommonJS-style code may call require().
    banner: { js: 'import { createRequire as __dpcCreateRequire } from "node:module"; const require = __dpcCreateRequire(import.meta.url);' },
  });
}
