// A read-only connection to the embedded console database for the read every Explore call makes (the published
// dataset's stamp). Through Prisma that read cost ~180 µs, most of it Prisma's query machinery; a prepared
// statement here costs ~10 µs (measured). libsql is the library Prisma's adapter uses on the same file, so one
// SQLite build owns its locks; in WAL mode this reader never blocks or waits for a writer.
import Database from "libsql";

type Connection = { get<T>(sql: string, params: readonly unknown[]): T | undefined };

const MAX_STATEMENTS = 16;
const globalForReaders = globalThis as unknown as { __dpcSqliteReaders?: Map<string, Connection> };

export function sqliteReadConnection(file: string): Connection {
  const readers = (globalForReaders.__dpcSqliteReaders ??= new Map());
  let reader = readers.get(file);
  if (!reader) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    const statements = new Map<string, Database.Statement<unknown[]>>();
    reader = {
      get<T>(sql: string, params: readonly unknown[]) {
        let statement = statements.get(sql);
        if (!statement) {
          if (statements.size >= MAX_STATEMENTS) statements.clear();
          statements.set(sql, (statement = db.prepare(sql)));
        }
        return statement.get(...params) as T | undefined;
      },
    };
    readers.set(file, reader);
  }
  return reader;
}
