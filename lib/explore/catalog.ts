import "server-only";
// Explore's view of published datasets: which ones a caller may see, and the v2.1 `Dataset` object built from
// what the last publish and publish_metadata recorded (not from the configuration being edited).
import type { Principal } from "@/lib/auth/principal";
import { datasetScope } from "@/lib/datasets/access";
import { AppError } from "@/lib/errors/app-error";
import type { ExploreDataset } from "@/lib/explore/schema";
import { store } from "@/lib/store/store";
import type { PublishedDataset } from "@/lib/store/publishing-types";

/** Unrestricted datasets are public; restricted ones need the view right (rulesets will widen this). */
export function canExplore(principal: Principal | null, dataset: Pick<PublishedDataset, "is_restricted" | "created_by_id">): boolean {
  if (!dataset.is_restricted) return true;
  if (!principal) return false;
  const scope = datasetScope(principal, "view");
  return scope.kind === "all" || (scope.kind === "owned_by" && dataset.created_by_id === scope.user_id);
}

export async function visibleDatasets(principal: Principal | null): Promise<PublishedDataset[]> {
  return (await store().publishJobs.listPublished()).filter((d) => canExplore(principal, d));
}

/** A published dataset by its dataset_id; 404 (never 403) when the caller may not see it, as for unknown ones. */
export async function exploredDataset(principal: Principal | null, dataset_id: string): Promise<PublishedDataset> {
  const [dataset] = await store().publishJobs.listPublished(dataset_id);
  if (!dataset || !canExplore(principal, dataset)) throw new AppError("not_found", `Dataset "${dataset_id}" does not exist or is not published.`);
  return dataset;
}

function flatMetas(metadata: PublishedDataset["metadata"]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [template, values] of Object.entries(metadata ?? {})) {
    if (!values || typeof values !== "object") continue;
    out[template] = Object.fromEntries(Object.entries(values as Record<string, { value?: unknown }>).map(([name, v]) => [name, v?.value ?? null]));
  }
  return out;
}

export function presentDataset(dataset: PublishedDataset): ExploreDataset {
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
    data_visible: true,
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
