// What each field annotation (API-CONTRACT.md §2.6) expects, in one table read by both sides: the schema checks
// the arguments (they depend only on the item), the engine checks the field's type (known only once the
// extractor, the processors and the earlier items have run). zod-free so the engine does not need zod.

export const ANNOTATIONS = ["id", "timeserie_precision", "unit", "decimals", "sortable", "multivalued", "hierarchical", "facet"] as const;
export type AnnotationName = (typeof ANNOTATIONS)[number];

/** The types a `type` item may give (the contract's `type_param`). `file` is accepted but not applied yet. */
export const FIELD_TYPE_PARAMS = ["text", "int", "double", "geo_point_2d", "geo_shape", "date", "datetime", "file"] as const;
export type FieldTypeParam = (typeof FIELD_TYPE_PARAMS)[number];

export const TIMESERIE_PRECISIONS = ["year", "month", "day", "hour", "minute"] as const;
const TIME_OF_DAY_PRECISIONS: readonly string[] = ["hour", "minute"];

export const MAX_DECIMALS = 15;
export const MAX_SEPARATOR_LENGTH = 8;
export const MAX_UNIT_LENGTH = 64;

/** The arguments an annotation takes: none, or exactly one of a given kind. */
export type ArgRule =
  | { kind: "none" }
  | { kind: "choice"; values: readonly string[] }
  | { kind: "integer"; min: number; max: number }
  | { kind: "text"; max: number };

export const ANNOTATION_ARGS: Record<AnnotationName, ArgRule> = {
  id: { kind: "none" },
  timeserie_precision: { kind: "choice", values: TIMESERIE_PRECISIONS },
  unit: { kind: "text", max: MAX_UNIT_LENGTH },
  decimals: { kind: "integer", min: 0, max: MAX_DECIMALS },
  sortable: { kind: "none" },
  multivalued: { kind: "text", max: MAX_SEPARATOR_LENGTH },
  hierarchical: { kind: "text", max: MAX_SEPARATOR_LENGTH },
  // Extension: the console's Explore filters need to know which fields are facets (no arguments).
  facet: { kind: "none" },
};

/**
 * Field types each annotation applies to; `null` = any. The contract's "decimal" is our `double`. `facet` is an
 * extension: everything that can be listed as distinct values or ranges, not geometries.
 */
const ANNOTATION_TYPES: Record<AnnotationName, readonly string[] | null> = {
  id: null,
  timeserie_precision: ["date", "datetime"],
  unit: ["int", "double"],
  decimals: ["double"],
  sortable: ["text"],
  multivalued: ["text"],
  hierarchical: ["text"],
  facet: ["text", "int", "double", "boolean", "date", "datetime"],
};

const isAnnotation = (name: string): name is AnnotationName => (ANNOTATIONS as readonly string[]).includes(name);

/** Why an annotation does not fit a field of this type (English, for warnings), or null when it does. */
export function annotationMismatch(annotation: string, args: readonly string[], fieldType: string): string | null {
  if (!isAnnotation(annotation)) return null; // annotations we do not know (from elsewhere) are left alone
  const types = ANNOTATION_TYPES[annotation];
  if (types && !types.includes(fieldType)) {
    return `the "${annotation}" annotation applies to ${types.join(", ")} fields, not ${fieldType}`;
  }
  // A date has no time of day: only a datetime can be shown to the hour or the minute.
  if (annotation === "timeserie_precision" && fieldType === "date" && TIME_OF_DAY_PRECISIONS.includes(args[0] ?? "")) {
    return `the "${args[0]}" precision applies to datetime fields, not date`;
  }
  return null;
}
