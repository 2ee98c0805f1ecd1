// Shapes of the processor engine: the Automation API `DatasetProcessor` parameters, the per-step reports of a
// preview, and the internal contract every processor type implements.
import type { Text } from "@/lib/errors/app-error";
import type { PreviewField } from "@/lib/extractors/types";

/** Same shape as `ExtractorParameter`, plus "field" (one field name) and "fields" (a list of field names). */
export type ProcessorParameter = {
  type: "string" | "integer" | "boolean" | "choice" | "field" | "fields";
  is_mandatory: boolean;
  name: string;
  label: string;
  default?: string;
  description?: string;
  choices?: string[];
};

export type ProcessorSpec = { type: string; label: string; params: Record<string, unknown> };

export type ProcessorTypeInfo = { type: string; label: string; description: string; parameters: ProcessorParameter[] };

export type StepReport = {
  fields: PreviewField[];
  error_count: number;
  /** The first MAX_REPORTED_ERRORS record errors; `record` is the record's index in the input. */
  errors: { record: number; message: string }[];
  skipped: number;
  warnings: string[];
};

/** A record keyed by field name. Values are string | number | boolean | null | arrays, or objects for geo_shape. */
export type RecordValues = Record<string, unknown>;

/** Parameters after the generic checks: declared names only, defaults filled in, values of the declared type. */
export type Params = Record<string, unknown>;

/** Validation errors keyed by parameter name. */
export type ParamErrors = Record<string, Text[]>;

export type Prepared<P> = { ok: true; value: P } | { ok: false; errors: ParamErrors };

/**
 * One step once compiled against its input schema. `apply` changes the record in place, pushes record errors
 * (English, for records_errors) onto `errors` and returns false to drop the record; null when the step is a no-op.
 */
export type CompiledStep = {
  fields: PreviewField[];
  warnings: string[];
  apply: ((record: RecordValues, errors: string[]) => boolean) | null;
};

/** A processor type with its type-specific parameter typing erased (see `defineProcessor`). */
export type ProcessorDefinition = {
  info: ProcessorTypeInfo;
  /** Checks beyond the declared parameter types (regular expressions, time zones…). */
  check(params: Params): ParamErrors | null;
  /** Prepares the parameters and compiles the step for an input schema. The parameters must have passed `check`. */
  compile(params: Params, input: PreviewField[]): CompiledStep;
};
