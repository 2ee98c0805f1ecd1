// Server-maintained parts of dataset metadata (API-CONTRACT.md §2.2, §4.3).
import { isDeepStrictEqual } from "node:util";
import type { DatasetMetadata, DatasetWrite } from "@/lib/datasets/schema";
import { applyRemoteValues } from "@/lib/metadata/remote-values";

export const DEFAULT_METADATA_LANGUAGE = "en";

/** Metadata of a new dataset: `modified` is the creation time and `language` defaults to the portal's language. */
export function metadataForCreate(input: DatasetWrite["metadata"], now: Date): DatasetMetadata {
  const metadata = applyRemoteValues(input as DatasetMetadata, null);
  metadata.default.modified ??= { value: now.toISOString() };
  metadata.default.language ??= { value: DEFAULT_METADATA_LANGUAGE };
  return normaliseModified(metadata);
}

/**
 * Metadata replacing `previous` (PUT replaces it whole). `modified` is the client's when it sends a new value;
 * otherwise it moves to now if the dataset asks for that on metadata changes and something changed, else it
 * keeps its previous value. (Clients that send the whole metadata back, like the console, resend `modified`
 * unchanged: that counts as not sending it.)
 */
export function metadataForUpdate(input: DatasetWrite["metadata"], previous: DatasetMetadata, now: Date): DatasetMetadata {
  // Values linked to a remote source follow their override flag (lib/metadata/remote-values.ts).
  const metadata = applyRemoteValues(input as DatasetMetadata, previous);
  const sent = metadata.default.modified?.value;
  const before = previous.default?.modified?.value;
  const clientSetModified = sent !== undefined && !sameInstant(sent, before);
  if (!clientSetModified) {
    const changed = !isDeepStrictEqual(withoutModified(metadata), withoutModified(previous));
    const followsMetadata = metadata.default.modified_updates_on_metadata_change?.value === true;
    metadata.default.modified = changed && followsMetadata ? { value: now.toISOString() } : (previous.default?.modified ?? { value: now.toISOString() });
  }
  metadata.default.language ??= previous.default?.language ?? { value: DEFAULT_METADATA_LANGUAGE };
  return normaliseModified(metadata);
}

function sameInstant(a: unknown, b: unknown): boolean {
  return typeof a === "string" && typeof b === "string" && new Date(a).getTime() === new Date(b).getTime();
}

function withoutModified(metadata: DatasetMetadata): DatasetMetadata {
  const { modified: _modified, ...rest } = metadata.default ?? {};
  return { ...metadata, default: rest };
}

/** Timestamps are emitted in UTC with a Z, whatever offset the client used. */
function normaliseModified(metadata: DatasetMetadata): DatasetMetadata {
  const modified = metadata.default.modified;
  if (modified && typeof modified.value === "string") modified.value = new Date(modified.value).toISOString();
  return metadata;
}
