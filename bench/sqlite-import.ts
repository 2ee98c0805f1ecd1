// The yardstick of the publish benchmark: the same CSV loaded by the sqlite3 shell's `.import` (no processing, no
// typing, no index), timed in the same run on the same machine.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";

const SQLITE3 = "/usr/bin/sqlite3";

export type SqliteImport = { seconds: number; rows: number };

/** Imports `csv` (header first) into a new database at `db`, which is deleted afterwards. */
export function timeSqliteImport(csv: string, db: string): SqliteImport {
  if (!existsSync(SQLITE3)) throw new Error(`${SQLITE3} is missing: apt-get install sqlite3`);
  rmSync(db, { force: true });
  try {
    const started = performance.now();
    const run = spawnSync(SQLITE3, [db, ".mode csv", `.import '${csv}' t`], { encoding: "utf8" });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0 || run.stderr) throw new Error(`sqlite3 .import failed (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
    const count = spawnSync(SQLITE3, [db, "SELECT count(*) FROM t"], { encoding: "utf8" });
    return { seconds: Math.round(seconds * 100) / 100, rows: Number(count.stdout.trim()) };
  } finally {
    rmSync(db, { force: true });
  }
}
