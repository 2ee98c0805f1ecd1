// The migration runner against real databases: SQLite always, PostgreSQL when one is reachable.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { migrate, migrationsDir, readMigrations, type MigrationReport } from "@/lib/db/migrate";
import { parseDatabaseUrl } from "@/lib/db/database-url";
import { dropSchema, freshSchemaUrl, postgresReachable } from "../../tests/support/postgres";

const temp = mkdtempSync(join(tmpdir(), "dpc-migrate-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs migrate() in a separate Node process, as a second server instance would. */
function migrateInChildProcess(target: object): Promise<MigrationReport> {
  const migrateModule = join(process.cwd(), "lib/db/migrate.ts");
  const code = `import(${JSON.stringify(migrateModule)}).then((m) => (m.migrate ?? m.default.migrate)(${JSON.stringify(target)})).then((r) => process.stdout.write(JSON.stringify(r)))`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", "-e", code], { cwd: process.cwd() }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as MigrationReport),
    );
  });
}

/** A copy of the real migrations plus one that fails halfway. */
function migrationsWithBrokenOne(provider: "sqlite" | "postgresql"): string {
  const dir = join(temp, `broken-${provider}-${Math.random().toString(36).slice(2)}`);
  cpSync(migrationsDir(provider), dir, { recursive: true });
  mkdirSync(join(dir, "29990101000000_broken"));
  writeFileSync(join(dir, "29990101000000_broken", "migration.sql"), `CREATE TABLE "Half" ("a" TEXT);\nINSERT INTO "NoSuchTable" VALUES (1);\n`);
  return dir;
}

describe("migrations (sqlite)", () => {
  it("applies every migration once, and nothing on the next start", async () => {
    const target = { provider: "sqlite" as const, file: join(temp, "a", "console.db") };
    const first = await migrate(target);
    expect(first.applied).toEqual(readMigrations(migrationsDir("sqlite")).map((m) => m.name));
    const second = await migrate(target);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    const client = createClient({ url: `file:${target.file}` });
    const rows = (await client.execute(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"`)).rows;
    expect(rows).toHaveLength(first.applied.length);
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect((await client.execute("PRAGMA journal_mode")).rows[0]!.journal_mode).toBe("wal");
    client.close();
  });

  it("lets two processes start on the same empty store at once: each migration is applied exactly once", async () => {
    const target = { provider: "sqlite" as const, file: join(temp, "b", "console.db") };
    const [a, b] = await Promise.all([migrateInChildProcess(target), migrateInChildProcess(target)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(readMigrations(migrationsDir("sqlite")).map((m) => m.name));
  });

  it("rolls a failing migration back entirely and does not record it", async () => {
    const target = { provider: "sqlite" as const, file: join(temp, "c", "console.db") };
    const dir = migrationsWithBrokenOne("sqlite");
    await expect(migrate(target, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const client = createClient({ url: `file:${target.file}` });
    const tables = (await client.execute(`SELECT name FROM sqlite_master WHERE type = 'table'`)).rows.map((r) => r.name);
    expect(tables).toContain("Dataset");
    expect(tables).not.toContain("Half");
    const names = (await client.execute(`SELECT migration_name FROM "_prisma_migrations"`)).rows.map((r) => r.migration_name);
    expect(names).not.toContain("29990101000000_broken");
    client.close();
  });
});

const pgProblem = await postgresReachable();
if (pgProblem) console.warn(`⚠ PostgreSQL not reachable (${pgProblem}): PostgreSQL migration tests SKIPPED.`);

describe.skipIf(!!pgProblem)("migrations (postgresql)", () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });

  it("applies every migration once into its own schema, and nothing the second time", async () => {
    const { url, schema } = freshSchemaUrl("dpc_migrate");
    schemas.push(schema);
    const target = parseDatabaseUrl(url, temp);
    const [a, b] = await Promise.all([migrate(target), migrate(target)]);
    expect(a.applied.length + b.applied.length).toBe(readMigrations(migrationsDir("postgresql")).length);
    expect((await migrate(target)).applied).toEqual([]);
  });

  it("rolls a failing migration back (transactional DDL)", async () => {
    const { url, schema } = freshSchemaUrl("dpc_migrate");
    schemas.push(schema);
    await expect(migrate(parseDatabaseUrl(url, temp), migrationsWithBrokenOne("postgresql"))).rejects.toThrow(/rolled back/);
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: url.split("?")[0] });
    await client.connect();
    const tables = (await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1`, [schema])).rows.map((r) => r.table_name);
    await client.end();
    expect(tables).toContain("Dataset");
    expect(tables).not.toContain("Half");
  });
});
