// The console as a client of the Explore API v2.1 (the published records): the dataset with its fields, a page
// of records, facets, and the CSV export's URL, all for one filter. Same-origin GETs: the session cookie lets a
// user with the view right read restricted datasets too. Error answers become ConsoleApiError with the API's
// error_code (ODSQLError for a bad where) and message.
import { apiErrorFrom, ConsoleApiError, CONSOLE_HEADERS } from "@/components/api/console-api";
import type { ExploreDataset } from "@/lib/explore/schema";

export type { ExploreDataset };
export type ExploreField = ExploreDataset["fields"][number];
export type ExploreRecords = { total_count: number; results: Record<string, unknown>[] };
export type FacetGroup = { name: string; facets: { name: string; value: string; count?: number; state: string }[] };

export const EXPLORE_BASE = "/api/explore/v2.1";

/** What the records, the facets and the export share: the where clauses (ANDed), refinements and order. */
export type RecordsFilter = { where: string[]; refine: string[]; order_by: string | null };

const datasetPath = (dataset_id: string) => `${EXPLORE_BASE}/catalog/datasets/${encodeURIComponent(dataset_id)}`;

export function filterParams(filter: RecordsFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const where of filter.where) params.append("where", where);
  for (const refine of filter.refine) params.append("refine", refine);
  if (filter.order_by) params.set("order_by", filter.order_by);
  return params;
}

async function get<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", signal, headers: { Accept: "application/json", ...CONSOLE_HEADERS } });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ConsoleApiError(0, "network_error", (error as Error).message);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiErrorFrom(response.status, payload, response.statusText);
  return payload as T;
}

export function getExploreDataset(dataset_id: string, signal?: AbortSignal) {
  return get<ExploreDataset>(`${datasetPath(dataset_id)}/`, signal);
}

export function queryRecords(dataset_id: string, filter: RecordsFilter, page: { limit: number; offset: number }, signal?: AbortSignal) {
  const params = filterParams(filter);
  params.set("limit", String(page.limit));
  params.set("offset", String(page.offset));
  return get<ExploreRecords>(`${datasetPath(dataset_id)}/records/?${params}`, signal);
}

/** The facets of `fields` under the filter (its order does not matter), each with its `limit` most frequent values. */
export async function queryFacets(dataset_id: string, fields: string[], filter: RecordsFilter, limit: number, signal?: AbortSignal) {
  const params = filterParams({ ...filter, order_by: null });
  for (const name of fields) params.append("facet", `facet(name=${JSON.stringify(name)}, limit=${limit})`);
  const answer = await get<{ facets: FacetGroup[] }>(`${datasetPath(dataset_id)}/facets/?${params}`, signal);
  return answer.facets;
}

/** The CSV export of every record matching the filter. */
export function csvExportUrl(dataset_id: string, filter: RecordsFilter): string {
  const params = filterParams(filter);
  const query = params.toString();
  return `${datasetPath(dataset_id)}/exports/csv/${query ? `?${query}` : ""}`;
}

/** An ODSQL full-text search for what the user typed (a string literal: JSON's escapes are ODSQL's). */
export const fullTextWhere = (text: string) => JSON.stringify(text);

/** An ODSQL order_by on one field. */
export const orderBy = (field: string, direction: "asc" | "desc") => `\`${field.replace(/`/g, "")}\` ${direction.toUpperCase()}`;
