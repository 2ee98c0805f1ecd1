import "server-only";
// Counts and facet values of published records, kept in memory. A published records table never changes (a
// publish builds a new table under a new name and swaps it in), so what a query answered on it stays true for
// as long as it is served, and entries of replaced tables simply age out. The viewer's record filter is part of
// the SQL, so viewers with different filters never share an entry. Counting the matches of a `where` was the
// most expensive part of a filtered page (~10 ms on 1M rows, against < 1 ms for the page itself, measured).
import type { RecordsStore } from "@/lib/store/publishing-types";

const MAX_ENTRIES = 2_000;

type Rows = Awaited<ReturnType<RecordsStore["query"]>>;
const globalForCache = globalThis as unknown as { __dpcAggregates?: Map<string, Promise<Rows>> };
const entries = (): Map<string, Promise<Rows>> => (globalForCache.__dpcAggregates ??= new Map());

const keyOf = (table: string, sql: string, params: readonly unknown[]) =>
  `${table}\u0000${sql}\u0000${params.map((p) => `${typeof p}:${String(p)}`).join("\u0001")}`;

/** `records.query(table, sql, params)` for an aggregate (COUNT, GROUP BY): answered once per published table. */
export function aggregateQuery(records: RecordsStore, table: string, sql: string, params: readonly unknown[]): Promise<Rows> {
  const cache = entries();
  const key = keyOf(table, sql, params);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // The promise is kept, so concurrent identical calls share one query; a failure is not kept.
  const pending = records.query(table, sql, params as unknown[]);
  cache.set(key, pending);
  pending.catch(() => cache.get(key) === pending && cache.delete(key));
  for (const old of cache.keys()) {
    if (cache.size <= MAX_ENTRIES) break;
    cache.delete(old);
  }
  return pending;
}
