// How the console's production server process starts (npm start, the test and bench servers, Playwright's).
// A publish allocates many short-lived records: with V8's default 16 MiB young generation, scavenges take a
// large share of a publish; 64 MiB halves them for about 100 MiB more peak memory (measured with
// `npm run bench -- publish`).
import { join } from "node:path";

export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];

/** The production server, bundled by scripts/build-server.mjs (relative to the checkout). */
export const SERVER_BUNDLE = join(".next", "dpc", "main.mjs");

/** node's arguments for the production server of the checkout at `root` (port: PORT in its environment). */
export const serverArgs = (root) => [...SERVER_NODE_FLAGS, join(root, SERVER_BUNDLE)];
