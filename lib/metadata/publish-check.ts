import "server-only";
// The metadata a dataset must have before it is published: every field with requirement_level "mandatory" in
// an active template. The publish endpoint refuses while any is blank, naming them.
import { isBlankMetadataValue } from "@/lib/metadata/template-values";
import { store } from "@/lib/store/store";
import type { StoredMetadataTemplate } from "@/lib/store/types";

export type MissingMetadata = { template: string; field: string; label: string };

/** Mandatory fields of active templates that `metadata` leaves blank, in template then field order. */
export function missingMandatoryIn(metadata: Record<string, unknown>, templates: readonly StoredMetadataTemplate[]): MissingMetadata[] {
  const missing: MissingMetadata[] = [];
  for (const template of templates) {
    if (!template.is_active) continue;
    const values = (metadata[template.name] ?? {}) as Record<string, { value?: unknown } | undefined>;
    for (const field of template.fields) {
      if (field.requirement_level !== "mandatory") continue;
      if (isBlankMetadataValue(values[field.name]?.value)) missing.push({ template: template.name, field: field.name, label: field.label || field.name });
    }
  }
  return missing;
}

/** The mandatory metadata the dataset still lacks ([] when it may be published, or when it does not exist). */
export async function missingMandatoryMetadata(dataset_uid: string): Promise<MissingMetadata[]> {
  const [dataset, templates] = await Promise.all([store().datasets.get(dataset_uid, { kind: "all" }), store().metadataTemplates.all()]);
  if (!dataset) return [];
  return missingMandatoryIn(dataset.metadata, templates);
}
