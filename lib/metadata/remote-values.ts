// Metadata of datasets linked to a remote source (federated, harvested): each such value carries the remote
// one (API-CONTRACT.md §2.2, PROPOSAL). `override_remote_value: true` lets the local value win; `false` keeps
// `value` equal to `remote_value`, whatever a client sends; removing the value resets it to the remote one.
import type { DatasetMetadata } from "@/lib/datasets/schema";

type Entry = { value: unknown; remote_value?: unknown; override_remote_value?: boolean };

/** `next` (what a client wants) with the remote values and override flags of `previous` applied. */
export function applyRemoteValues(next: DatasetMetadata, previous: DatasetMetadata | null): DatasetMetadata {
  const out = structuredClone(next) as Record<string, Record<string, Entry>>;
  // The flag only means something for linked values: elsewhere it is dropped.
  for (const fields of Object.values(out)) {
    for (const entry of Object.values(fields ?? {})) {
      delete entry.override_remote_value;
      delete entry.remote_value;
    }
  }
  for (const [template, fields] of Object.entries(previous ?? {})) {
    for (const [name, before] of Object.entries((fields ?? {}) as Record<string, Entry>)) {
      if (before?.remote_value === undefined) continue;
      const incoming = (next as Record<string, Record<string, Entry> | undefined>)[template]?.[name];
      const override = incoming ? (incoming.override_remote_value ?? before.override_remote_value ?? false) : false;
      (out[template] ??= {})[name] = override
        ? { value: incoming!.value, remote_value: before.remote_value, override_remote_value: true }
        : { value: before.remote_value, remote_value: before.remote_value, override_remote_value: false };
    }
  }
  return out as DatasetMetadata;
}
