// Between a template's API values ({ field: { value } }) and what the generated form edits (strings for numbers
// and JSON, "true"/"false"/"" for booleans, one string per language for i18n fields), and the form's resolver:
// the template's own zod schema (lib/metadata/template-values.ts), its errors placed on each field's value.
import type { FieldErrors, Resolver } from "react-hook-form";
import { fieldErrorsFromZod, zodErrorMap } from "@/lib/errors/zod-messages";
import type { Translate } from "@/lib/i18n/translator";
import { LIST_TYPES, type MetadataTemplateField } from "@/lib/metadata/template-schema";
import { collapseValuePaths, templateValuesSchema } from "@/lib/metadata/template-values";

export type FormField = Pick<MetadataTemplateField, "name" | "type" | "choices" | "i18n" | "help_text" | "requirement_level" | "self_suggest" | "labels"> & { label: string | null };
export type FormEntry = { value: unknown; override_remote_value?: boolean; remote_value?: unknown };
export type FormValues = Record<string, FormEntry>;

const isList = (field: FormField) => LIST_TYPES.includes(field.type);

function toFormValue(field: FormField, value: unknown): unknown {
  if (field.i18n && !isList(field)) {
    if (value && typeof value === "object" && !Array.isArray(value)) return value;
    return typeof value === "string" ? { "": value } : { "": "" };
  }
  if (isList(field)) return Array.isArray(value) ? value.map(String) : [];
  switch (field.type) {
    case "boolean":
      return value === true ? "true" : value === false ? "false" : "";
    case "int":
    case "double":
      return typeof value === "number" ? String(value) : "";
    case "geo_shape":
      return value && typeof value === "object" ? JSON.stringify(value) : "";
    default:
      return typeof value === "string" ? value : "";
  }
}

function fromFormValue(field: FormField, value: unknown): unknown {
  if (field.i18n && !isList(field) && value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, string>).filter(([, v]) => typeof v === "string" && v.trim() !== "");
    // only the untranslated value: a plain value
    if (entries.length === 1 && entries[0]![0] === "") return entries[0]![1];
    return entries.length ? Object.fromEntries(entries.map(([lang, v]) => [lang || "en", v])) : null;
  }
  if (typeof value !== "string") return value;
  if (value.trim() === "") return null;
  switch (field.type) {
    case "boolean":
      return value === "true";
    case "int":
    case "double":
      return Number.isNaN(Number(value)) ? value : Number(value);
    case "geo_shape":
      try {
        return JSON.parse(value);
      } catch {
        return value;
      }
    default:
      return value;
  }
}

export function toFormValues(fields: readonly FormField[], values: Record<string, FormEntry | undefined>): FormValues {
  return Object.fromEntries(
    fields.map((f) => {
      const entry = values[f.name];
      return [f.name, { ...(entry ?? {}), value: toFormValue(f, entry?.value) }];
    }),
  );
}

/** What the API takes: values converted back, read-only remote values left out. */
export function fromFormValues(fields: readonly FormField[], form: FormValues): Record<string, { value: unknown; override_remote_value?: boolean }> {
  return Object.fromEntries(
    fields.map((f) => {
      const entry = form[f.name] ?? { value: null };
      return [f.name, { value: fromFormValue(f, entry.value), ...(entry.override_remote_value !== undefined ? { override_remote_value: entry.override_remote_value } : {}) }];
    }),
  );
}

/** The resolver of a generated form: the template's schema, errors on "<field>.value". */
export function templateResolver(template: string, fields: readonly FormField[], t: Translate): Resolver<FormValues> {
  const schema = templateValuesSchema({ name: template, fields });
  return async (form) => {
    const result = schema.safeParse(fromFormValues(fields, form), { error: zodErrorMap(t) });
    if (result.success) return { values: form, errors: {} };
    const errors: Record<string, { value: { type: string; message: string } }> = {};
    for (const [path, messages] of Object.entries(collapseValuePaths(fieldErrorsFromZod(result.error)))) {
      const name = path.split(".")[0]!;
      errors[name] = { value: { type: "validation", message: messages[0]! } };
    }
    return { values: {}, errors: errors as unknown as FieldErrors<FormValues> };
  };
}
