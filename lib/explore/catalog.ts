import "server-only";
// Explore's view of published datasets: which ones a caller may see, and the v2.1 `Dataset` object built from
// what the last publish and publish_metadata recorded (not from the configuration being edited).
import type { Principal } from "@/lib/auth/principal";
import { countApiCall } from "@/lib/dataset-security/quota";
import { effectiveAccess, type EffectiveAccess } from "@/lib/dataset-security/effective-access";
import { AppError } from "@/lib/errors/app-error";
import { compileFilter, FieldCatalog, whereClause, type Dialect, type OdsqlField, type SecurityFilter } from "@/lib/explore/odsql";
import { aggregateQuery } from "@/lib/explore/aggregate-cache";
import { publishedDataset } from "@/lib/explore/published-datasets";
import type { ExploreDataset } from "@/lib/explore/schema";
import { store } from "@/lib/store/store";
import type { PublishedDataset } from "@/lib/store/publishing-types";

/** Who is asking Explore: a principal or nobody, from an address. "View as" simulates one and counts no quota. */
export type Viewer = { principal: Principal | null; address: string; simulated?: boolean };

/** A published dataset as one viewer may explore it: only the fields they may see, and their record filter. */
export type ExploredDataset = PublishedDataset & {
  access: EffectiveAccess;
  /** null: every record; otherwise compiled into every records, facets and exports query */
  security: SecurityFilter | null;
};

export function accessOf(viewer: Viewer, dataset: PublishedDataset): EffectiveAccess {
  const principal = viewer.principal;
  const subject = principal ? { user_id: principal.user_id, permissions: principal.permissions, rulesets: principal.rulesets ?? [] } : null;
  return effectiveAccess(subject, dataset);
}

/** Narrows a published dataset to what `access` lets its viewer see. */
export function securedView(dataset: PublishedDataset, access: EffectiveAccess): ExploredDataset {
  const fields = access.visible_fields === null ? dataset.fields : dataset.fields.filter((f) => access.visible_fields!.includes(f.name));
  const security = access.record_filters === null ? null : { any_of: access.record_filters, fields: dataset.fields.map(odsqlField) };
  return {
    ...dataset,
    fields,
    // Hidden data: the dataset is listed, its records are not.
    records_table: access.is_data_visible ? dataset.records_table : null,
    records_count: access.is_data_visible ? dataset.records_count : 0,
    access,
    security,
  };
}

export const odsqlField = (f: PublishedDataset["fields"][number]): OdsqlField => ({ name: f.name, type: f.type, column: f.column, multivalued: f.multivalued });
export const odsqlFields = (dataset: PublishedDataset): OdsqlField[] => dataset.fields.map(odsqlField);

/** The viewer's record filter as SQL on the records table; null when they see every record. */
export function securityCondition(dataset: ExploredDataset, dialect: Dialect): ReturnType<typeof compileFilter> {
  return dataset.security ? compileFilter({ security: dataset.security }, new FieldCatalog(dataset.security.fields), dialect) : null;
}

export async function visibleDatasets(viewer: Viewer): Promise<ExploredDataset[]> {
  const views = (await store().publishJobs.listPublished()).map((d) => ({ dataset: d, access: accessOf(viewer, d) })).filter((v) => v.access.visible);
  return Promise.all(views.map(({ dataset, access }) => withSecuredCount(securedView(dataset, access))));
}

/**
 * A published dataset by its dataset_id, as the viewer may see it; 404 (never 403) when they may not see it at
 * all, as for unknown ones. Every Explore call naming a dataset goes through here, which also counts it against
 * the viewer's API calls quota.
 */
export async function exploredDataset(viewer: Viewer, dataset_id: string): Promise<ExploredDataset> {
  const dataset = await publishedDataset(dataset_id);
  const access = dataset ? accessOf(viewer, dataset) : null;
  if (!dataset || !access?.visible) throw new AppError("not_found", `Dataset "${dataset_id}" does not exist or is not published.`);
  if (access.api_calls_quota && !viewer.simulated) {
    await countApiCall(dataset.uid, viewer.principal ? `user:${viewer.principal.user_id}` : `address:${viewer.address}`, access.api_calls_quota);
  }
  return securedView(dataset, access);
}

/** The record count the viewer would see: the published one unless a record filter applies. */
export async function withSecuredCount(dataset: ExploredDataset): Promise<ExploredDataset> {
  if (!dataset.security || !dataset.records_table) return dataset;
  const records = store().records;
  const filter = whereClause(securityCondition(dataset, records.dialect));
  const countSql = `SELECT COUNT(*) AS n FROM "${records.sqlName(dataset.records_table)}"${filter.text}`;
  const [row] = await aggregateQuery(records, dataset.records_table, countSql, filter.params);
  return { ...dataset, records_count: Number(Object.values(row ?? {})[0] ?? 0) };
}

function flatMetas(metadata: PublishedDataset["metadata"]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [template, values] of Object.entries(metadata ?? {})) {
    if (!values || typeof values !== "object") continue;
    out[template] = Object.fromEntries(Object.entries(values as Record<string, { value?: unknown }>).map(([name, v]) => [name, v?.value ?? null]));
  }
  return out;
}

export function presentDataset(dataset: ExploredDataset): ExploreDataset {
  const metas = flatMetas(dataset.metadata);
  metas.default = {
    ...(metas.default ?? {}),
    records_count: dataset.records_count,
    data_processed: dataset.data_processed,
    metadata_processed: dataset.metadata_processed,
  };
  const hasGeo = dataset.fields.some((f) => f.type === "geo_point_2d" || f.type === "geo_shape");
  const hasTime = dataset.fields.some((f) => f.type === "date" || f.type === "datetime");
  return {
    dataset_id: dataset.dataset_id,
    dataset_uid: dataset.uid,
    has_records: dataset.records_count > 0,
    data_visible: dataset.access.is_data_visible,
    features: ["analyze", ...(hasGeo ? ["geo"] : []), ...(hasTime ? ["timeserie"] : [])],
    visibility: dataset.is_restricted ? "restricted" : "domain",
    attachments: [],
    alternative_exports: [],
    fields: dataset.fields.map((f) => ({
      name: f.name,
      label: f.label,
      type: f.type,
      description: f.description ?? null,
      annotations: Object.fromEntries(f.annotations.map((a) => [a.name, a.args])),
    })),
    metas,
  };
}

/** The properties catalog queries (where, order_by) can name: dataset properties and `default` metas, unprefixed. */
export function catalogRow(dataset: ExploreDataset): Record<string, unknown> {
  return {
    ...dataset.metas.default,
    dataset_id: dataset.dataset_id,
    dataset_uid: dataset.dataset_uid,
    has_records: dataset.has_records,
    features: dataset.features,
    visibility: dataset.visibility,
  };
}
