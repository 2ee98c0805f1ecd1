import "server-only";
// Resources and uploaded files of a dataset, called by the API routes and the console alike. Reading (list,
// retrieve, saved previews, downloads) needs the dataset's `view` right, so reviewers can check any resource;
// everything that writes, uploads or fetches a URL of the caller's choosing needs `edit`. In proxy mode the
// upstream does each of them (lib/store/remote/resources.ts); saveFile and fileForDownload are the embedded
// store's own (the demo seed, and the download route, which the proxy relays).
import type { Principal } from "@/lib/auth/principal";
import { requireDatasetRight } from "@/lib/datasets/service";
import { config } from "@/lib/env/config";
import { isAppError, notFound } from "@/lib/errors/app-error";
import {
  guessExtractorParams,
  guessExtractors,
  listExtractors,
  previewResource,
  validateExtractorParams,
  type Extractor,
  type ExtractorType,
  type SourceFile,
} from "@/lib/extractors";
import { receiveUpload } from "@/lib/files/receive-upload";
import { saveBytes } from "@/lib/files/save-bytes";
import { removeStoredFiles, storagePath } from "@/lib/files/storage";
import { toDatasetFile, toPreview, toResource } from "@/lib/resources/present";
import type { DatasetFile, Datasource, PreviewInput, ResourceExtras, ResourceListQuery, ResourcePreviewBody, ResourceRecord, ResourceWrite } from "@/lib/resources/schema";
import { cleanRemoteCache, sourceFileFor } from "@/lib/resources/source";
import { store } from "@/lib/store/store";
import type { Page, ResourceInput, StoredFile, StoredResource } from "@/lib/store/types";

const isZip = (file: SourceFile) => /\.xlsx$/i.test(file.filename ?? "") || /spreadsheetml|zip/i.test(file.mimetype ?? "");
const wholeFileFor = (type: ExtractorType | null) => (file: SourceFile) => type === "xlsxfile" || (type === null && isZip(file));

export async function extractors(principal: Principal): Promise<Extractor[]> {
  if (principal.upstream) return principal.upstream.resources.extractors();
  return listExtractors();
}

export async function listResources(principal: Principal, dataset_uid: string, query: ResourceListQuery): Promise<Page<ResourceRecord>> {
  if (principal.upstream) return principal.upstream.resources.list(dataset_uid, query);
  await requireDatasetRight(principal, dataset_uid, "view");
  const page = await store().resources.list(dataset_uid, query);
  return { total_count: page.total_count, results: page.results.map(toResource) };
}

async function storedResource(principal: Principal, dataset_uid: string, resource_uid: string, right: "view" | "edit"): Promise<StoredResource> {
  await requireDatasetRight(principal, dataset_uid, right);
  const resource = await store().resources.get(dataset_uid, resource_uid);
  if (!resource) throw notFound();
  return resource;
}

export async function getResource(principal: Principal, dataset_uid: string, resource_uid: string): Promise<ResourceRecord> {
  if (principal.upstream) return principal.upstream.resources.get(dataset_uid, resource_uid);
  return toResource(await storedResource(principal, dataset_uid, resource_uid, "view"));
}

/** An update may leave out the basic-auth password (answers never carry it): keep the stored one then. */
function keepSecrets(next: Datasource, current: Datasource | null): Datasource {
  if (next.type !== "http" || current?.type !== "http") return next;
  const auth = next.connection.auth;
  const stored = current.connection.auth;
  if (auth && auth.password === undefined && stored && stored.username === auth.username && current.connection.url === next.connection.url) {
    return { ...next, connection: { ...next.connection, auth: { ...auth, password: stored.password } } };
  }
  return next;
}

async function releaseBytes(file: StoredFile | null): Promise<void> {
  if (file) await removeStoredFiles([file.storage_name]);
}

/**
 * The parameters to save: those given, checked, completed with the guesses for the others so that the resource
 * keeps reading the data the way its preview showed. A source that cannot be read now (server down, file the
 * extractor refuses) does not prevent saving: its preview will say what is wrong.
 */
