// Automation API v1 — metadata templates (API-CONTRACT.md §2.20) and dataset metadata (§2.2). Thin adapters.
import { z } from "zod";
import { datasetMetadataSchema, datasetUidSchema } from "@/lib/datasets/schema";
import { defineEndpoint } from "@/lib/http/endpoint";
import { errorResponses, validationErrorResponse } from "@/lib/http/openapi-responses";
import { paginate, paginatedSchema } from "@/lib/http/pagination";
import {
  deleteFieldMetadata,
  getDatasetMetadata,
  getFieldMetadata,
  getTemplateMetadata,
  putFieldMetadata,
  replaceDatasetMetadata,
  replaceTemplateMetadata,
} from "@/lib/metadata/dataset-metadata";
import {
  metadataTemplateFieldSchema,
  metadataTemplateListQuerySchema,
  metadataTemplateSchema,
  metadataTemplateUpdateSchema,
  metadataTemplateWriteSchema,
  pageQuerySchema,
  suggestionsSchema,
  suggestQuerySchema,
  templateFieldParamsSchema,
  templateNameParamsSchema,
} from "@/lib/metadata/template-schema";
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  getTemplateField,
  listTemplates,
  presentField,
  presentTemplate,
  suggestFieldValues,
  updateTemplate,
} from "@/lib/metadata/template-service";
import { metadataValueSchema } from "@/lib/metadata/value-schema";

const templateTags = ["Metadata templates"];
const metadataTags = ["Dataset metadata"];
const signedIn = { kind: "principal" } as const;
const administrators = { kind: "principal", anyOf: ["edit_domain"] } as const;

/** "https://host/api/automation/v1.0": where suggest_url points. */
function apiBase(url: URL): string {
  const match = /^\/api\/automation\/[^/]+/.exec(url.pathname);
  return `${url.origin}${match ? match[0] : "/api/automation/v1.0"}`;
}

const metadataValue = metadataValueSchema(z.unknown()).meta({ id: "DatasetMetadataValue" });
const templateValues = z.record(z.string(), metadataValue).meta({ id: "DatasetMetadataTemplate", description: "Field name → DatasetMetadataValue" });
const fieldValueWrite = z
  .object({ value: z.unknown().meta({ description: "Any JSON value fitting the field; null, \"\" or [] removes it." }), override_remote_value: z.boolean().optional() })
  .meta({ id: "DatasetMetadataValueWrite" });

const datasetMetadataWrite = z
  .record(z.string(), z.record(z.string(), z.unknown()))
  .meta({ id: "DatasetMetadataWrite", description: "Template name → field name → { value, override_remote_value? }. `default` with its `title` is required." });

const datasetParams = z.object({ dataset_uid: datasetUidSchema });
const datasetTemplateParams = datasetParams.extend({ template_name: z.string().min(1).max(200) });
const datasetFieldParams = datasetTemplateParams.extend({ template_field_name: z.string().min(1).max(200) });

