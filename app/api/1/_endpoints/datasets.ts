// udata API 1 — datasets: list, create, retrieve, update (and restore), delete to the trash (API-CONTRACT.md §6.1).
import { createDataset, listDatasets, updateDataset } from "@/lib/datasets/service";
import { listPublicDatasets } from "@/lib/datasets/public-datasets";
import type { DatasetListQuery, DatasetSort } from "@/lib/datasets/schema";
import { listTrash, refuseInProxyMode, restoreDataset, trashDataset } from "@/lib/datasets/trash";
import { config } from "@/lib/env/config";
import { AppError, isAppError, msg } from "@/lib/errors/app-error";
import { defineEndpoint } from "@/lib/http/endpoint";
import { datasetWriteFor } from "@/lib/udata/dataset-write";
import { udataDataset } from "@/lib/udata/dataset-view";
import { datasetForRead, datasetForWrite, datasetUid } from "@/lib/udata/lookup";
import { followVisibility, requirePublicationRight } from "@/lib/udata/publication";
import {
  datasetParamsSchema,
  UDATA_SORTS,
  udataDatasetCreateSchema,
  udataDatasetSchema,
  udataDatasetUpdateSchema,
  udataListQuerySchema,
  udataPageSchema,
  type UdataListQuery,
} from "@/lib/udata/schema";
import { udataErrors } from "./errors";

const tags = ["datasets"];
const withKey = { kind: "principal" } as const;

const SORTS: Record<(typeof UDATA_SORTS)[number], DatasetSort> = { title: "title", created: "created_at", last_modified: "updated_at", last_update: "updated_at" };

function datasetSort(sort: string | undefined): DatasetSort {
  if (!sort) return "-created_at";
  const descending = sort.startsWith("-");
  const key = (descending ? sort.slice(1) : sort) as (typeof UDATA_SORTS)[number];
  if (!(key in SORTS)) throw new AppError("bad_request", msg("udata.invalid_sort", { sort, sorts: UDATA_SORTS.join(", ") }));
  return ((descending ? "-" : "") + SORTS[key]) as DatasetSort;
}

function pageUrl(url: URL, page: number): string {
  const next = new URL(url);
  next.searchParams.set("page", String(page));
  return next.toString();
}

const UPDATE_ATTEMPTS = 5;

const proxyHost = () => new URL(config().upstream!.url).host;

