// The schema as it flows through the stack: each step may add fields or change their type.
import type { FieldType, PreviewField } from "@/lib/extractors/types";

export const findField = (fields: PreviewField[], name: string): PreviewField | undefined => fields.find((field) => field.name === name);

/** The fields with `name` set to `type`: changed in place (keeping label and annotations) or appended. */
export function withField(fields: PreviewField[], name: string, type: FieldType): PreviewField[] {
  const index = fields.findIndex((field) => field.name === name);
  if (index === -1) return [...fields, { name, label: name, type, original_name: name, description: null, annotations: [] }];
  const field = fields[index]!;
  if (field.type === type) return fields;
  const copy = [...fields];
  copy[index] = { ...field, type };
  return copy;
}

export const missingFieldWarning = (name: string): string => `Field “${name}” does not exist: this processor does nothing.`;

// Technical names of fields a processor creates, as the Automation API names fields.
export const FIELD_NAME = /^[a-z0-9_]{1,100}$/;
