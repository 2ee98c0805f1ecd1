import "server-only";
// PUT /v0/datasets/{owner}/{id}: finds the dataset (`owner` is its creator's username, `id` its dataset_id),
// maps the body onto it (dataset-write.ts) and replaces metadata, restriction and resources in one go
// (lib/datasets/replace-dataset.ts). The body's own rules were checked by its schema before this runs.
import type { Principal } from "@/lib/auth/principal";
import { datasetWriteSchema, type Dataset } from "@/lib/datasets/schema";
import { listDatasets } from "@/lib/datasets/service";
import { replaceDatasetAndResources } from "@/lib/datasets/replace-dataset";
import { datasetWriteFor, resourceWriteFor } from "@/lib/dataworld/dataset-write";
import type { DataworldReplace } from "@/lib/dataworld/schema";
import { AppError, isAppError, msg, notFound } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/zod-messages";

export const REPLACED_MESSAGE = "Dataset has been successfully replaced.";

/** The dataset `owner/id` names, if the caller may see it. Another user's dataset of that id is not found. */
async function datasetAt(principal: Principal, owner: string, id: string): Promise<Dataset> {
  const page = await listDatasets(principal, { dataset_id: id, limit: 1, offset: 0, sort: "-updated_at" }, "view");
  const dataset = page.results[0];
  if (!dataset || dataset.created_by?.username !== owner) throw notFound();
  return dataset;
}

// The metadata the body sets, by the names the body gives them: a template's refusal names the body's field.
const BODY_FIELD: Record<string, string> = {
  "metadata.default.title.value": "title",
  "metadata.default.description.value": "summary",
  "metadata.default.keyword.value": "tags",
  "metadata.default.license.value": "license",
  "metadata.internal.license_id.value": "license",
};

function inBodyTerms(error: unknown): unknown {
  if (!isAppError(error) || error.code !== "validation_error" || !error.fieldTexts) return error;
  const bodyField = (path: string) => Object.entries(BODY_FIELD).find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`))?.[1] ?? path;
  const fieldErrors = Object.fromEntries(Object.entries(error.fieldTexts).map(([path, texts]) => [bodyField(path), texts]));
  return new AppError("validation_error", error.text, { fieldErrors, cause: error });
}

export async function replaceDataworldDataset(principal: Principal, path: { owner: string; id: string }, body: DataworldReplace): Promise<void> {
  if (principal.upstream) throw new AppError("not_implemented", msg("dataworld.proxy_unavailable", { upstream: principal.upstream.client.origin }));
  const dataset = await datasetAt(principal, path.owner, path.id);
  try {
    const write = parseInput(datasetWriteSchema, datasetWriteFor(body, dataset.metadata));
    await replaceDatasetAndResources(principal, dataset.uid, { dataset: write, resources: (body.files ?? []).map(resourceWriteFor) });
  } catch (error) {
    throw inBodyTerms(error);
  }
}
