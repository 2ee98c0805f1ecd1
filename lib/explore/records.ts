import "server-only";
// Records, facets and single records of a published dataset (API-CONTRACT.md §5.3–5.5): ODSQL compiled to SQL
// over the dataset's records table (lib/explore/odsql), run by the records store.
import { AppError } from "@/lib/errors/app-error";
import { aggregateQuery } from "@/lib/explore/aggregate-cache";
import { exploredDataset, odsqlFields, securityCondition, type Viewer } from "@/lib/explore/catalog";
import {
  compileFacetQuery,
  compileRecordsQuery,
  decodeRow,
  decodeValue,
  isOdsqlError,
  parseFacetFilter,
  parseFacetParam,
  resolveTimeZone,
  UTC,
} from "@/lib/explore/odsql";
import type { ExploreQuery, FacetValue } from "@/lib/explore/schema";
import { store } from "@/lib/store/store";

export const MAX_LIMIT = 100;
export const MAX_GROUP_LIMIT = 20_000;
export const MAX_WINDOW = 10_000;

export const invalidParameter = (message: string) => new AppError("InvalidRESTParameterError", message);

/** ODSQL failures become the vendor's 400 ODSQLError; anything else passes through. */
export async function odsql<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isOdsqlError(error)) throw new AppError("ODSQLError", error.message);
    throw error;
  }
}

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw invalidParameter(`Invalid value for ${name} API parameter: "${raw}" is not an integer.`);
  return Number(raw);
}

/** limit and offset checked as Opendatasoft does (§5.4); limit −1 means the maximum allowed. */
export function pageOf(query: Pick<ExploreQuery, "limit" | "offset" | "group_by">): { limit: number; offset: number } {
  const grouped = !!query.group_by;
  const max = grouped ? MAX_GROUP_LIMIT : MAX_LIMIT;
  let limit = integer("limit", query.limit, 10);
  const offset = integer("offset", query.offset, 0);
  if (limit === -1) limit = max;
  if (limit < 0 || limit > max) throw invalidParameter(`Invalid value for limit API parameter: ${limit} was found but -1 <= limit <= ${max} is expected.`);
  if (offset < 0) throw invalidParameter(`Invalid value for offset API parameter: ${offset} was found but offset >= 0 is expected.`);
  const window = grouped ? MAX_GROUP_LIMIT : MAX_WINDOW;
  if (offset + limit > window) throw invalidParameter(`Invalid value for sum of offset + limit API parameter: ${offset + limit} was found but <= ${window} is expected.`);
  return { limit, offset };
}

/** The `timezone` parameter (§5.3) as a canonical IANA name; UTC when absent. */
export function timeZoneOf(timezone: string | undefined): string {
  if (timezone === undefined || timezone.trim() === "") return UTC;
  const zone = resolveTimeZone(timezone.trim());
  if (!zone) throw invalidParameter(`Invalid value for timezone API parameter: "${timezone}" is not a known time zone (expected an IANA name such as Europe/Paris).`);
  return zone;
}

export async function queryRecords(viewer: Viewer, dataset_id: string, query: ExploreQuery) {
  const dataset = await exploredDataset(viewer, dataset_id);
  const page = pageOf(query);
  const timeZone = timeZoneOf(query.timezone);
  if (!dataset.records_table) return { total_count: 0, results: [] };
  const table = dataset.records_table;
  const records = store().records;
  return odsql(async () => {
    const compiled = compileRecordsQuery(
      { select: query.select, where: query.where, group_by: query.group_by, order_by: query.order_by, refine: query.refine, exclude: query.exclude, security: dataset.security, timeZone, ...page },
      odsqlFields(dataset),
      records.dialect,
      records.sqlName(table),
    );
    // Unfiltered, the count is known from the publish: counting a million rows again on every page was most of
    // the cost of a first-page request.
    const unfiltered = query.where.length === 0 && query.refine.length === 0 && query.exclude.length === 0 && !compiled.grouped && !dataset.security;
    const [rows, count] = await Promise.all([
      records.query(table, compiled.sql, compiled.params),
      unfiltered ? Promise.resolve(null) : aggregateQuery(records, table, compiled.countSql, compiled.countParams),
    ]);
    const total = count ? Number(Object.values(count[0] ?? {})[0] ?? 0) : dataset.records_count;
    return { total_count: total, results: rows.map((row) => decodeRow(row, compiled.columns, timeZone)) };
  });
}

