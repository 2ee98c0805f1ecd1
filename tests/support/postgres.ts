// PostgreSQL for the test suites: reachable at TEST_DATABASE_URL (default: the CI machines' local server),
// each run in its own schema, dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export async function postgresReachable(url = TEST_DATABASE_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function freshSchemaUrl(prefix = "dpc_test"): { url: string; schema: string } {
  const schema = `${prefix}_${randomBytes(4).toString("hex")}`;
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("schema", schema);
  return { url: url.toString(), schema };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    // the publish queue's own schema (lib/publishing/job-queue.ts)
    await client.query(`DROP SCHEMA IF EXISTS "${`${schema}_pgboss`.slice(0, 50)}" CASCADE`);
  } finally {
    await client.end();
  }
}