export const datasetEndpoints = [
  defineEndpoint({
    method: "GET",
    path: "/datasets/",
    operationId: "list_datasets",
    summary: "List or search datasets",
    description:
      "Public datasets (published, not private, not deleted) by default. `private=true` lists the private datasets you may edit, `deleted=true` those in the trash you may restore; both need a key.",
    tags,
    access: { kind: "public" },
    query: udataListQuerySchema,
    responses: { 200: { description: "OK", schema: udataPageSchema }, ...udataErrors },
    handler: async ({ principal, query, url }) => {
      const q: UdataListQuery = query;
      const filter = q.deleted ? "deleted" : q.private ? "private" : null;
      if (filter && !principal) throw new AppError("unauthorized", msg("udata.filter_requires_auth", { filter }));
      if (!principal && config().upstream) throw new AppError("unauthorized", msg("udata.anonymous_proxy", { upstream: proxyHost() }));
      const search: DatasetListQuery = { limit: q.page_size, offset: (q.page - 1) * q.page_size, search: q.q, sort: datasetSort(q.sort) };
      let page;
      if (filter === "deleted") page = await listTrash(principal, search);
      else if (filter === "private") {
        if (principal.upstream) throw new AppError("not_implemented", msg("udata.private_proxy", { upstream: proxyHost() }));
        page = await listDatasets(principal, search, "edit", { is_restricted: true });
      } else if (principal?.upstream) page = await listDatasets(principal, search, "view");
      else page = await listPublicDatasets(search);
      const data = await Promise.all(page.results.map((d) => udataDataset(principal ?? null, d, url.origin)));
      return {
        status: 200,
        body: {
          data,
          page: q.page,
          page_size: q.page_size,
          total: page.total_count,
          next_page: q.page * q.page_size < page.total_count ? pageUrl(url, q.page + 1) : null,
          previous_page: q.page > 1 ? pageUrl(url, q.page - 1) : null,
        },
      };
    },
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/",
    operationId: "create_dataset",
    summary: "Create a dataset",
    description: "Public unless `private: true`: a public dataset is published as soon as it has a resource.",
    tags,
    access: { kind: "principal", anyOf: ["create_dataset"] },
    body: udataDatasetCreateSchema,
    responses: { 201: { description: "Created", schema: udataDatasetSchema }, ...udataErrors },
    handler: async ({ principal, body, url }) => {
      const dataset = await createDataset(principal, datasetWriteFor(body, null));
      return { status: 201, body: await udataDataset(principal, dataset, url.origin) };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset}/",
    operationId: "get_dataset",
    summary: "Get a dataset",
    description: "A deleted dataset: its editors see it with `deleted` set; anyone else who could read it gets 410.",
    tags,
    access: { kind: "public" },
    params: datasetParamsSchema,
    responses: { 200: { description: "OK", schema: udataDatasetSchema }, ...udataErrors },
    handler: async ({ principal, params, url }) => {
      if (!principal && config().upstream) throw new AppError("unauthorized", msg("udata.anonymous_proxy", { upstream: proxyHost() }));
      const dataset = await datasetForRead(principal ?? null, params.dataset);
      return { status: 200, body: await udataDataset(principal ?? null, dataset, url.origin) };
    },
  }),
  defineEndpoint({
    method: "PUT",
    path: "/datasets/{dataset}/",
    operationId: "update_dataset",
    summary: "Update a dataset (or restore a deleted one)",
    description:
      "Fields left out keep their values, except `private`, a form boolean: left out, the dataset becomes public (udata's behaviour). `{\"deleted\": null}` on a deleted dataset restores it as it was; any other update of a deleted dataset is 410.",
    tags,
    access: withKey,
    params: datasetParamsSchema,
    body: udataDatasetUpdateSchema,
    responses: { 200: { description: "OK", schema: udataDatasetSchema }, ...udataErrors },
    handler: async ({ principal, params, body, url }) => {
      const restore = "deleted" in body && body.deleted === null;
      if (restore) refuseInProxyMode(principal);
      for (let attempt = 1; ; attempt++) {
        const current = await datasetForWrite(principal, params.dataset, "edit", { restore });
        if (current.deleted_at) return { status: 200, body: await udataDataset(principal, await restoreDataset(principal, current.uid), url.origin) };
        const write = datasetWriteFor(body, current.metadata);
        if (!write.is_restricted || current.is_published) await requirePublicationRight(principal, current.uid);
        try {
          const updated = await updateDataset(principal, current.uid, write, { expected_updated_at: current.updated_at });
          await followVisibility(principal, updated.uid);
          return { status: 200, body: await udataDataset(principal, updated, url.origin) };
        } catch (error) {
          // The publish a previous udata write started moves the dataset's status (and updated_at) while it runs:
          // the fields sent are applied again to the dataset as it is now, which loses nobody's change.
          if (!(isAppError(error) && error.code === "conflict") || attempt >= UPDATE_ATTEMPTS) throw error;
        }
      }
    },
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/datasets/{dataset}/",
    operationId: "delete_dataset",
    summary: "Delete a dataset (to the trash)",
    description: `A soft delete: hidden everywhere but from its editors, restorable with PUT {"deleted": null}, purged after TRASH_RETENTION_DAYS. A second delete is 410.`,
    tags,
    access: withKey,
    params: datasetParamsSchema,
    responses: { 204: { description: "Deleted" }, ...udataErrors },
    handler: async ({ principal, params }) => {
      const uid = await datasetUid(principal, params.dataset);
      await datasetForWrite(principal, uid, "manage");
      await trashDataset(principal, uid);
      return { status: 204 };
    },
  }),
];