export async function getRecord(viewer: Viewer, dataset_id: string, record_id: string, timezone?: string) {
  const dataset = await exploredDataset(viewer, dataset_id);
  const timeZone = timeZoneOf(timezone);
  if (!dataset.records_table || !/^[0-9a-f]{40}$/.test(record_id)) throw new AppError("not_found", `Record "${record_id}" not found.`);
  const records = store().records;
  const columns = dataset.fields.map((f) => `"${f.column}"`).join(", ");
  // A record outside the viewer's record filter does not exist for them.
  const security = securityCondition(dataset, records.dialect);
  const sql = `SELECT _id${columns ? `, ${columns}` : ""} FROM "${records.sqlName(dataset.records_table)}" WHERE _id = ?${security ? ` AND (${security.text})` : ""} ORDER BY _n LIMIT 1`;
  const [row] = await records.query(dataset.records_table, sql, [record_id, ...(security?.params ?? [])]);
  if (!row) throw new AppError("not_found", `Record "${record_id}" not found.`);
  return {
    _id: row._id,
    ...Object.fromEntries(dataset.fields.map((f) => [f.name, decodeValue(row[f.column], { type: f.type, multivalued: f.multivalued }, timeZone)])),
  };
}

/** Facets of the dataset: the requested ones, or every field annotated `facet`. */
export async function queryFacets(viewer: Viewer, dataset_id: string, query: ExploreQuery) {
  const dataset = await exploredDataset(viewer, dataset_id);
  const timeZone = timeZoneOf(query.timezone);
  const requests = await odsql(async () =>
    query.facet.length > 0
      ? query.facet.map(parseFacetParam)
      : dataset.fields.filter((f) => f.annotations.some((a) => a.name === "facet")).map((f) => ({ name: f.name, disjunctive: false, hierarchical: false, sort: undefined, limit: undefined })),
  );
  if (!dataset.records_table) return { links: [], facets: requests.map((r) => ({ name: r.name, facets: [] })) };
  const table = dataset.records_table;
  const records = store().records;
  const refined = await odsql(async () => query.refine.map((r) => parseFacetFilter(r, "refine")));
  const excluded = await odsql(async () => query.exclude.map((r) => parseFacetFilter(r, "exclude")));
  const facets = await odsql(() =>
    Promise.all(
      requests.map(async (request) => {
        // A disjunctive facet ignores its own refinements, so that the other values stay visible to add.
        const refine = request.disjunctive ? query.refine.filter((_, i) => refined[i]!.field !== request.name) : query.refine;
        const compiled = compileFacetQuery(
          { field: request.name, where: query.where, refine, exclude: query.exclude, security: dataset.security, timeZone, sort: request.sort, limit: request.limit },
          odsqlFields(dataset),
          records.dialect,
          records.sqlName(table),
        );
        const rows = await aggregateQuery(records, table, compiled.sql, compiled.params);
        const mine = refined.filter((r) => r.field === request.name).map((r) => r.value);
        // Booleans are 0/1 in SQLite and true/false in PostgreSQL: facet values are "true"/"false" on both.
        const field = dataset.fields.find((f) => f.name === request.name);
        const isBoolean = field?.type === "boolean" && !field.multivalued;
        const values: FacetValue[] = rows.map((row) => {
          const value = isBoolean && row.value !== null ? String(decodeValue(row.value, { type: "boolean", multivalued: false })) : String(row.value);
          return {
            name: compiled.level > 0 ? (value.split("/").at(-1) ?? value) : value,
            value,
            count: Number(row.count),
            state: mine.some((m) => m === value || value.startsWith(`${m}/`)) ? "refined" : "displayed",
          };
        });
        for (const { field, value } of excluded) if (field === request.name) values.push({ name: value, value, state: "excluded" });
        return { name: request.name, facets: values };
      }),
    ),
  );
  return { links: [], facets };
}
