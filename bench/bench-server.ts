// A production server on a fresh store for one benchmark, with an administrator API key; its output is shown
// when the benchmark fails, and the store is removed afterwards whatever happens. With `seed`, the server starts
// once (migrations, administrator), stops, the store is filled straight through its driver, and it starts again.
import { randomToken } from "@/lib/ids/uid";
import { startServer, type TestServer } from "../tests/support/server";
import { ensureBuild } from "./ensure-build";
import { freshStore, type BenchStore, type Provider } from "./fresh-store";

export type BenchServer = { server: TestServer; store: BenchStore; apiKey: string; createDataset(title: string): Promise<{ uid: string; dataset_id: string }> };

type Options = { env?: Record<string, string>; provider?: Provider; seed?: (store: BenchStore) => Promise<void> };

export async function withBenchServer<T>(options: Options, run: (bench: BenchServer) => Promise<T>): Promise<T> {
  ensureBuild();
  const store = await freshStore(options.provider ?? "sqlite");
  const apiKey = randomToken(20);
  const env = { ...store.env, ADMIN_API_KEY: apiKey, SEED_DEMO: "false", LOG_LEVEL: "warn", ...options.env };
  let server: TestServer | undefined;
  try {
    if (options.seed) {
      server = await startServer({ env });
      await server.stop();
      server = undefined;
      await options.seed(store);
    }
    server = await startServer({ env });
    const base = server.url;
    const createDataset = (title: string) =>
      fetch(`${base}/api/automation/v1/datasets/`, {
        method: "POST",
        headers: { Authorization: `Apikey ${apiKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ metadata: { default: { title: { value: title } } } }),
      }).then((r) => r.json() as Promise<{ uid: string; dataset_id: string }>);
    return await run({ server, store, apiKey, createDataset });
  } catch (error) {
    if (server) console.error(`Server output:\n${server.output().slice(-4000)}`);
    throw error;
  } finally {
    await server?.stop();
    await store.cleanup();
  }
}