async function paramsToSave(dataset_uid: string, input: ResourceWrite): Promise<Record<string, unknown>> {
  const given = validateExtractorParams(input.type, input.params ?? {});
  try {
    return await guessExtractorParams(await sourceFileFor(dataset_uid, input.datasource, wholeFileFor(input.type)), input.type, given);
  } catch (error) {
    if (isAppError(error) && (error.code === "extraction_error" || error.code === "remote_fetch_error")) return given;
    throw error;
  }
}

/**
 * The resource to store for `input`, its parameters completed (which may read its source): no write. The caller
 * has checked the `edit` right. createResource and the data.world replace (lib/datasets/replace-dataset.ts) store it.
 * `extras`: what other surfaces keep beside the Automation API's body (the upstream of proxy mode keeps none of it).
 */
export async function resourceInputFor(dataset_uid: string, input: ResourceWrite, extras: ResourceExtras = {}): Promise<ResourceInput> {
  return { type: input.type, title: input.title, params: await paramsToSave(dataset_uid, input), datasource: input.datasource, description: extras.description };
}

export async function createResource(principal: Principal, dataset_uid: string, input: ResourceWrite, extras: ResourceExtras = {}): Promise<ResourceRecord> {
  if (principal.upstream) return principal.upstream.resources.create(dataset_uid, input);
  await requireDatasetRight(principal, dataset_uid, "edit");
  return toResource(await store().resources.create(dataset_uid, await resourceInputFor(dataset_uid, input, extras)));
}

export async function updateResource(
  principal: Principal,
  dataset_uid: string,
  resource_uid: string,
  input: ResourceWrite,
  extras: ResourceExtras = {},
): Promise<ResourceRecord> {
  if (principal.upstream) return principal.upstream.resources.update(dataset_uid, resource_uid, input);
  const current = await storedResource(principal, dataset_uid, resource_uid, "edit");
  const datasource = keepSecrets(input.datasource, current.datasource);
  const params = await paramsToSave(dataset_uid, { ...input, datasource });
  const result = await store().resources.update(dataset_uid, resource_uid, { type: input.type, title: input.title, params, datasource, description: extras.description });
  if (!result) throw notFound();
  await releaseBytes(result.released_file);
  if (JSON.stringify(current.datasource) !== JSON.stringify(datasource)) await cleanRemoteCache(current.datasource);
  return toResource(result.resource);
}

export async function deleteResource(principal: Principal, dataset_uid: string, resource_uid: string): Promise<void> {
  if (principal.upstream) return principal.upstream.resources.delete(dataset_uid, resource_uid);
  const current = await storedResource(principal, dataset_uid, resource_uid, "edit");
  const result = await store().resources.delete(dataset_uid, resource_uid);
  if (!result) throw notFound();
  await releaseBytes(result.released_file);
  await cleanRemoteCache(current.datasource);
}

export async function uploadFile(principal: Principal, dataset_uid: string, request: Request): Promise<DatasetFile> {
  if (principal.upstream) return principal.upstream.resources.upload(dataset_uid, request);
  await requireDatasetRight(principal, dataset_uid, "edit");
  const received = await receiveUpload(request, { maxBytes: config().maxUploadBytes });
  try {
    return toDatasetFile(await store().resources.createFile({ ...received, dataset_uid, created_by_id: principal.user_id }));
  } catch (error) {
    // The dataset went away meanwhile, or the database refused: the bytes must not stay behind.
    await removeStoredFiles([received.storage_name]);
    throw error;
  }
}

/** A file from bytes in memory (the demo seed), stored and checked like an upload. */
export async function saveFile(principal: Principal, dataset_uid: string, filename: string, bytes: Buffer, mimetype: string | null = null): Promise<DatasetFile> {
  await requireDatasetRight(principal, dataset_uid, "edit");
  const saved = await saveBytes(filename, bytes, mimetype);
  try {
    return toDatasetFile(await store().resources.createFile({ ...saved, dataset_uid, created_by_id: principal.user_id }));
  } catch (error) {
    await removeStoredFiles([saved.storage_name]);
    throw error;
  }
}

async function storedFile(principal: Principal, dataset_uid: string, file_uid: string): Promise<StoredFile> {
  await requireDatasetRight(principal, dataset_uid, "view");
  const file = await store().resources.getFile(dataset_uid, file_uid);
  if (!file) throw notFound();
  return file;
}

