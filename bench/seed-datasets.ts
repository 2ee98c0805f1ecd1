// Bulk-loads N datasets straight through the database driver (Prisma's createMany is ~50× slower), writing each
// row exactly as lib/store/prisma/dataset-store.ts `create` does: same title/search_text, metadata shaped by
// metadataForCreate, default security, created_by the administrator. On SQLite, Prisma's libsql adapter stores
// DateTime as ISO text with "+00:00", Boolean as 0/1 and Json as text; on PostgreSQL TIMESTAMP(3) holds UTC.
import { createClient } from "@libsql/client";
import pg from "pg";
import type { DatabaseTarget } from "@/lib/db/database-url";
import { metadataForCreate } from "@/lib/datasets/metadata";
import { DEFAULT_DATASET_SECURITY, type DatasetWrite } from "@/lib/datasets/schema";
import { slugifyDatasetId } from "@/lib/datasets/dataset-id";
import { foldForSearch } from "@/lib/store/prisma/dataset-store";
import { FILLER, PLACES, QUALIFIERS, RARE_WORD, SINGLE_WORD, TOPICS } from "./seed-words";

export type SeedRow = {
  uid: string;
  dataset_id: string;
  title: string;
  title_sort: string;
  search_text: string;
  is_restricted: boolean;
  default_security: string;
  metadata: string;
  created_by_id: string;
  created_at: Date;
  updated_at: Date;
};

export type SeedResult = { rows: number; generate_ms: number; write_ms: number; write_rows_per_s: number; total_rows_per_s: number };

/** Index of the one row whose title carries SINGLE_WORD (RARE_WORD: every row i with i % 100 === 7). */
export const singleRow = (count: number) => Math.floor(count * 0.618);
const COLUMNS = ["uid", "dataset_id", "title", "title_sort", "search_text", "is_restricted", "default_security", "metadata", "is_published", "status", "status_since", "created_by_id", "created_at", "updated_at"];
const DAY = 86_400_000;
// Same alphabet as newUid() in lib/ids/uid.ts, drawn from the seeded PRNG.
const UID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Deterministic PRNG (mulberry32): the same data on every run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Mirrors titleColumns() in lib/store/prisma/dataset-store.ts (not exported there).
const searchText = (title: string, dataset_id: string) => ` ${foldForSearch(title)} ${foldForSearch(dataset_id)} `;

