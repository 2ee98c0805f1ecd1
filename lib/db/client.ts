// One Prisma client per process, for the provider DATABASE_URL selects. Both generated clients come from the
// same schema, so the SQLite client's types describe either; nothing outside lib/store and lib/db uses them.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Client as LibsqlClient, Config as LibsqlConfig } from "@libsql/client";
import { PrismaClient as SqlitePrismaClient } from "@/lib/db/generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/db/generated/postgresql/client";
import type { DatabaseTarget } from "@/lib/db/database-url";

export type Db = SqlitePrismaClient;
export type { Prisma } from "@/lib/db/generated/sqlite/client";

// foreign_keys: SQLite leaves them off per connection by default, and the cascades (dataset → resources, files) rely on them.
const SQLITE_CONNECTION_PRAGMAS = ["PRAGMA busy_timeout = 5000", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON"];

/**
 * The libsql client opens a fresh connection for every transaction and forgets per-connection settings, and its
 * default busy timeout is 0: a second process writing (a worker, a test fixture, the bench seeder) would fail at once
 * with SQLITE_BUSY. This wrapper re-applies the pragmas on each new connection and starts transactions with
 * BEGIN IMMEDIATE, so a read-then-write transaction never dead-ends on a lock upgrade.
 */
function withConnectionPragmas(client: LibsqlClient): LibsqlClient {
  let fresh = true;
  const prepare = async () => {
    if (fresh) {
      // execute(), not executeMultiple(): pragmas answer with a row, which executeMultiple refuses.
      for (const pragma of SQLITE_CONNECTION_PRAGMAS) await client.execute(pragma);
      fresh = false;
    }
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "transaction") {
        return async () => {
          await prepare();
          const tx = await target.transaction("write");
          fresh = true;
          return tx;
        };
      }
      if (prop === "execute" || prop === "batch" || prop === "executeMultiple") {
        const method = Reflect.get(target, prop, receiver) as (...args: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          await prepare();
          return method.apply(target, args);
        };
      }
      // libsql's client keeps its connection in private fields: its other methods must run on the client itself
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

class PrismaLibSQLWithPragmas extends PrismaLibSQL {
  createClient(config: LibsqlConfig): LibsqlClient {
    return withConnectionPragmas(super.createClient(config));
  }
}

export function createDb(target: DatabaseTarget): Db {
  if (target.provider === "sqlite") {
    return new SqlitePrismaClient({ adapter: new PrismaLibSQLWithPragmas({ url: `file:${target.file}` }) });
  }
  const adapter = new PrismaPg(
    { connectionString: target.url, max: 10, options: `-c search_path=${target.schema}` },
    { schema: target.schema },
  );
  return new PostgresPrismaClient({ adapter }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { __dpcDb?: { key: string; db: Db } };

/** The process-wide client for `target` (reused across hot reloads and route modules). */
export function dbFor(target: DatabaseTarget): Db {
  const key = JSON.stringify(target);
  if (globalForDb.__dpcDb?.key !== key) {
    globalForDb.__dpcDb = { key, db: createDb(target) };
  }
  return globalForDb.__dpcDb.db;
}
