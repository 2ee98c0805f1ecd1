// Shared helpers for the processor tests: schemas, validated processors, one-step runs, validation errors.
import { isAppError, type FieldErrors } from "@/lib/errors/app-error";
import type { FieldType, PreviewField } from "@/lib/extractors/types";
import { previewStack, validateProcessor } from "@/lib/processors/engine";
import type { ProcessorSpec, RecordValues } from "@/lib/processors/types";

export const field = (name: string, type: FieldType = "text"): PreviewField => ({
  name,
  label: name,
  type,
  original_name: name,
  description: null,
  annotations: [],
});

/** fields("a", ["n", "int"]) */
export const fields = (...specs: (string | [string, FieldType])[]): PreviewField[] =>
  specs.map((spec) => (typeof spec === "string" ? field(spec) : field(spec[0], spec[1])));

/** A processor that passed validation, as the service would store it. */
export const processor = (type: string, params: Record<string, unknown>): ProcessorSpec => validateProcessor({ type, params });

/** Runs a stack on records and returns the last step's report with its records. */
export function run(stack: ProcessorSpec | ProcessorSpec[], input: PreviewField[], records: RecordValues[]) {
  const { steps } = previewStack(Array.isArray(stack) ? stack : [stack], { fields: input, records });
  return steps.at(-1)!;
}

/** The field errors (English) of the validation error `fn` throws. */
export function validationErrors(fn: () => unknown): FieldErrors {
  try {
    fn();
  } catch (error) {
    if (isAppError(error) && error.code === "validation_error") return error.fieldErrors() ?? {};
    throw error;
  }
  throw new Error("expected a validation error");
}

export const typeOf = (list: PreviewField[], name: string): FieldType | undefined => list.find((f) => f.name === name)?.type;
