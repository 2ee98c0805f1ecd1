// An empty store for one benchmark run: SQLite in a fresh temporary DATA_DIR, or PostgreSQL in a fresh schema
// (bench_<random>) of TEST_DATABASE_URL. `env` is what the server needs to use it; cleanup() removes it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDatabaseUrl, type DatabaseTarget } from "@/lib/db/database-url";
import { dropSchema, freshSchemaUrl, postgresReachable, TEST_DATABASE_URL } from "../tests/support/postgres";

export type Provider = "sqlite" | "postgresql";
export type BenchStore = { provider: Provider; target: DatabaseTarget; env: Record<string, string>; where: string; cleanup(): Promise<void> };

export async function freshStore(provider: Provider): Promise<BenchStore> {
  const dataDir = mkdtempSync(join(tmpdir(), `dpc-bench-${provider}-`));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (provider === "sqlite") {
    const target = parseDatabaseUrl(undefined, dataDir);
    return { provider, target, env: { DATA_DIR: dataDir }, where: dataDir, cleanup: async () => removeDir() };
  }
  const problem = await postgresReachable();
  if (problem) {
    removeDir();
    throw new Error(`PostgreSQL is not reachable at ${TEST_DATABASE_URL}: ${problem} (set TEST_DATABASE_URL)`);
  }
  const { url, schema } = freshSchemaUrl("bench");
  return {
    provider,
    target: parseDatabaseUrl(url, dataDir),
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    where: `${TEST_DATABASE_URL} schema ${schema}`,
    cleanup: async () => {
      await dropSchema(schema);
      removeDir();
    },
  };
}
