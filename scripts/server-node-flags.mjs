// Node flags for the console's server processes (npm start, the test and bench servers). A publish allocates many
// short-lived records: with V8's default 16 MiB young generation, scavenges take a large share of a publish; 64
// MiB halves them for about 100 MiB more peak memory (measured with `npm run bench -- publish`).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];
