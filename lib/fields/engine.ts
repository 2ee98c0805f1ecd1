// The field configurations applied, in order, to the fields the extractor and the processors produce: the final
// schema, the warnings of the items that could not apply, and the mapping of records onto that schema. Pure and
// deterministic, so the console's preview and the publication give the same result.
// An item that cannot apply (its field is unknown, renamed or deleted by then; a name already taken; an
// annotation that does not fit the field's type) is a warning and is skipped, never an error: fields depend on
// the data, which can change under saved configurations.
import type { PreviewField } from "@/lib/extractors/types";
import { annotationMismatch } from "@/lib/fields/annotation-rules";
import { recordMapper, type FieldPlan, type MappedRecord } from "@/lib/fields/map-record";
import type { FieldConfigurationWrite } from "@/lib/fields/schema";

/** A field of the resulting schema. PreviewField already carries `annotations` and `description`. */
export type FieldSchemaField = PreviewField;

export type FieldWarning = { index: number; message: string };

export type FieldConfigurationResult = {
  fields: FieldSchemaField[];
  warnings: FieldWarning[];
  mapRecord(record: Record<string, unknown>): MappedRecord;
};

/** A field being configured: `source` is its key in the input records; annotations remember the item that set them. */
type Entry = { field: FieldSchemaField; source: string; annotatedBy: Map<string, number> };

const notFound = (name: string) => `No field "${name}" at this point (unknown, renamed or deleted): the item is ignored.`;

/** Applies the configuration items in order to the input fields. Items referring to a field that does not exist (any more) are warnings, not errors. */
export function applyFieldConfigurations(configs: FieldConfigurationWrite[], input: PreviewField[]): FieldConfigurationResult {
  let entries: Entry[] = input.map((field) => ({
    field: { ...field, annotations: field.annotations.map((a) => ({ name: a.name, args: [...a.args] })) },
    source: field.name,
    annotatedBy: new Map(),
  }));
  const warnings: FieldWarning[] = [];
  const find = (name: string) => entries.find((entry) => entry.field.name === name);

  configs.forEach((item, index) => {
    const warn = (message: string) => warnings.push({ index, message });
    if (item.type === "order") {
      const missing = item.args.filter((name) => !find(name));
      if (missing.length) warn(`Unknown fields in the order, ignored: ${missing.join(", ")}.`);
      const listed = item.args.flatMap((name) => find(name) ?? []);
      entries = [...listed, ...entries.filter((entry) => !listed.includes(entry))];
      return;
    }
    const name = item.type === "rename" ? item.from_name : item.field;
    const entry = find(name);
    if (!entry) return warn(notFound(name));
    const field = entry.field;
    switch (item.type) {
      case "rename":
        if (item.to_name !== item.from_name && find(item.to_name)) return warn(`A field named "${item.to_name}" already exists: the rename is ignored.`);
        field.name = item.to_name;
        field.label = item.field_label;
        return;
      case "type":
        // The contract lists `file`, but records hold no attachments to point at yet.
        if (item.type_param === "file") return warn(`The "file" type is not supported yet: field "${name}" keeps the type ${field.type}.`);
        field.type = item.type_param;
        return;
      case "annotate": {
        // Args are strings once stored, like the extractors' annotations; a second item replaces the first.
        const annotation = { name: item.annotation, args: (item.args ?? []).map(String) };
        const at = field.annotations.findIndex((a) => a.name === item.annotation);
        if (at >= 0) field.annotations[at] = annotation;
        else field.annotations.push(annotation);
        entry.annotatedBy.set(item.annotation, index);
        return;
      }
      case "description":
        field.description = item.description;
        return;
      case "delete":
        entries = entries.filter((e) => e !== entry);
        return;
    }
  });

  // Annotations are checked against the final type: a later `type` item may make an earlier annotation fit or not.
  for (const { field, annotatedBy } of entries) {
    field.annotations = field.annotations.filter((annotation) => {
      const index = annotatedBy.get(annotation.name);
      if (index === undefined) return true; // from upstream: not ours to judge
      const mismatch = annotationMismatch(annotation.name, annotation.args, field.type);
      if (mismatch) warnings.push({ index, message: `Field "${field.name}": ${mismatch}; the annotation is ignored.` });
      return !mismatch;
    });
  }
  warnings.sort((a, b) => a.index - b.index);

  const plan: FieldPlan[] = entries.map(({ field, source }) => {
    const multivalued = field.type === "text" ? field.annotations.find((a) => a.name === "multivalued") : undefined;
    return { name: field.name, source, type: field.type, separator: multivalued?.args[0] };
  });
  return { fields: entries.map((entry) => entry.field), warnings, mapRecord: recordMapper(plan) };
}
