import "server-only";
// Dataset operations, called by the Automation API routes, the console's server actions and pages alike.
// Every read and write is scoped to what the principal may see or change (lib/datasets/access.ts); a dataset
// outside the principal's view is "not found", one they can see but not change is "forbidden". In proxy mode the
// principal's upstream does the operation, and decides access (lib/store/remote).
import { isDeepStrictEqual } from "node:util";
import type { Principal } from "@/lib/auth/principal";
import { datasetScope, type DatasetRight } from "@/lib/datasets/access";
import { datasetIdCandidates } from "@/lib/datasets/dataset-id";
import { checkSecurity } from "@/lib/dataset-security/check-security";
import { metadataForCreate, metadataForUpdate } from "@/lib/datasets/metadata";
import {
  DEFAULT_DATASET_SECURITY,
  type Dataset,
  type DatasetListQuery,
  type DatasetStatus,
  type DatasetWrite,
} from "@/lib/datasets/schema";
import { AppError, forbidden, isAppError, msg, notFound } from "@/lib/errors/app-error";
import { removeStoredFiles } from "@/lib/files/storage";
import { dropUnusedRecordsTables } from "@/lib/publishing/records-sweep";
import { checkMetadataAgainstTemplates } from "@/lib/metadata/validate-metadata";
import { store } from "@/lib/store/store";
import type { DatasetChanges, DatasetListFilter, DatasetScope, Page } from "@/lib/store/types";

/**
 * `edit` lists what the principal may change (the Automation API's GET /datasets/); `view` also includes what
 * they may only look at (the console's list, for reviewers).
 */
export async function listDatasets(
  principal: Principal,
  query: DatasetListQuery,
  right: "edit" | "view" = "edit",
  filter: Pick<DatasetListFilter, "is_restricted"> = {},
): Promise<Page<Dataset>> {
  if (principal.upstream) return principal.upstream.datasets.list(query, right);
  return store().datasets.list(query, datasetScope(principal, right), filter);
}

export async function getDataset(principal: Principal, uid: string): Promise<Dataset> {
  if (principal.upstream) return principal.upstream.datasets.get(uid);
  const dataset = await store().datasets.get(uid, datasetScope(principal, "view"));
  if (!dataset) throw notFound();
  return dataset;
}

/** Refuses with 404 when the dataset is out of view and 403 when it is visible but `right` is missing. */
export async function requireDatasetRight(principal: Principal, uid: string, right: DatasetRight): Promise<Dataset> {
  // proxy mode: the dataset if the caller may see it; the upstream refuses the operation itself if it must
  if (principal.upstream) return principal.upstream.datasets.get(uid);
  const dataset = await store().datasets.get(uid, datasetScope(principal, right));
  if (dataset) return dataset;
  await getDataset(principal, uid);
  throw forbidden();
}

export async function createDataset(principal: Principal, input: DatasetWrite): Promise<Dataset> {
  if (principal.upstream) return principal.upstream.datasets.create(input);
  const now = new Date();
  const metadata = metadataForCreate(await checkMetadataAgainstTemplates(input.metadata), now);
  const base = {
    created_at: now,
    is_restricted: input.is_restricted ?? false,
    metadata,
    default_security: input.default_security ? checkSecurity(input.default_security, "default_security") : DEFAULT_DATASET_SECURITY,
    created_by_id: principal.user_id,
  };
  if (input.dataset_id) return store().datasets.create({ ...base, dataset_id: input.dataset_id });

  // No dataset_id given: derive one from the title, moving to the next candidate while one is taken.
  let lastError: unknown;
  for (const dataset_id of datasetIdCandidates(String(metadata.default.title?.value ?? ""))) {
    try {
      return await store().datasets.create({ ...base, dataset_id });
    } catch (error) {
      if (!(isAppError(error) && error.fieldTexts?.dataset_id)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * What an update of the dataset would write, every check done: the rights it takes (a change of who may see the
 * dataset is the manager's decision, not every editor's), the dataset_id rule, the metadata against the
 * templates. Writes nothing: updateDataset and the data.world replace (lib/datasets/replace-dataset.ts) apply it.
 */
export async function datasetUpdateFor(principal: Principal, uid: string, input: DatasetWrite): Promise<{ current: Dataset; changes: DatasetChanges }> {
  const current = await requireDatasetRight(principal, uid, "edit");
  const restrictionChanges = input.is_restricted !== undefined && input.is_restricted !== current.is_restricted;
  const defaultChanges = input.default_security !== undefined && !isDeepStrictEqual(input.default_security, current.default_security);
  if (restrictionChanges || defaultChanges) await requireDatasetRight(principal, uid, "manage");
  if (input.dataset_id !== undefined && input.dataset_id !== current.dataset_id && current.is_published) {
    const message = msg("errors.dataset_id_published");
    throw new AppError("validation_error", message, { fieldErrors: { dataset_id: [message] } });
  }
  const changes: DatasetChanges = {
    dataset_id: input.dataset_id,
    is_restricted: input.is_restricted,
    metadata: metadataForUpdate(await checkMetadataAgainstTemplates(input.metadata), current.metadata, new Date()),
    default_security: input.default_security && checkSecurity(input.default_security, "default_security"),
  };
  return { current, changes };
}

export async function updateDataset(
  principal: Principal,
  uid: string,
  input: DatasetWrite,
  options: { expected_updated_at?: string } = {},
): Promise<Dataset> {
  if (principal.upstream) return principal.upstream.datasets.update(uid, input, options);
  const { current, changes } = await datasetUpdateFor(principal, uid, input);
  const updated = await store().datasets.update(uid, changes, {
    scope: datasetScope(principal, "edit"),
    expected_updated_at: options.expected_updated_at ?? current.updated_at,
  });
  if (!updated) throw notFound();
  return updated;
}

export async function deleteDataset(principal: Principal, uid: string): Promise<void> {
  if (principal.upstream) return principal.upstream.datasets.delete(uid);
  await requireDatasetRight(principal, uid, "manage");
  if (!(await destroyDataset(uid, datasetScope(principal, "manage")))) throw notFound();
}

/**
 * Deletes the dataset in `scope` (in the trash or not) for good: its rows, the bytes of its files and its records
 * table. The Automation API's delete and the trash's purge (lib/datasets/trash.ts). False when it was not there.
 */
export async function destroyDataset(uid: string, scope: DatasetScope): Promise<boolean> {
  const files = await store().resources.listFiles(uid);
  const deleted = await store().datasets.delete(uid, scope);
  if (!deleted) return false;
  // Rows went with the dataset (cascade); their bytes go now, and so do its records (a running publish stops at
  // its next heartbeat, when its job row is found gone).
  await removeStoredFiles(files.map((f) => f.storage_name));
  await dropUnusedRecordsTables();
  return true;
}

export async function getDatasetStatus(principal: Principal, uid: string): Promise<DatasetStatus> {
  if (principal.upstream) return principal.upstream.datasets.status(uid);
  const status = await store().datasets.status(uid, datasetScope(principal, "view"));
  if (!status) throw notFound();
  return status;
}
