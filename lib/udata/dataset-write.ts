// A udata dataset body as our dataset write: title, description, tags and license go to the metadata (the other
// templates and values stay as they are), `private` to the restriction. udata's form fills a boolean left out
// with false: an update without `private` makes the dataset public (the guide warns about it), and so does ours.
import type { DatasetMetadata, DatasetWrite } from "@/lib/datasets/schema";
import type { UdataDatasetCreate, UdataDatasetUpdate } from "@/lib/udata/schema";

type Values = Record<string, { value: unknown } & Record<string, unknown>>;

export function datasetWriteFor(input: UdataDatasetCreate | UdataDatasetUpdate, current: DatasetMetadata | null): DatasetWrite {
  const metadata = structuredClone((current ?? { default: {} }) as Record<string, Values>);
  const defaults = (metadata.default ??= {});
  if (input.title !== undefined) defaults.title = { ...defaults.title, value: input.title };
  if (input.description !== undefined) defaults.description = { ...defaults.description, value: input.description };
  if (input.tags !== undefined) defaults.keyword = { ...defaults.keyword, value: input.tags };
  if (input.license !== undefined) {
    const internal = (metadata.internal ??= {});
    if (input.license) internal.license_id = { ...internal.license_id, value: input.license };
    else delete internal.license_id;
  }
  return { metadata: metadata as DatasetWrite["metadata"], is_restricted: input.private ?? false };
}
