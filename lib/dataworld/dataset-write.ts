// data.world's replace in the Automation API's terms (API-CONTRACT.md §6.2): the dataset write a body makes of
// the dataset's current metadata, and the remote resource each file becomes. Pure, so the mapping is unit-tested.
//
// A replace resets what it leaves out (that is what sets PUT "replace" apart from an update): summary, tags and
// license are removed when absent. The title is the exception: a dataset always has one, so an absent title
// keeps the current one (the seed's own example sends none). The metadata data.world does not describe (themes,
// language, custom templates…) is not the replace's business and stays as it is. `description` and the files'
// `description` and `labels` are validated but have no counterpart in the Automation API's objects: not kept.
import type { DatasetMetadata } from "@/lib/datasets/schema";
import { extractorForFilename } from "@/lib/extractors/file-extensions";
import type { ResourceWrite } from "@/lib/resources/schema";
import type { DataworldFile, DataworldReplace } from "@/lib/dataworld/schema";

type InputValue = { value: unknown; override_remote_value?: boolean };
type InputTemplate = Record<string, InputValue>;

/** A template's stored values as input: the remote values are the server's own, never sent back. */
function asInput(values: Record<string, { value: unknown; override_remote_value?: boolean }>): InputTemplate {
  return Object.fromEntries(
    Object.entries(values).map(([field, { value, override_remote_value }]) => [field, override_remote_value === undefined ? { value } : { value, override_remote_value }]),
  );
}

/** Sets the field, or removes it when the body leaves it out. */
function put(values: InputTemplate, field: string, value: unknown): void {
  if (value === undefined) delete values[field];
  else values[field] = { ...values[field], value };
}

export type DataworldDatasetWrite = { metadata: Record<string, InputTemplate>; is_restricted: boolean };

export function datasetWriteFor(body: DataworldReplace, current: DatasetMetadata): DataworldDatasetWrite {
  const metadata: Record<string, InputTemplate> = Object.fromEntries(Object.entries(current).map(([template, values]) => [template, asInput(values ?? {})]));
  const values = (metadata.default ??= {});
  if (body.title !== undefined) put(values, "title", body.title);
  put(values, "description", body.summary);
  put(values, "keyword", body.tags);
  put(values, "license", body.license);
  if (body.license !== undefined || metadata.internal) put((metadata.internal ??= {}), "license_id", body.license);
  return { metadata, is_restricted: body.visibility === "PRIVATE" };
}

/** A file as a remote resource: read by the extractor its extension names, titled with its name. */
export function resourceWriteFor(file: DataworldFile): ResourceWrite {
  const type = extractorForFilename(file.name);
  // the schema refuses a name without a readable extension: reaching this is a bug, not bad input
  if (!type) throw new Error(`No extractor for ${file.name}`);
  return { type, title: file.name, datasource: { type: "http", connection: { type: "http", url: file.source.url } } };
}
