// Building blocks for dataset metadata: every metadata is wrapped in a DatasetMetadataValue
// ({ value, remote_value?, override_remote_value? }) and grouped by template.
import { z } from "zod";

/** "No value" on input: absent, null, a blank string or an empty list. Such fields are dropped, not stored. */
export function isBlankValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

export function metadataValueSchema<T extends z.ZodType>(value: T) {
  return z.object({
    value,
    // Only meaningful for datasets linked to a remote source; read-only on input.
    remote_value: value.optional(),
    override_remote_value: z.boolean().optional(),
  });
}

export type TemplateFieldSpec = { readonly schema: z.ZodType; readonly required?: boolean };

type Wrapped<S extends z.ZodType> = { value: z.output<S>; override_remote_value?: boolean };
type RequiredKeys<F> = { [K in keyof F]: F[K] extends { required: true } ? K : never }[keyof F];

/** What a template's input schema produces: required fields present, the others optional. */
export type TemplateValues<F extends Record<string, TemplateFieldSpec>> = {
  [K in RequiredKeys<F>]: Wrapped<F[K]["schema"]>;
} & {
  [K in Exclude<keyof F, RequiredKeys<F>>]?: Wrapped<F[K]["schema"]>;
};

/**
 * A template's input schema: known fields are typed, unknown fields are refused, blank optional values are
 * dropped, and a blank required field is reported on its `value` so forms can show it next to the input.
 */
export function templateInputSchema<F extends Record<string, TemplateFieldSpec>>(fields: F): z.ZodType<TemplateValues<F>, unknown> {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([name, spec]) => {
      const wrapped = z.object({ value: spec.schema, override_remote_value: z.boolean().optional() });
      return [name, spec.required ? wrapped : wrapped.optional()];
    }),
  );

  // Typed by TemplateValues: the preprocess step hides the field types from inference.
  return z.preprocess(
    (input) => {
      if (!input || typeof input !== "object" || Array.isArray(input)) return input;
      const out: Record<string, unknown> = {};
      for (const [name, entry] of Object.entries(input as Record<string, unknown>)) {
        const value = entry && typeof entry === "object" && !Array.isArray(entry) ? (entry as { value?: unknown }).value : entry;
        const trimmed = typeof value === "string" ? value.trim() : value;
        if (isBlankValue(trimmed)) {
          if (fields[name]?.required) out[name] = { ...(entry as object), value: undefined };
          continue;
        }
        out[name] = entry && typeof entry === "object" && !Array.isArray(entry) ? { ...(entry as object), value: trimmed } : entry;
      }
      for (const [name, spec] of Object.entries(fields)) {
        if (spec.required && !(name in out)) out[name] = { value: undefined };
      }
      return out;
    },
    z.strictObject(shape),
  ) as unknown as z.ZodType<TemplateValues<F>, unknown>;
}

/** A template we do not type yet (custom templates, visualization…): any JSON value per field. */
export const looseTemplateSchema = z.record(
  z.string().min(1),
  z.object({ value: z.unknown(), override_remote_value: z.boolean().optional() }),
);
