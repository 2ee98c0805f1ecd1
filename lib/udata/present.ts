// Our datasets and resources as udata objects (API-CONTRACT.md §6.1): `id` is the dataset's uid and `slug` its
// dataset_id; a resource's `id` is its re_ uid (udata's are UUIDs: clients treat them as opaque strings).
// `private` is the restriction; `deleted` the time it went to the trash.
import type { Dataset } from "@/lib/datasets/schema";
import type { ResourceRecord } from "@/lib/resources/schema";
import { formatOfExtractor } from "@/lib/udata/resource-format";
import type { UdataDataset, UdataResource } from "@/lib/udata/schema";

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

export function presentResource(resource: ResourceRecord, dataset_uid: string, origin: string): UdataResource {
  const source = resource.datasource;
  const file = source.type === "uploaded_file" && "filename" in source.file ? source.file : null;
  const url =
    source.type === "http"
      ? source.connection.url + (source.relative_url ?? "")
      : `${origin}/api/automation/v1/datasets/${dataset_uid}/resources/files/${source.file.uid}/download/`;
  return {
    id: resource.uid,
    title: resource.title,
    description: resource.description ?? null,
    filetype: source.type === "http" ? "remote" : "file",
    type: "main",
    format: formatOfExtractor(resource.type),
    url,
    latest: url,
    mime: file?.mimetype ?? null,
    filesize: file?.size ?? null,
    checksum: null,
    created_at: resource.created_at,
    last_modified: resource.updated_at,
    extras: {},
  };
}

export function presentDataset(dataset: Dataset, resources: ResourceRecord[], origin: string): UdataDataset {
  const values = dataset.metadata.default;
  const license = dataset.metadata.internal?.license_id?.value;
  return {
    id: dataset.uid,
    slug: dataset.dataset_id,
    title: text(values.title?.value),
    acronym: null,
    description: text(values.description?.value),
    description_short: null,
    created_at: dataset.created_at,
    last_modified: dataset.updated_at,
    last_update: dataset.updated_at,
    deleted: dataset.deleted_at ?? null,
    archived: null,
    featured: false,
    private: dataset.is_restricted,
    tags: list(values.keyword?.value),
    resources: resources.map((r) => presentResource(r, dataset.uid, origin)),
    community_resources: [],
    frequency: "unknown",
    frequency_date: null,
    extras: {},
    organization: null,
    owner: dataset.created_by ? { id: dataset.created_by.user_id, slug: dataset.created_by.username, first_name: null, last_name: null } : null,
    temporal_coverage: null,
    spatial: null,
    license: typeof license === "string" && license ? license : "notspecified",
    uri: `${origin}/api/1/datasets/${dataset.uid}/`,
    page: `${origin}/datasets/${dataset.uid}`,
  };
}
