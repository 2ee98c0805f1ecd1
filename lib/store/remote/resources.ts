// Resources and files of a dataset on the upstream (proxy mode): the operations of lib/resources/service.ts as
// official Automation API calls. The upstream fetches, guesses and previews; its files never pass through here,
// except an upload, streamed.
import { z } from "zod";
import type { Extractor } from "@/lib/extractors";
import { paginatedSchema } from "@/lib/http/pagination";
import {
  datasetFileSchema,
  EXTRACTOR_TYPES,
  extractorSchema,
  guessedParamsSchema,
  resourcePreviewSchema,
  resourceSchema,
  type Datasource,
  type DatasetFile,
  type PreviewInput,
  type Resource,
  type ResourceListQuery,
  type ResourcePreviewBody,
  type ResourceWrite,
} from "@/lib/resources/schema";
import type { Page } from "@/lib/store/types";
import { datasetPath } from "@/lib/store/remote/datasets";
import { parseAnswer } from "@/lib/store/remote/parse-answer";
import { seg, type UpstreamCaller } from "@/lib/store/remote/upstream-client";

// The official Resource has no created_at (an Opendatasoft domain leaves it out): left empty, as the other remote
// readers leave the timestamps the official objects lack.
// Nor has the official DatasetFile a size: read as unknown (null), not as 0, here and in a resource's datasource
// (where, without it, the file would read as a bare uid: a file no longer there).
const fileAnswer = datasetFileSchema.extend({ size: datasetFileSchema.shape.size.default(null) });
const resourceAnswer = z.preprocess(withFileSize, resourceSchema.extend({ created_at: z.string().default("") }));
const resourcePage = paginatedSchema(resourceAnswer);

function withFileSize(value: unknown): unknown {
  if (!value || typeof value !== "object" || !("datasource" in value)) return value;
  const datasource = value.datasource as { type?: unknown; file?: unknown } | null;
  const file = datasource?.file;
  if (datasource?.type !== "uploaded_file" || !file || typeof file !== "object" || !("filename" in file) || "size" in file) return value;
  return { ...value, datasource: { ...datasource, file: { ...file, size: null } } };
}
const extractorList = z.array(extractorSchema);

export type RemoteResources = ReturnType<typeof remoteResources>;

export function remoteResources(up: UpstreamCaller) {
  const resources = (dataset_uid: string) => `${datasetPath(dataset_uid)}resources/`;
  const resource = (dataset_uid: string, resource_uid: string) => `${resources(dataset_uid)}${seg(resource_uid)}/`;
  const read = <S extends z.ZodType>(schema: S, operation: string) => (value: unknown) => parseAnswer(up.client, schema, value, operation);

  return {
    /**
     * The extractors the console can configure: the upstream may have more (an Opendatasoft domain reads shapefiles,
     * KML…); resources of those types are shown, not created here.
     */
    async extractors(): Promise<Extractor[]> {
      const all = read(extractorList, "list-extractors")(await up.json({ method: "GET", path: "/extractors/" }));
      return all.filter((e): e is Extractor => (EXTRACTOR_TYPES as readonly string[]).includes(e.type));
    },

    async list(dataset_uid: string, query: ResourceListQuery): Promise<Page<Resource>> {
      const page = read(resourcePage, "list-resources")(await up.json({ method: "GET", path: resources(dataset_uid), query: { limit: query.limit, offset: query.offset } }));
      return { total_count: page.total_count, results: page.results };
    },

    async get(dataset_uid: string, resource_uid: string): Promise<Resource> {
      return read(resourceAnswer, "retrieve-resource")(await up.json({ method: "GET", path: resource(dataset_uid, resource_uid) }));
    },

    async create(dataset_uid: string, input: ResourceWrite): Promise<Resource> {
      return read(resourceAnswer, "create-resource")(await up.json({ method: "POST", path: resources(dataset_uid), body: input }));
    },

    async update(dataset_uid: string, resource_uid: string, input: ResourceWrite): Promise<Resource> {
      return read(resourceAnswer, "update-resource")(await up.json({ method: "PUT", path: resource(dataset_uid, resource_uid), body: input }));
    },

    async delete(dataset_uid: string, resource_uid: string): Promise<void> {
      await up.json({ method: "DELETE", path: resource(dataset_uid, resource_uid) });
    },

    /** The multipart body goes on as it came, streamed: nothing is kept here. */
    async upload(dataset_uid: string, request: Request): Promise<DatasetFile> {
      const contentType = request.headers.get("content-type") ?? "application/octet-stream";
      const body = request.body ?? new Blob([]).stream();
      return read(fileAnswer, "upload-resource-file")(await up.json({ method: "POST", path: `${resources(dataset_uid)}files/`, stream: { body, contentType } }));
    },

    async getFile(dataset_uid: string, file_uid: string): Promise<DatasetFile> {
      return read(fileAnswer, "retrieve-resource-file")(await up.json({ method: "GET", path: `${resources(dataset_uid)}files/${seg(file_uid)}/` }));
    },

    async guessUnsavedExtractors(dataset_uid: string, datasource: Datasource): Promise<Extractor[]> {
      return read(extractorList, "guess-unsaved-resource-extractors")(await up.json({ method: "POST", path: `${resources(dataset_uid)}guess_extractors/`, body: { datasource } })) as Extractor[];
    },

    async guessUnsavedParams(dataset_uid: string, body: { datasource: Datasource; type: string; params?: Record<string, unknown> }) {
      return read(guessedParamsSchema, "guess-unsaved-resource-extractor-params")(await up.json({ method: "POST", path: `${resources(dataset_uid)}guess_extractor_params/`, body }));
    },

    async previewUnsaved(dataset_uid: string, input: PreviewInput): Promise<ResourcePreviewBody> {
      return read(resourcePreviewSchema, "resource-unsaved-preview")(await up.json({ method: "POST", path: `${resources(dataset_uid)}preview/`, body: input }));
    },

    async guessSavedExtractors(dataset_uid: string, resource_uid: string): Promise<Extractor[]> {
      return read(extractorList, "guess-resource-extractors")(await up.json({ method: "GET", path: `${resource(dataset_uid, resource_uid)}guess_extractors/` })) as Extractor[];
    },

    async guessSavedParams(dataset_uid: string, resource_uid: string) {
      return read(guessedParamsSchema, "guess-resource-extractor-params")(await up.json({ method: "GET", path: `${resource(dataset_uid, resource_uid)}guess_extractors_params/` }));
    },

    async previewSaved(dataset_uid: string, resource_uid: string): Promise<ResourcePreviewBody> {
      return read(resourcePreviewSchema, "resource-preview")(await up.json({ method: "GET", path: `${resource(dataset_uid, resource_uid)}preview/` }));
    },

    async cleanCache(dataset_uid: string, resource_uid: string): Promise<void> {
      await up.json({ method: "POST", path: `${resource(dataset_uid, resource_uid)}clean_cache/`, body: {} });
    },
  };
}
