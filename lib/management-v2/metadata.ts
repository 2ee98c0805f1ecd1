// A dataset's metadata as Management API v2 metadata objects (API-CONTRACT.md §4.4): each value with its
// template ({ name, label, purpose }) and its definition (the form object), from the domain's templates.
import type { DatasetMetadata } from "@/lib/datasets/schema";
import type { MetadataValue } from "@/lib/metadata/dataset-metadata";
import type { MetadataFieldType, MetadataTemplateType } from "@/lib/metadata/template-schema";
import type { StoredMetadataTemplate, StoredTemplateField } from "@/lib/store/types";
import type { V2Metadata } from "@/lib/management-v2/schema";

type Purpose = V2Metadata["template"]["purpose"];

/** general: describes the dataset to its users; interop: follows a norm (DCAT, INSPIRE); admin: publishers only. */
const PURPOSES: Record<MetadataTemplateType, Purpose> = { basic: "general", extra: "general", interop: "interop", admin: "admin" };

/** Our field types as the v2 form types and widgets (the documented ones where one fits, ours otherwise). */
const FORMS: Record<MetadataFieldType, { type: string; widget: string }> = {
  text: { type: "text", widget: "textinput" },
  longstring: { type: "text", widget: "textinput" },
  multitext: { type: "multitext", widget: "multitextinput" },
  list: { type: "multitext", widget: "tags" },
  html: { type: "html", widget: "richtextinput" },
  date: { type: "date", widget: "dateinput" },
  datetime: { type: "datetime", widget: "datetimeinput" },
  enum: { type: "text", widget: "select" },
  uri_enum: { type: "text", widget: "select" },
  enumlist: { type: "multitext", widget: "multiselect" },
  uri_enumlist: { type: "multitext", widget: "multiselect" },
  geo_area: { type: "multitext", widget: "geographicarea" },
  geo_shape: { type: "geo_shape", widget: "textinput" },
  boolean: { type: "boolean", widget: "checkbox" },
  int: { type: "int", widget: "textinput" },
  double: { type: "double", widget: "textinput" },
};

export function templatePurpose(template: Pick<StoredMetadataTemplate, "type">): Purpose {
  return PURPOSES[template.type];
}

export function metadataObject(template: StoredMetadataTemplate, field: StoredTemplateField, entry: MetadataValue | undefined): V2Metadata {
  const form = FORMS[field.type];
  // a choice among the listed ones is a select; suggested values on free text are a datalist
  const widget = form.widget === "textinput" && field.choices?.length ? "datalist" : form.widget;
  return {
    name: field.name,
    template: { name: template.name, label: template.title, purpose: templatePurpose(template) },
    definition: { name: field.name, type: form.type, label: field.label ?? field.name, widget: { type: widget }, choices: field.choices ?? null, help_text: field.help_text ?? null },
    value: entry?.value ?? null,
    remote_value: entry?.remote_value ?? null,
    override_remote_value: entry?.override_remote_value ?? false,
  };
}

/** The values the dataset has, in the templates' order; values of templates or fields that no longer exist are left out. */
export function metadataObjects(metadata: DatasetMetadata, templates: readonly StoredMetadataTemplate[], options: { admin: boolean }): V2Metadata[] {
  const out: V2Metadata[] = [];
  for (const template of templates) {
    if (!options.admin && templatePurpose(template) === "admin") continue;
    const values = (metadata as Record<string, Record<string, MetadataValue> | undefined>)[template.name];
    if (!values) continue;
    for (const field of template.fields) {
      const entry = values[field.name];
      if (entry !== undefined) out.push(metadataObject(template, field, entry));
    }
  }
  return out;
}
