// Metadata templates and a dataset's metadata on the upstream (proxy mode): the operations of
// lib/metadata/template-service.ts and lib/metadata/dataset-metadata.ts as official Automation API calls. The
// upstream checks values against its own templates.
import { z } from "zod";
import { datasetMetadataSchema, type DatasetMetadata } from "@/lib/datasets/schema";
import type { MetadataValue } from "@/lib/metadata/dataset-metadata";
import {
  metadataTemplateSchema,
  suggestionsSchema,
  type MetadataTemplate,
  type MetadataTemplateListQuery,
  type MetadataTemplateUpdate,
  type MetadataTemplateWrite,
  type Suggestions,
} from "@/lib/metadata/template-schema";
import { paginatedSchema } from "@/lib/http/pagination";
import type { Page, StoredMetadataTemplate } from "@/lib/store/types";
import { datasetPath } from "@/lib/store/remote/datasets";
import { parseAnswer } from "@/lib/store/remote/parse-answer";
import { seg, type UpstreamCaller } from "@/lib/store/remote/upstream-client";

const templatePage = paginatedSchema(metadataTemplateSchema);
const valueSchema = z.object({ value: z.unknown(), remote_value: z.unknown().optional(), override_remote_value: z.boolean().optional() }).loose();
const valuesSchema = z.record(z.string(), valueSchema);
// the console reads every template at once (they are few); pages of this size keep that to one call
const ALL_PAGE = 1000;

/** The API object back to the shape the service layer hands around. */
function toStored(template: MetadataTemplate): StoredMetadataTemplate {
  return {
    name: template.name,
    title: template.title,
    type: template.type,
    is_active: template.is_active,
    is_system: template.is_system,
    is_always_active: template.is_always_active,
    fields: template.schema.map(({ suggest_url: _suggest, ...field }) => field),
    created_at: template.created_at,
    created_by: template.created_by?.username ?? null,
    updated_at: template.updated_at,
    updated_by: template.updated_by?.username ?? null,
  };
}

export type RemoteMetadata = ReturnType<typeof remoteMetadata>;

export function remoteMetadata(up: UpstreamCaller) {
  const templatePath = (name: string) => `/metadata/templates/${seg(name)}/`;
  const valuesPath = (uid: string, template?: string, field?: string) =>
    `${datasetPath(uid)}metadata/${template === undefined ? "" : `${seg(template)}/`}${field === undefined ? "" : `${seg(field)}/`}`;
  const template = (value: unknown, operation: string) => toStored(parseAnswer(up.client, metadataTemplateSchema, value, operation));

  return {
    async list(query: MetadataTemplateListQuery): Promise<Page<StoredMetadataTemplate>> {
      const page = parseAnswer(
        up.client,
        templatePage,
        await up.json({ method: "GET", path: "/metadata/templates/", query: { limit: query.limit, offset: query.offset, is_active: query.is_active, type: query.type } }),
        "list-metadata-templates",
      );
      return { total_count: page.total_count, results: page.results.map(toStored) };
    },
    async all(): Promise<StoredMetadataTemplate[]> {
      const out: StoredMetadataTemplate[] = [];
      for (let offset = 0; ; offset += ALL_PAGE) {
        const page = await this.list({ limit: ALL_PAGE, offset });
        out.push(...page.results);
        if (page.results.length < ALL_PAGE || out.length >= page.total_count) return out;
      }
    },
    async get(name: string): Promise<StoredMetadataTemplate> {
      return template(await up.json({ method: "GET", path: templatePath(name) }), "retrieve-metadata-templates");
    },
    async create(input: MetadataTemplateWrite): Promise<StoredMetadataTemplate> {
      return template(await up.json({ method: "POST", path: "/metadata/templates/", body: input }), "create-metadata-template");
    },
    async update(name: string, input: MetadataTemplateUpdate): Promise<StoredMetadataTemplate> {
      return template(await up.json({ method: "PUT", path: templatePath(name), body: input }), "update-metadata-template");
    },
    async delete(name: string): Promise<void> {
      await up.json({ method: "DELETE", path: templatePath(name) });
    },
    async suggest(name: string, field: string, query: string | undefined, count: number): Promise<Suggestions> {
      const answer = await up.json({ method: "GET", path: `${templatePath(name)}fields/${seg(field)}/suggest/`, query: { query, count } });
      return parseAnswer(up.client, suggestionsSchema, answer, "get-metadata-field-values-suggestion");
    },

    async datasetMetadata(uid: string): Promise<DatasetMetadata> {
      return parseAnswer(up.client, datasetMetadataSchema, await up.json({ method: "GET", path: valuesPath(uid) }), "list-all-dataset-metadata");
    },
    async replaceDatasetMetadata(uid: string, input: unknown): Promise<DatasetMetadata> {
      return parseAnswer(up.client, datasetMetadataSchema, await up.json({ method: "PUT", path: valuesPath(uid), body: input }), "update-all-dataset-metadata");
    },
    async templateValues(uid: string, name: string): Promise<Record<string, MetadataValue>> {
      return parseAnswer(up.client, valuesSchema, await up.json({ method: "GET", path: valuesPath(uid, name) }), "list-template-dataset-metadata");
    },
    async replaceTemplateValues(uid: string, name: string, input: unknown): Promise<Record<string, MetadataValue>> {
      return parseAnswer(up.client, valuesSchema, await up.json({ method: "PUT", path: valuesPath(uid, name), body: input }), "update-template-dataset-metadata");
    },
    async fieldValue(uid: string, name: string, field: string): Promise<MetadataValue> {
      return parseAnswer(up.client, valueSchema, await up.json({ method: "GET", path: valuesPath(uid, name, field) }), "retrieve-template-field-dataset-metadata");
    },
    async putFieldValue(uid: string, name: string, field: string, input: { value?: unknown; override_remote_value?: boolean }): Promise<MetadataValue> {
      return parseAnswer(up.client, valueSchema, await up.json({ method: "PUT", path: valuesPath(uid, name, field), body: input }), "update-template-field-dataset-metadata");
    },
    async deleteFieldValue(uid: string, name: string, field: string): Promise<void> {
      await up.json({ method: "DELETE", path: valuesPath(uid, name, field) });
    },
  };
}
