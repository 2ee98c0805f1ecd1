// A small records table stored as the publish job stores it, and runners that execute compiled
// queries on an in-memory SQLite database or, when one answers, on PostgreSQL.
import { createClient, type InValue } from "@libsql/client";
import { Client } from "pg";
import { decodeRow, OdsqlError, type OutputColumn } from "./index";
import type { Dialect, OdsqlField } from "./field-catalog";
import type { SqlParam } from "./sql-fragment";

export const FIELDS: OdsqlField[] = [
  { name: "name", type: "text", column: "c0", multivalued: false },
  { name: "tags", type: "text", column: "c1", multivalued: true },
  { name: "population", type: "int", column: "c2", multivalued: false },
  { name: "score", type: "double", column: "c3", multivalued: false },
  { name: "active", type: "boolean", column: "c4", multivalued: false },
  { name: "founded", type: "date", column: "c5", multivalued: false },
  { name: "updated", type: "datetime", column: "c6", multivalued: false },
  { name: "location", type: "geo_point_2d", column: "c7", multivalued: false },
  { name: "city", type: "text", column: "c8", multivalued: false },
  { name: "year", type: "int", column: "c9", multivalued: false },
];

type Row = [string, string[] | null, number | null, number | null, boolean | null, string | null, string | null, string | null, string | null, number | null];

// prettier-ignore
export const ROWS: Row[] = [
  ["Alpha Tree", ["green", "park"], 100, 1.5, true, "2019-03-10", "2020-01-05T10:00:00.000Z", "48.85,2.35", "Paris", 1],
  ["Beta Street", ["blue"], 250, 2.5, false, "2020-01-01", "2020-11-05T08:30:00.000Z", "45.76,4.83", "Lyon", 2],
  ["Gamma Film festival", ["green", "film"], 50, null, true, "2020-11-05", "2020-11-30T23:59:59.999Z", null, "Paris", 3],
  ["Delta", null, null, 3.25, null, null, null, null, null, null],
  ["Épsilon Café", ["café"], 1000, 0, true, "2021-06-15", "2021-06-15T00:00:00.000Z", "43.3,5.37", "Lyon", 5],
  ["100% pure_fun", null, 7, 8.5, false, "2020-11-30", "2020-12-01T00:00:00.000Z", null, "Nice", 6],
  ["Eta trees", ["park", "blue"], 300, 4.75, false, "2020-02-29", "2020-02-29T12:00:00.000Z", null, "Marseille", 7],
  ["Theta", null, 75, 1, true, "2019-12-31", "2019-12-31T23:00:00.000Z", null, "Paris", 8],
  ["Iota", ["Green"], 120, 2, false, "2020-11-30", "2020-12-01T00:00:00.001Z", null, null, 9],
  ["Kappa it's \"quoted\"", ["a,b"], 5, -1.5, true, "2022-01-01", "2022-01-01T00:00:00.000Z", null, "Nice", 10],
  ["lambda", ["green"], 100, 1.5, null, "2020-11-05", "2020-11-05T08:30:00.000Z", null, "Paris", 11],
  ["Mu Streetcar", ["blue", "green"], 2000, 9.5, true, "2018-07-14", "2018-07-14T06:00:00.000Z", null, "Lyon", 12],
];

export const TABLE = "rec_test_records";

export type Runner = {
  dialect: Dialect;
  /** Raw rows keyed by column name. */
  run(sql: string, params: SqlParam[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

function createTableSql(dialect: Dialect): string {
  const pg = dialect === "postgresql";
  const columnType = (field: OdsqlField): string => {
    if (field.type === "int") return pg ? "BIGINT" : "INTEGER";
    if (field.type === "double") return pg ? "DOUBLE PRECISION" : "REAL";
    if (field.type === "boolean") return pg ? "BOOLEAN" : "INTEGER";
    return "TEXT";
  };
  const columns = FIELDS.map((field) => `"${field.column}" ${columnType(field)}`).join(", ");
  return `CREATE TABLE "${TABLE}" ("_n" INTEGER PRIMARY KEY, "_id" TEXT NOT NULL, ${columns})`;
}

function insertParams(row: Row, index: number, dialect: Dialect): SqlParam[] {
  const values = row.map((value, i) => {
    if (value === null) return null;
    if (FIELDS[i]!.multivalued) return (value as string[]).length === 0 ? null : JSON.stringify(value);
    if (typeof value === "boolean" && dialect === "sqlite") return value ? 1 : 0;
    return value as SqlParam;
  });
  return [index + 1, `r${index + 1}`, ...values];
}

async function load(runner: Runner): Promise<void> {
  await runner.run(createTableSql(runner.dialect), []);
  const placeholders = Array.from({ length: FIELDS.length + 2 }, (_, i) => (runner.dialect === "postgresql" ? `$${i + 1}` : "?")).join(", ");
  for (const [index, row] of ROWS.entries()) {
    await runner.run(`INSERT INTO "${TABLE}" VALUES (${placeholders})`, insertParams(row, index, runner.dialect));
  }
}

export async function sqliteRunner(): Promise<Runner> {
  const client = createClient({ url: ":memory:" });
  const runner: Runner = {
    dialect: "sqlite",
    async run(sql, params) {
      const result = await client.execute({ sql, args: params as InValue[] });
      return result.rows.map((row) => Object.fromEntries(result.columns.map((column, i) => [column, row[i]])));
    },
    async close() {
      client.close();
    },
  };
  await load(runner);
  return runner;
}

export const PG_URL = "postgresql://postgres@127.0.0.1:5432/test";

export async function postgresAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Works in its own schema, dropped on close. */
export async function postgresRunner(): Promise<Runner> {
  const client = new Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  await client.connect();
  const schema = `odsql_test_${Math.random().toString(36).slice(2, 10)}`;
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.query(`SET search_path TO "${schema}"`);
  const runner: Runner = {
    dialect: "postgresql",
    async run(sql, params) {
      return (await client.query(sql, params)).rows as Record<string, unknown>[];
    },
    async close() {
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
  await load(runner);
  return runner;
}

export const decodeRows = (rows: Record<string, unknown>[], columns: OutputColumn[]) => rows.map((row) => decodeRow(row, columns));

/** SQLite through better-sqlite3, as the records store reads it: its SQLite has percentile(), libsql's has not. */
export async function betterSqliteRunner(): Promise<Runner> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(":memory:");
  const runner: Runner = {
    dialect: "sqlite",
    async run(sql, params) {
      const statement = db.prepare(sql);
      if (!statement.reader) {
        statement.run(...params);
        return [];
      }
      return statement.all(...params) as Record<string, unknown>[];
    },
    async close() {
      db.close();
    },
  };
  await load(runner);
  return runner;
}

/** The OdsqlError `fn` throws (anything else, or nothing, fails the test). */
export function odsqlFailure(fn: () => unknown): OdsqlError {
  try {
    fn();
  } catch (error) {
    if (error instanceof OdsqlError) return error;
    throw error;
  }
  throw new Error("expected an OdsqlError");
}
