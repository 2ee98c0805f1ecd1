// Applies the committed SQL migrations (prisma/migrations/<provider>/*/migration.sql) at start-up.
// Why not `prisma migrate deploy`: it spawns the CLI (seconds), fails on PostgreSQL through the pg adapter
// (prisma/orm#27403) and would ship the CLI to production. The bookkeeping table is Prisma's own
// `_prisma_migrations`, with Prisma's checksum, so `prisma migrate status` still reads it.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createClient } from "@libsql/client";
import pg from "pg";
import type { DatabaseTarget } from "@/lib/db/database-url";

export type Migration = { name: string; sql: string; checksum: string };
export type MigrationReport = { applied: string[]; alreadyApplied: number };

const NAME = /^\d{14}_[a-z0-9_]+$/;
// Same advisory lock key as Prisma's migrate, so our runner and the CLI never run concurrently.
const PG_LOCK_KEY = 72707369;

export function migrationsDir(provider: DatabaseTarget["provider"], root = process.cwd()): string {
  return join(root, "prisma", "migrations", provider);
}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && NAME.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

function pending(all: Migration[], rows: AppliedRow[]): Migration[] {
  const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed on an earlier start and was left unfinished; repair the database, then mark it rolled back.`,
    );
  }
  const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r.checksum]));
  for (const m of all) {
    const checksum = done.get(m.name);
    if (checksum && checksum !== m.checksum) {
      console.warn(`[migrate] ${m.name} was edited after it was applied (checksum differs); it is not re-applied.`);
    }
  }
  return all.filter((m) => !done.has(m.name));
}

async function migrateSqlite(file: string, migrations: Migration[]): Promise<MigrationReport> {
  mkdirSync(dirname(file), { recursive: true });
  const client = createClient({ url: `file:${file}` });
  try {
    // WAL lets readers work while a writer commits; the setting is stored in the file.
    await client.execute("PRAGMA busy_timeout = 10000");
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
      "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const applied: string[] = [];
    // Re-read the bookkeeping inside the write lock: another process may have migrated meanwhile.
    for (;;) {
      const rows = (await client.execute(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`))
        .rows as unknown as AppliedRow[];
      const next = pending(migrations, rows)[0];
      if (!next) return { applied, alreadyApplied: migrations.length - applied.length };
      // Table redefinitions must run with foreign keys off (the pragma is ignored inside a transaction): otherwise
      // DROP TABLE would cascade-delete child rows. Violations are checked before COMMIT instead.
      await client.execute("PRAGMA busy_timeout = 10000");
      await client.execute("PRAGMA foreign_keys = OFF");
      const tx = await client.transaction("write");
      try {
        const again = (await tx.execute({ sql: `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`, args: [next.name] })).rows;
        if (again.length === 0) {
          await tx.executeMultiple(next.sql);
          const violations = await tx.execute("PRAGMA foreign_key_check");
          if (violations.rows.length > 0) throw new Error(`${next.name} leaves ${violations.rows.length} foreign key violation(s)`);
          await tx.execute({
            sql: `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
            args: [randomUUID(), next.checksum, next.name],
          });
          applied.push(next.name);
        }
        await tx.commit();
      } catch (error) {
        await tx.rollback();
        throw new Error(`Migration ${next.name} failed and was rolled back: ${(error as Error).message}`, { cause: error });
      } finally {
        tx.close();
      }
    }
  } finally {
    client.close();
  }
}

async function migratePostgres(url: string, schema: string, migrations: Migration[]): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock($1)`, [PG_LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
      migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
      started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    const rows = (await client.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)).rows;
    const todo = pending(migrations, rows);
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed and was rolled back: ${(error as Error).message}`, { cause: error });
      }
    }
    return { applied: todo.map((m) => m.name), alreadyApplied: migrations.length - todo.length };
  } finally {
    await client.query(`SELECT pg_advisory_unlock($1)`, [PG_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

export async function migrate(target: DatabaseTarget, dir = migrationsDir(target.provider)): Promise<MigrationReport> {
  const migrations = readMigrations(dir);
  return target.provider === "sqlite"
    ? migrateSqlite(target.file, migrations)
    : migratePostgres(target.url, target.schema, migrations);
}
