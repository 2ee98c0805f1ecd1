// Stands in for the `server-only` package in the production server bundle (scripts/build-server.mjs): that
// package is a marker for Next's bundler, and everything in this bundle runs on the server.
export {};
