import "server-only";
// Records tables nothing refers to any more: the previous table after a swap when its drop failed, a table a
// killed job was building, the table of a deleted dataset.
import { store } from "@/lib/store/store";

export async function dropUnusedRecordsTables(): Promise<string[]> {
  // Tables first, then what is in use: a table created in between is not listed, so it cannot be dropped by mistake.
  const tables = await store().records.list();
  const inUse = await store().publishJobs.tablesInUse();
  const dropped = tables.filter((table) => !inUse.has(table));
  for (const table of dropped) await store().records.drop(table);
  return dropped;
}
