// A production server on a fresh SQLite store for one benchmark, with an administrator API key; its output is
// shown when the benchmark fails, and the store is removed afterwards whatever happens.
import { randomToken } from "@/lib/ids/uid";
import { startServer, type TestServer } from "../tests/support/server";
import { ensureBuild } from "./ensure-build";
import { freshStore, type BenchStore } from "./fresh-store";

export type BenchServer = { server: TestServer; store: BenchStore; apiKey: string; createDataset(title: string): Promise<{ uid: string }> };

export async function withBenchServer<T>(env: Record<string, string>, run: (bench: BenchServer) => Promise<T>): Promise<T> {
  ensureBuild();
  const store = await freshStore("sqlite");
  const apiKey = randomToken(20);
  let server: TestServer | undefined;
  try {
    server = await startServer({ env: { ...store.env, ADMIN_API_KEY: apiKey, SEED_DEMO: "false", LOG_LEVEL: "warn", ...env } });
    const base = server.url;
    const createDataset = (title: string) =>
      fetch(`${base}/api/automation/v1/datasets/`, {
        method: "POST",
        headers: { Authorization: `Apikey ${apiKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ metadata: { default: { title: { value: title } } } }),
      }).then((r) => r.json() as Promise<{ uid: string }>);
    return await run({ server, store, apiKey, createDataset });
  } catch (error) {
    if (server) console.error(`Server output:\n${server.output().slice(-4000)}`);
    throw error;
  } finally {
    await server?.stop();
    await store.cleanup();
  }
}