export function* datasetRows(count: number, adminId: string, now = Date.now()): Generator<SeedRow> {
  const random = prng(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const uids = new Set<string>();
  const default_security = JSON.stringify(DEFAULT_DATASET_SECURITY);
  const span = 3 * 365 * DAY;
  const start = now - span - DAY;
  const single = singleRow(count);
  for (let i = 0; i < count; i++) {
    let uid: string;
    do {
      uid = "da_";
      for (let c = 0; c < 6; c++) uid += UID_ALPHABET[Math.floor(random() * UID_ALPHABET.length)];
    } while (uids.has(uid));
    uids.add(uid);

    const words = [pick(QUALIFIERS), pick(TOPICS), pick(TOPICS)];
    if (i % 100 === 7) words.splice(1, 0, RARE_WORD);
    if (i === single) words.push(SINGLE_WORD);
    const title = `${words.join(" ")} ${random() < 0.5 ? "in" : "—"} ${pick(PLACES)} ${2000 + Math.floor(random() * 26)}`.replace(/^./, (c) => c.toUpperCase());
    const dataset_id = `${slugifyDatasetId(title).slice(0, 80)}-${i}`;
    const created_at = new Date(start + Math.floor((i / count) * span + random() * DAY));
    const updated_at = new Date(created_at.getTime() + Math.floor(random() ** 3 * (now - created_at.getTime())));
    const input = {
      metadata: {
        default: {
          title: { value: title },
          description: { value: `${title}. ${Array.from({ length: 12 + Math.floor(random() * 20) }, () => pick(FILLER)).join(" ")}.` },
          keyword: { value: [pick(TOPICS), pick(TOPICS), pick(PLACES).toLowerCase()] },
          ...(random() < 0.2 ? { language: { value: "fr" } } : {}),
        },
      },
    } as DatasetWrite;
    yield {
      uid,
      dataset_id,
      title,
      title_sort: foldForSearch(title).trim(),
      search_text: searchText(title, dataset_id),
      is_restricted: random() < 0.1,
      default_security,
      metadata: JSON.stringify(metadataForCreate(input.metadata, created_at)),
      created_by_id: adminId,
      created_at,
      updated_at,
    };
  }
}

const columnList = COLUMNS.map((c) => `"${c}"`).join(", ");

/** Values in COLUMNS order; the app never publishes on create, and status_since is the creation time. */
function values(row: SeedRow, time: (d: Date) => string, bool: (b: boolean) => unknown): unknown[] {
  const at = time(row.created_at);
  return [row.uid, row.dataset_id, row.title, row.title_sort, row.search_text, bool(row.is_restricted), row.default_security, row.metadata, bool(false), "idle", at, row.created_by_id, at, time(row.updated_at)];
}

type Writer = { adminId: string; write(rows: SeedRow[]): Promise<number>; close(): Promise<void> };

async function sqliteWriter(file: string): Promise<Writer> {
  const client = createClient({ url: `file:${file}` });
  await client.execute("PRAGMA busy_timeout = 10000");
  const admin = await client.execute(`SELECT id FROM "User" WHERE username = 'admin'`);
  // "2026-11-23T10:15:11.340+00:00", as the libsql adapter writes DateTime.
  const time = (d: Date) => d.toISOString().replace("Z", "+00:00");
  const perStatement = 500;
  const placeholders = (n: number) => Array.from({ length: n }, () => `(${COLUMNS.map(() => "?").join(", ")})`).join(", ");
  return {
    adminId: String(admin.rows[0]?.id ?? ""),
    async write(rows) {
      const tx = await client.transaction("write");
      try {
        let written = 0;
        for (let i = 0; i < rows.length; i += perStatement) {
          const chunk = rows.slice(i, i + perStatement);
          const args = chunk.flatMap((row) => values(row, time, (b) => (b ? 1 : 0))) as (string | number)[];
          written += (await tx.execute({ sql: `INSERT INTO "Dataset" (${columnList}) VALUES ${placeholders(chunk.length)}`, args })).rowsAffected;
        }
        await tx.commit();
        return written;
      } finally {
        tx.close();
      }
    },
    close: async () => client.close(),
  };
}

async function postgresWriter(url: string, schema: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const admin = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE username = 'admin'`);
  // TIMESTAMP(3) without time zone holds UTC (as the pg adapter writes it): send UTC text, whatever the local TZ.
  const time = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
  const types = ["text", "text", "text", "text", "text", "boolean", "jsonb", "jsonb", "boolean", "text", "timestamp", "text", "timestamp", "timestamp"];
  // One array parameter per column, unnested server-side: 1,000 rows per statement with 14 parameters.
  const sql = `INSERT INTO "Dataset" (${columnList}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`;
  return {
    adminId: admin.rows[0]?.id ?? "",
    async write(rows) {
      let written = 0;
      await client.query("BEGIN");
      try {
        for (let i = 0; i < rows.length; i += 1000) {
          const chunk = rows.slice(i, i + 1000).map((row) => values(row, time, (b) => b));
          written += (await client.query(sql, COLUMNS.map((_, c) => chunk.map((v) => v[c])))).rowCount ?? 0;
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
      // What autovacuum does shortly after a bulk insert (statistics, visibility map): measure the settled table.
      await client.query(`VACUUM (ANALYZE) "Dataset"`);
      return written;
    },
    close: () => client.end(),
  };
}

/** Generates `count` datasets in memory, then writes them in one transaction; both phases are timed. */
export async function seedDatasets(target: DatabaseTarget, count: number): Promise<SeedResult> {
  const writer = target.provider === "sqlite" ? await sqliteWriter(target.file) : await postgresWriter(target.url, target.schema);
  try {
    if (!writer.adminId) throw new Error("No admin user in the store: start the server once before seeding");
    const t0 = performance.now();
    const rows = [...datasetRows(count, writer.adminId)];
    const t1 = performance.now();
    const written = await writer.write(rows);
    const t2 = performance.now();
    if (written !== count) throw new Error(`Seeded ${written} datasets instead of ${count}`);
    const rate = (ms: number) => Math.round(count / (ms / 1000));
    return { rows: count, generate_ms: Math.round(t1 - t0), write_ms: Math.round(t2 - t1), write_rows_per_s: rate(t2 - t1), total_rows_per_s: rate(t2 - t0) };
  } finally {
    await writer.close();
  }
}