export async function getFile(principal: Principal, dataset_uid: string, file_uid: string): Promise<DatasetFile> {
  if (principal.upstream) return principal.upstream.resources.getFile(dataset_uid, file_uid);
  return toDatasetFile(await storedFile(principal, dataset_uid, file_uid));
}

/** The file and the path of its bytes, for streaming the download. */
export async function fileForDownload(principal: Principal, dataset_uid: string, file_uid: string): Promise<DatasetFile & { path: string }> {
  const file = await storedFile(principal, dataset_uid, file_uid);
  return { ...toDatasetFile(file), path: storagePath(file.storage_name) };
}

// Unsaved resources: the datasource comes from the caller, who may make the server fetch any URL → `edit`.

export async function guessUnsavedExtractors(principal: Principal, dataset_uid: string, datasource: Datasource): Promise<Extractor[]> {
  if (principal.upstream) return principal.upstream.resources.guessUnsavedExtractors(dataset_uid, datasource);
  await requireDatasetRight(principal, dataset_uid, "edit");
  return guessExtractors(await sourceFileFor(dataset_uid, datasource, wholeFileFor(null)));
}

export async function guessUnsavedParams(principal: Principal, dataset_uid: string, datasource: Datasource, type: ExtractorType, given: Record<string, unknown> = {}) {
  if (principal.upstream) return principal.upstream.resources.guessUnsavedParams(dataset_uid, { datasource, type, params: given });
  await requireDatasetRight(principal, dataset_uid, "edit");
  const params = await guessExtractorParams(await sourceFileFor(dataset_uid, datasource, wholeFileFor(type)), type, given);
  return { extractor: type, params };
}

export async function previewUnsaved(principal: Principal, dataset_uid: string, input: PreviewInput): Promise<ResourcePreviewBody> {
  if (principal.upstream) return principal.upstream.resources.previewUnsaved(dataset_uid, input);
  await requireDatasetRight(principal, dataset_uid, "edit");
  const file = await sourceFileFor(dataset_uid, input.datasource, wholeFileFor(input.type));
  return toPreview(await previewResource(file, input.type, input.params ?? {}));
}

// Saved resources: the datasource was set by an editor; reviewers may look.

export async function guessSavedExtractors(principal: Principal, dataset_uid: string, resource_uid: string): Promise<Extractor[]> {
  if (principal.upstream) return principal.upstream.resources.guessSavedExtractors(dataset_uid, resource_uid);
  const resource = await storedResource(principal, dataset_uid, resource_uid, "view");
  return guessExtractors(await sourceFileFor(dataset_uid, resource.datasource, wholeFileFor(null)));
}

export async function guessSavedParams(principal: Principal, dataset_uid: string, resource_uid: string): Promise<{ extractor: string; params: Record<string, unknown> }> {
  if (principal.upstream) return principal.upstream.resources.guessSavedParams(dataset_uid, resource_uid);
  const resource = await storedResource(principal, dataset_uid, resource_uid, "view");
  const type = resource.type as ExtractorType;
  const params = await guessExtractorParams(await sourceFileFor(dataset_uid, resource.datasource, wholeFileFor(type)), type);
  return { extractor: type, params };
}

export async function previewSaved(principal: Principal, dataset_uid: string, resource_uid: string): Promise<ResourcePreviewBody> {
  if (principal.upstream) return principal.upstream.resources.previewSaved(dataset_uid, resource_uid);
  const resource = await storedResource(principal, dataset_uid, resource_uid, "view");
  const type = resource.type as ExtractorType;
  return toPreview(await previewResource(await sourceFileFor(dataset_uid, resource.datasource, wholeFileFor(type)), type, resource.params));
}

export async function cleanResourceCache(principal: Principal, dataset_uid: string, resource_uid: string): Promise<void> {
  if (principal.upstream) return principal.upstream.resources.cleanCache(dataset_uid, resource_uid);
  const resource = await storedResource(principal, dataset_uid, resource_uid, "edit");
  await cleanRemoteCache(resource.datasource);
}
