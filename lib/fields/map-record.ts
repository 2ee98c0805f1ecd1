// Records through the field configurations: keyed by the final names, in the final order, with each value in
// its field's type. A value that does not convert becomes null and an error: one bad cell never drops a record.
import type { FieldType } from "@/lib/extractors/types";
import { asText, NOT_CONVERTED, toFieldValue } from "@/lib/fields/convert-value";

/** One output field: where its value comes from in the input record and what it becomes. */
export type FieldPlan = { name: string; source: string; type: FieldType; separator?: string };

/** `field`: the output field whose value did not convert (records_errors name it). */
export type MappedRecord = { record: Record<string, unknown>; errors: { field: string; message: string }[] };

const MAX_SHOWN = 50;

/** The value as errors quote it: JSON (so "" and "1" read as strings), cut to 50 characters. */
export function quoteValue(value: unknown): string {
  const text = typeof value === "string" ? value : asText(value);
  return JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);
}

/** A multivalued text field's values: separated and trimmed, the empty ones dropped. */
function splitValues(value: unknown, separator: string): unknown {
  const parts = Array.isArray(value) ? value.map(asText) : typeof value === "string" ? value.split(separator) : null;
  if (!parts) return value;
  const values = parts.map((part) => part.trim()).filter((part) => part !== "");
  return values.length ? values : null;
}

export function recordMapper(plan: FieldPlan[]): (record: Record<string, unknown>) => MappedRecord {
  return (input) => {
    const record: Record<string, unknown> = {};
    const errors: MappedRecord["errors"] = [];
    for (const field of plan) {
      const raw = input[field.source];
      // JSON arrays are already multiple values: split them as a list, not as their text.
      if (field.separator !== undefined && Array.isArray(raw)) {
        record[field.name] = splitValues(raw, field.separator);
        continue;
      }
      const converted = toFieldValue(raw, field.type);
      if (converted === NOT_CONVERTED) {
        errors.push({ field: field.name, message: `Field "${field.name}": ${quoteValue(raw)} is not a valid ${field.type}.` });
        record[field.name] = null;
        continue;
      }
      record[field.name] = field.separator !== undefined && converted !== null ? splitValues(converted, field.separator) : converted;
    }
    return { record, errors };
  };
}
