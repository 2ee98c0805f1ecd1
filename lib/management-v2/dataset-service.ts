import "server-only";
// The Management API v2's dataset operations, each one translation around the dataset services
// (lib/datasets/service.ts): nothing here reads or writes the store.
import type { Principal } from "@/lib/auth/principal";
import { datasetRights } from "@/lib/datasets/access";
import { datasetWriteSchema, type Dataset, type DatasetWrite } from "@/lib/datasets/schema";
import { createDataset, getDataset, getDatasetStatus } from "@/lib/datasets/service";
import { AppError, isAppError, msg, type Text } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/zod-messages";
import { allTemplates } from "@/lib/metadata/template-service";
import { fromMetas, toV2Dataset } from "@/lib/management-v2/dataset";
import { parseExpand } from "@/lib/management-v2/expand";
import { metadataObjects } from "@/lib/management-v2/metadata";
import { V2_DATASET_EXPANDS } from "@/lib/management-v2/schema";

/** Attempts at a free dataset_id when the one asked for is taken and strict is off: id, id-1, id-2… */
const ID_ATTEMPTS = 50;

async function present(principal: Principal, dataset: Dataset, expandParam: string | undefined) {
  const expand = parseExpand(expandParam, V2_DATASET_EXPANDS);
  const templates = await allTemplates(principal);
  const admin = datasetRights(principal, dataset).edit;
  return toV2Dataset(dataset, templates, {
    admin,
    status: expand.has("status") ? await getDatasetStatus(principal, dataset.uid) : undefined,
    metadata: expand.has("metadata") ? metadataObjects(dataset.metadata, templates, { admin }) : undefined,
  });
}

export async function getV2Dataset(principal: Principal, uid: string, expand: string | undefined) {
  parseExpand(expand, V2_DATASET_EXPANDS);
  return present(principal, await getDataset(principal, uid), expand);
}

/** Validation errors name "metas.<template>.<name>", as the caller wrote them, not the Automation API's "metadata.….value". */
function renamed(error: AppError): AppError {
  const fields: Record<string, Text[]> = {};
  for (const [path, texts] of Object.entries(error.fieldTexts ?? {})) fields[path.replace(/^metadata(\.|$)/, "metas$1").replace(/\.value$/, "")] = texts;
  return new AppError(error.code, error.text, { fieldErrors: fields, cause: error });
}

async function withMetasPaths<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw isAppError(error) && error.fieldTexts ? renamed(error) : error;
  }
}

const isTaken = (error: unknown) => isAppError(error) && error.fieldTexts?.dataset_id !== undefined;

/**
 * POST /datasets/: `strict` never derives nor alters dataset_id (it is then mandatory); otherwise a missing one
 * comes from the title and a taken one gets the first free suffix. Each attempt is one transactional create.
 */
export async function createV2Dataset(principal: Principal, body: { dataset_id?: string; metas?: Record<string, Record<string, unknown>> }, options: { strict: boolean; expand?: string }) {
  parseExpand(options.expand, V2_DATASET_EXPANDS);
  if (options.strict && !body.dataset_id) {
    throw new AppError("bad_request", msg("management_v2.dataset_id_mandatory"));
  }
  const { metadata }: DatasetWrite = await withMetasPaths(async () => parseInput(datasetWriteSchema, { metadata: fromMetas(body.metas ?? {}) }));
  const create = (dataset_id: string | undefined) => withMetasPaths(() => createDataset(principal, { dataset_id, metadata }));
  if (!body.dataset_id || options.strict) return present(principal, await create(body.dataset_id), options.expand);
  for (let i = 0; i < ID_ATTEMPTS; i++) {
    try {
      return present(principal, await create(i === 0 ? body.dataset_id : `${body.dataset_id}-${i}`), options.expand);
    } catch (error) {
      if (!isTaken(error)) throw error;
    }
  }
  throw new AppError("validation_error", msg("management_v2.dataset_id_unavailable", { dataset_id: body.dataset_id }), {
    fieldErrors: { dataset_id: [msg("management_v2.dataset_id_unavailable", { dataset_id: body.dataset_id })] },
  });
}