export const metadataEndpoints = [
  defineEndpoint({
    method: "GET",
    path: "/metadata/templates/",
    operationId: "list-metadata-templates",
    summary: "List metadata templates",
    tags: templateTags,
    access: signedIn,
    query: metadataTemplateListQuerySchema,
    responses: { 200: { description: "OK", schema: paginatedSchema(metadataTemplateSchema) }, ...errorResponses },
    handler: async ({ principal, query, url }) => {
      const page = await listTemplates(principal, query);
      const results = page.results.map((tpl) => presentTemplate(tpl, apiBase(url)));
      return { status: 200, body: paginate(url, { ...page, results }, query) };
    },
  }),
  defineEndpoint({
    method: "POST",
    path: "/metadata/templates/",
    operationId: "create-metadata-template",
    summary: "Create a metadata template",
    description: "Only `basic` and `admin` templates can be created.",
    tags: templateTags,
    access: administrators,
    body: metadataTemplateWriteSchema,
    responses: { 201: { description: "Created", schema: metadataTemplateSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, body, url }) => ({ status: 201, body: presentTemplate(await createTemplate(principal, body), apiBase(url)) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/metadata/templates/{template_name}/",
    operationId: "retrieve-metadata-templates",
    summary: "Retrieve a metadata template",
    tags: templateTags,
    access: signedIn,
    params: templateNameParamsSchema,
    responses: { 200: { description: "OK", schema: metadataTemplateSchema }, ...errorResponses },
    handler: async ({ principal, params, url }) => ({ status: 200, body: presentTemplate(await getTemplate(principal, params.template_name), apiBase(url)) }),
  }),
  defineEndpoint({
    method: "PUT",
    path: "/metadata/templates/{template_name}/",
    operationId: "update-metadata-template",
    summary: "Update a metadata template",
    description:
      "Non-system `basic`/`admin` templates are fully editable (omitted properties keep their value). Other templates only accept `is_active`; system templates that are always active cannot be deactivated.",
    tags: templateTags,
    access: administrators,
    params: templateNameParamsSchema,
    body: metadataTemplateUpdateSchema,
    responses: { 200: { description: "OK", schema: metadataTemplateSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body, url }) => ({
      status: 200,
      body: presentTemplate(await updateTemplate(principal, params.template_name, body), apiBase(url)),
    }),
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/metadata/templates/{template_name}/",
    operationId: "delete-metadata-template",
    summary: "Delete a metadata template",
    description: "Only non-system `basic`/`admin` templates can be deleted. Datasets keep their values for it.",
    tags: templateTags,
    access: administrators,
    params: templateNameParamsSchema,
    responses: { 204: { description: "Deleted" }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params }) => {
      await deleteTemplate(principal, params.template_name);
      return { status: 204 };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/metadata/templates/{template_name}/fields/",
    operationId: "get-metadata-fields-list",
    summary: "List the fields of a metadata template",
    tags: templateTags,
    access: signedIn,
    params: templateNameParamsSchema,
    query: pageQuerySchema,
    responses: { 200: { description: "OK", schema: paginatedSchema(metadataTemplateFieldSchema) }, ...errorResponses },
    handler: async ({ principal, params, query, url }) => {
      const template = await getTemplate(principal, params.template_name);
      const results = template.fields.slice(query.offset, query.offset + query.limit).map((f) => presentField(template.name, f, apiBase(url)));
      return { status: 200, body: paginate(url, { total_count: template.fields.length, results }, query) };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/metadata/templates/{template_name}/fields/{template_field_name}/",
    operationId: "get-metadata-fields-retrieve",
    summary: "Retrieve a field of a metadata template",
    tags: templateTags,
    access: signedIn,
    params: templateFieldParamsSchema,
    responses: { 200: { description: "OK", schema: metadataTemplateFieldSchema }, ...errorResponses },
    handler: async ({ principal, params, url }) => ({
      status: 200,
      body: presentField(params.template_name, await getTemplateField(principal, params.template_name, params.template_field_name), apiBase(url)),
    }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/metadata/templates/{template_name}/fields/{template_field_name}/suggest/",
    operationId: "get-metadata-field-values-suggestion",
    summary: "Suggest values for a metadata field",
    description: "Values datasets already use for this field (list items one by one) that start with `query`, case-insensitively; most used first.",
    tags: templateTags,
    access: signedIn,
    params: templateFieldParamsSchema,
    query: suggestQuerySchema,
    responses: { 200: { description: "OK", schema: suggestionsSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, query }) => ({
      status: 200,
      body: await suggestFieldValues(principal, params.template_name, params.template_field_name, query.query, query.count),
    }),
  }),

  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/metadata/",
    operationId: "list-all-dataset-metadata",
    summary: "Retrieve all the metadata of a dataset",
    tags: metadataTags,
    access: signedIn,
    params: datasetParams,
    responses: { 200: { description: "OK", schema: datasetMetadataSchema }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: await getDatasetMetadata(principal, params.dataset_uid) }),
  }),
  defineEndpoint({
    method: "PUT",
    path: "/datasets/{dataset_uid}/metadata/",
    operationId: "update-all-dataset-metadata",
    summary: "Replace all the metadata of a dataset",
    description: "Full replace: omitted templates and fields are removed (values linked to a remote source go back to the remote value).",
    tags: metadataTags,
    access: signedIn,
    params: datasetParams,
    // checked by the service (datasetMetadataInputSchema, then the templates), so errors read "metadata.<template>.<field>…"
    body: datasetMetadataWrite,
    responses: { 200: { description: "OK", schema: datasetMetadataSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 200, body: await replaceDatasetMetadata(principal, params.dataset_uid, body) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/metadata/{template_name}/",
    operationId: "list-template-dataset-metadata",
    summary: "Retrieve a dataset's metadata for one template",
    tags: metadataTags,
    access: signedIn,
    params: datasetTemplateParams,
    responses: { 200: { description: "OK", schema: templateValues }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: await getTemplateMetadata(principal, params.dataset_uid, params.template_name) }),
  }),
  defineEndpoint({
    method: "PUT",
    path: "/datasets/{dataset_uid}/metadata/{template_name}/",
    operationId: "update-template-dataset-metadata",
    summary: "Replace a dataset's metadata for one template",
    tags: metadataTags,
    access: signedIn,
    params: datasetTemplateParams,
    body: z.record(z.string(), z.unknown()).meta({ description: "Field name → { value, override_remote_value? }" }),
    responses: { 200: { description: "OK", schema: templateValues }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({
      status: 200,
      body: await replaceTemplateMetadata(principal, params.dataset_uid, params.template_name, body),
    }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/metadata/{template_name}/{template_field_name}/",
    operationId: "retrieve-template-field-dataset-metadata",
    summary: "Retrieve one metadata value of a dataset",
    description: "A field without a value answers `{ \"value\": null }`.",
    tags: metadataTags,
    access: signedIn,
    params: datasetFieldParams,
    responses: { 200: { description: "OK", schema: metadataValue }, ...errorResponses },
    handler: async ({ principal, params }) => ({
      status: 200,
      body: await getFieldMetadata(principal, params.dataset_uid, params.template_name, params.template_field_name),
    }),
  }),
  defineEndpoint({
    method: "PUT",
    path: "/datasets/{dataset_uid}/metadata/{template_name}/{template_field_name}/",
    operationId: "update-template-field-dataset-metadata",
    summary: "Set one metadata value of a dataset",
    tags: metadataTags,
    access: signedIn,
    params: datasetFieldParams,
    body: fieldValueWrite,
    responses: { 200: { description: "OK", schema: metadataValue }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({
      status: 200,
      body: await putFieldMetadata(principal, params.dataset_uid, params.template_name, params.template_field_name, body),
    }),
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/datasets/{dataset_uid}/metadata/{template_name}/{template_field_name}/",
    operationId: "delete-template-field-dataset-metadata",
    summary: "Remove one metadata value of a dataset",
    description: "On a value linked to a remote source, goes back to the remote value (override_remote_value false).",
    tags: metadataTags,
    access: signedIn,
    params: datasetFieldParams,
    responses: { 204: { description: "Deleted" }, ...errorResponses },
    handler: async ({ principal, params }) => {
      await deleteFieldMetadata(principal, params.dataset_uid, params.template_name, params.template_field_name);
      return { status: 204 };
    },
  }),
];
