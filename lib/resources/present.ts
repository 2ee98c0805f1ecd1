// Stored rows → Automation API answers: the file described, derived labels filled in, secrets left out.
import { EXTRACTORS } from "@/lib/extractors/registry";
import type { ResourcePreview } from "@/lib/extractors";
import type { DatasetFile, Resource, ResourcePreviewBody, ResourceRecord } from "@/lib/resources/schema";
import type { StoredFile, StoredResource } from "@/lib/store/types";

export function toDatasetFile(file: StoredFile): DatasetFile {
  return { uid: file.uid, filename: file.filename, mimetype: file.mimetype, size: file.size, created_at: file.created_at };
}

function datasourceOut(resource: StoredResource): Resource["datasource"] {
  const ds = resource.datasource;
  if (ds.type === "uploaded_file") return { type: "uploaded_file", file: resource.file ? toDatasetFile(resource.file) : { uid: ds.file.uid } };
  const { auth, ...connection } = ds.connection;
  return {
    ...ds,
    connection: { ...connection, type: "http", ...(auth !== undefined ? { auth: auth && { type: auth.type, username: auth.username } } : {}) },
  };
}

function displayName(resource: StoredResource): string {
  const ds = resource.datasource;
  if (ds.type === "uploaded_file") return resource.file?.filename ?? resource.title;
  const base = ds.connection.url.replace(/\/+$/, "");
  const rel = ds.relative_url ? `/${ds.relative_url.replace(/^\/+/, "")}` : "";
  return base + rel;
}

export function toResource(resource: StoredResource): ResourceRecord {
  const label = EXTRACTORS.find((e) => e.type === resource.type)?.label ?? resource.type;
  return {
    uid: resource.uid,
    type: resource.type,
    title: resource.title,
    display_name: displayName(resource),
    extraction_infos: { label, type: resource.type },
    origin: resource.datasource.type === "http" ? { label: "HTTP", type: "http" } : { label: "Uploaded file", type: "uploaded_file" },
    created_at: resource.created_at,
    updated_at: resource.updated_at,
    params: resource.params,
    datasource: datasourceOut(resource),
    description: resource.description,
  };
}

/** The official schema types `description` as a string: a field without one leaves it out. */
export function toPreview(preview: ResourcePreview): ResourcePreviewBody {
  return {
    fields: preview.fields.map(({ description, ...field }) => (description === null ? field : { ...field, description })),
    records: preview.records,
  };
}
