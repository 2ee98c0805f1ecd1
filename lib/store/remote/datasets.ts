// Datasets on the upstream (proxy mode): the operations of lib/datasets/service.ts, as calls of the official
// Automation API with the caller's key. The upstream decides access; what the console shows beside a dataset
// (its status, the caller's rights) is read from the upstream too.
import type { Permission } from "@/lib/auth/permissions";
import { grantedOnAll, type DatasetRight } from "@/lib/datasets/access";
import {
  datasetSchema,
  datasetStatusSchema,
  type Dataset,
  type DatasetListQuery,
  type DatasetResource,
  type DatasetStatus,
  type DatasetWrite,
} from "@/lib/datasets/schema";
import { AppError, isAppError, msg } from "@/lib/errors/app-error";
import { paginatedSchema } from "@/lib/http/pagination";
import type { Page } from "@/lib/store/types";
import { upstreamCapabilities } from "@/lib/store/remote/capabilities";
import { parseAnswer } from "@/lib/store/remote/parse-answer";
import { seg, type UpstreamCaller } from "@/lib/store/remote/upstream-client";

const datasetPage = paginatedSchema(datasetSchema);
export const datasetPath = (uid: string) => `/datasets/${seg(uid)}/`;

export type RemoteDatasets = ReturnType<typeof remoteDatasets>;

export function remoteDatasets(up: UpstreamCaller, who: { permissions: ReadonlySet<Permission>; permissionsKnown: boolean }) {
  const read = (value: unknown, operation: string) => parseAnswer(up.client, datasetSchema, value, operation);

  async function status(uid: string): Promise<DatasetStatus> {
    return parseAnswer(up.client, datasetStatusSchema, await up.json({ method: "GET", path: `${datasetPath(uid)}status/` }), "get-dataset-status");
  }

  /** The dataset as the console holds it: with its status (one more call: the official object has none). */
  async function withStatus(dataset: DatasetResource): Promise<Dataset> {
    return { ...dataset, status: (await status(dataset.uid)).status, created_by: null };
  }

  /**
   * The caller's rights, on evidence: domain permissions, and the official list, which holds "the datasets that can
   * be edited by this user". Publishing and managing are then assumed (the creator's rights); the upstream refuses
   * what it must, with its own message. Unknown permissions show every control.
   */
  async function rightsOn(dataset: DatasetResource): Promise<Record<DatasetRight, boolean>> {
    if (!who.permissionsKnown) return { view: true, edit: true, publish: true, manage: true };
    const has = (right: DatasetRight) => grantedOnAll(who, right);
    let edit = has("edit");
    if (!edit) {
      const page = parseAnswer(up.client, datasetPage, await up.json({ method: "GET", path: "/datasets/", query: { dataset_id: dataset.dataset_id, limit: 10 } }), "list-datasets");
      edit = page.results.some((d) => d.uid === dataset.uid);
    }
    return { view: true, edit, publish: has("publish") || edit, manage: has("manage") || (edit && who.permissions.has("create_dataset")) };
  }

  return {
    status,

    async list(query: DatasetListQuery, right: "edit" | "view"): Promise<Page<Dataset>> {
      const can = await upstreamCapabilities(up.client);
      const page = parseAnswer(
        up.client,
        datasetPage,
        await up.json({
          method: "GET",
          path: "/datasets/",
          query: {
            limit: query.limit,
            offset: query.offset,
            dataset_id: query.dataset_id,
            search: can.has("datasetSearch") ? query.search : undefined,
            sort: can.has("datasetSort") ? query.sort : undefined,
            right: can.has("datasetViewRight") && right === "view" ? "view" : undefined,
          },
        }),
        "list-datasets",
      );
      const results = await Promise.all(
        page.results.map((dataset) =>
          withStatus(dataset).catch((error: unknown) => {
            // deleted between the list and its status: shown as listed
            if (isAppError(error) && error.code === "not_found") return { ...dataset, status: "idle" as const, created_by: null };
            throw error;
          }),
        ),
      );
      return { total_count: page.total_count, results };
    },

    async get(uid: string): Promise<Dataset> {
      const dataset = read(await up.json({ method: "GET", path: datasetPath(uid) }), "retrieve-dataset");
      const [withItsStatus, rights] = await Promise.all([withStatus(dataset), rightsOn(dataset)]);
      return { ...withItsStatus, rights };
    },

    async create(input: DatasetWrite): Promise<Dataset> {
      const created = read(await up.json({ method: "POST", path: "/datasets/", body: input }), "create-dataset");
      return withStatus(created);
    },

    /** `expected_updated_at`: the console's guard against overwriting someone else's change (checked, then written). */
    async update(uid: string, input: DatasetWrite, options: { expected_updated_at?: string }): Promise<Dataset> {
      if (options.expected_updated_at) {
        const current = read(await up.json({ method: "GET", path: datasetPath(uid) }), "retrieve-dataset");
        if (current.updated_at !== options.expected_updated_at) throw new AppError("conflict", msg("errors.dataset_changed_meanwhile"));
      }
      const updated = read(await up.json({ method: "PUT", path: datasetPath(uid), body: input }), "update-dataset");
      return withStatus(updated);
    },

    async delete(uid: string): Promise<void> {
      await up.json({ method: "DELETE", path: datasetPath(uid) });
    },
  };
}
