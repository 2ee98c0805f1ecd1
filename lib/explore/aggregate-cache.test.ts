// The aggregate cache against a real records table (the embedded store's SQLite files), nothing mocked: once a
// table has answered a count, the answer comes from memory (the table's file can even be gone); other SQL, other
// parameters or another table are queried.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sqliteRecordsStore } from "@/lib/store/prisma/records/sqlite-records-store";
import type { RecordsField } from "@/lib/store/publishing-types";
import { aggregateQuery } from "./aggregate-cache";

const dir = mkdtempSync(join(tmpdir(), "dpc-aggregates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const city: RecordsField = { name: "city", label: "City", type: "text", original_name: "city", description: null, annotations: [], column: "c_city", multivalued: false, separator: null };
const COUNT = `SELECT COUNT(*) AS n FROM "records" WHERE "c_city" = ?`;

async function table(name: string, cities: string[]) {
  const records = sqliteRecordsStore(dir);
  const writer = await records.create(name, [city]);
  await writer.write(cities.map((c, i) => [`id${i}`, c]));
  await writer.finish();
  return records;
}

const n = (rows: Record<string, unknown>[]) => Number(rows[0]?.n);

describe("aggregateQuery", () => {
  it("answers a count once per table, SQL and parameters", async () => {
    const records = await table("rec_aggr_a", ["Paris", "Lyon", "Paris"]);
    expect(n(await aggregateQuery(records, "rec_aggr_a", COUNT, ["Paris"]))).toBe(2);
    await records.drop("rec_aggr_a");
    // Published tables never change: the same question is answered from memory.
    expect(n(await aggregateQuery(records, "rec_aggr_a", COUNT, ["Paris"]))).toBe(2);
    // A different parameter is a different question, asked of the (now missing) table.
    await expect(aggregateQuery(records, "rec_aggr_a", COUNT, ["Lyon"])).rejects.toThrow();
    await expect(aggregateQuery(records, "rec_aggr_a", `${COUNT} AND 1 = 1`, ["Paris"])).rejects.toThrow();
  });

  it("asks a new table afresh, and does not keep failures", async () => {
    const records = await table("rec_aggr_b", ["Paris"]);
    expect(n(await aggregateQuery(records, "rec_aggr_b", COUNT, ["Paris"]))).toBe(1);
    await expect(aggregateQuery(records, "rec_aggr_c", COUNT, ["Paris"])).rejects.toThrow();
    await table("rec_aggr_c", ["Paris", "Paris", "Paris"]);
    expect(n(await aggregateQuery(records, "rec_aggr_c", COUNT, ["Paris"]))).toBe(3);
  });

  it("tells parameters of different types apart", async () => {
    const records = await table("rec_aggr_d", ["1", "2"]);
    expect(n(await aggregateQuery(records, "rec_aggr_d", COUNT, ["1"]))).toBe(1);
    await records.drop("rec_aggr_d");
    await expect(aggregateQuery(records, "rec_aggr_d", COUNT, [1])).rejects.toThrow();
  });
});
