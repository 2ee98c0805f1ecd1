// The schema of a dataset's values for one template, built from the template's fields: used by the API's
// metadata writes, the dataset writes (default and internal templates) and the console's metadata editor.
// zod only, importable anywhere.
import type { z } from "zod";
import { fieldValueSchema, type FieldRules } from "@/lib/metadata/field-value";
import { REQUIRED_ON_SAVE, type SystemTemplate } from "@/lib/metadata/system-templates";
import { isBlankValue, templateInputSchema, type TemplateFieldSpec } from "@/lib/metadata/value-schema";

export type TemplateRules = { name: string; fields: readonly FieldRules[] };

/** One template's values: { field: { value, override_remote_value? } }, unknown fields refused, blanks dropped. */
export function templateValuesSchema(template: TemplateRules) {
  const required = new Set(REQUIRED_ON_SAVE[template.name] ?? []);
  const specs: Record<string, TemplateFieldSpec> = Object.fromEntries(
    template.fields.map((field) => [field.name, { schema: fieldValueSchema(field, template.name), required: required.has(field.name) }]),
  );
  return templateInputSchema(specs) as z.ZodType<Record<string, { value: unknown; override_remote_value?: boolean }>, unknown>;
}

/** The static version for a system template (its fields never change). */
export function systemTemplateValuesSchema(template: SystemTemplate) {
  return templateValuesSchema({ name: template.name, fields: template.fields });
}

/** A value counts as blank when nothing was given, in any language for i18n values. */
export function isBlankMetadataValue(value: unknown): boolean {
  if (isBlankValue(typeof value === "string" ? value.trim() : value)) return true;
  if (value && typeof value === "object" && !Array.isArray(value) && !("type" in value)) {
    const values = Object.values(value as Record<string, unknown>);
    return values.length === 0 || values.every((v) => isBlankValue(typeof v === "string" ? v.trim() : v));
  }
  return false;
}

/** Field errors with paths below a value ("keyword.value.2", "summary.value.fr") reported on the value itself. */
export function collapseValuePaths(errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(errors)) {
    const parts = path.split(".");
    const at = parts.indexOf("value");
    const key = at >= 0 ? parts.slice(0, at + 1).join(".") : path;
    out[key] = [...new Set([...(out[key] ?? []), ...messages])];
  }
  return out;
}
