// The processor engine: validates processor configurations and applies a dataset's stack of processors, in order,
// to records. Pure and deterministic (no clock, no randomness, no I/O), so the same stack gives the same records
// in the preview and at publish time.
import { AppError, msg, type Text } from "@/lib/errors/app-error";
import type { PreviewField } from "@/lib/extractors/types";
import { normalizeParams } from "@/lib/processors/params";
import { definitionOf, PROCESSOR_TYPES, PROCESSORS } from "@/lib/processors/registry";
import type { CompiledStep, ParamErrors, ProcessorSpec, ProcessorTypeInfo, RecordValues, StepReport } from "@/lib/processors/types";

export type { ProcessorParameter, ProcessorSpec, ProcessorTypeInfo, StepReport } from "@/lib/processors/types";

/** Record errors kept per step in a preview report (all are counted). */
export const MAX_REPORTED_ERRORS = 20;
// Same bound as the DatasetProcessor write schema (schema.ts).
const MAX_LABEL_LENGTH = 256;

export function listProcessorTypes(): ProcessorTypeInfo[] {
  // A copy: callers may decorate the list (translations…) without touching the registry.
  return structuredClone(PROCESSORS.map((definition) => definition.info));
}

/**
 * Checks a processor's type and parameters; returns normalized params (declared names only, defaults filled in,
 * typed values). Throws AppError("validation_error") with fieldErrors keyed by parameter name, or "type" /
 * "label". Does not check that referenced fields exist: that depends on the data.
 */
export function validateProcessor(spec: { type: unknown; label?: unknown; params: Record<string, unknown> }): ProcessorSpec {
  const definition = definitionOf(spec.type);
  const invalid = (fieldErrors: Record<string, Text[]>) => new AppError("validation_error", msg("processors.invalid"), { fieldErrors });
  if (!definition) throw invalid({ type: [msg("processors.unknown_type", { type: String(spec.type), types: PROCESSOR_TYPES.join(", ") })] });

  // Null prototype: a parameter named "__proto__" must be reported, not become the prototype.
  const errors: ParamErrors = Object.create(null);
  const given = typeof spec.label === "string" ? spec.label.trim() : spec.label;
  let label = definition.info.label;
  if (typeof given === "string" && given !== "" && given.length <= MAX_LABEL_LENGTH) label = given;
  else if (given !== undefined && given !== null && given !== "") errors.label = [msg("processors.label", { max: MAX_LABEL_LENGTH })];

  const raw: unknown = spec.params;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw invalid({ ...errors, params: [msg("processors.not_object")] });
  const normalized = normalizeParams(definition.info.type, definition.info.parameters, raw as Record<string, unknown>);
  Object.assign(errors, normalized.errors);
  // Type-specific checks need every parameter well typed.
  if (Object.keys(normalized.errors).length === 0) Object.assign(errors, definition.check(normalized.params));
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return { type: definition.info.type, label, params: normalized.params };
}

/**
 * A step for a stored processor, without throwing: a processor stored before a rule changed, or written around
 * the API, must not break a publish. It becomes a warning and a no-op instead.
 */
function compileStep(spec: ProcessorSpec, input: PreviewField[]): CompiledStep {
  const definition = definitionOf(spec.type);
  if (!definition) return { fields: input, warnings: [`Unknown processor “${spec.type}”: this processor does nothing.`], apply: null };
  const { params, errors } = normalizeParams(definition.info.type, definition.info.parameters, spec.params ?? {});
  const invalid = Object.keys(errors).length > 0 ? errors : definition.check(params);
  if (invalid) return { fields: input, warnings: [`Invalid parameters (${Object.keys(invalid).join(", ")}): this processor does nothing.`], apply: null };
  return definition.compile(params, input);
}

function compileSteps(stack: ProcessorSpec[], input: PreviewField[]): CompiledStep[] {
  const steps: CompiledStep[] = [];
  let fields = input;
  for (const spec of stack) {
    const step = compileStep(spec, fields);
    steps.push(step);
    fields = step.fields;
  }
  return steps;
}

type Apply = NonNullable<CompiledStep["apply"]>;

/** Runs one step on one record. A processor bug must not abort a publish: it becomes a record error too. */
function applyStep(apply: Apply, record: RecordValues, messages: string[]): boolean {
  try {
    return apply(record, messages);
  } catch (error) {
    messages.push(`The processor failed on this record: ${error instanceof Error ? error.message : String(error)}`);
    return true;
  }
}

export type RecordRun = { record: RecordValues | null; errors: { step: number; message: string }[] };

/**
 * Compiles the stack once for an input schema: per step the output fields and warnings, and a per-record function.
 * `run` never changes the record it is given, never throws for bad data, and returns null for a skipped record;
 * `errors[].step` is the 0-based position in the stack. `index` is the record's position in the resource.
 */
export function compileStack(
  stack: ProcessorSpec[],
  input: PreviewField[],
): { steps: { fields: PreviewField[]; warnings: string[] }[]; output: PreviewField[]; run(record: RecordValues, index: number): RecordRun } {
  const steps = compileSteps(stack, input);
  const appliers = steps.map((step) => step.apply);
  // Reused by every record: run() is synchronous, so two records never use it at the same time.
  const messages: string[] = [];
  return {
    steps: steps.map(({ fields, warnings }) => ({ fields, warnings })),
    output: steps.at(-1)?.fields ?? input,
    run(record) {
      const out = { ...record };
      const errors: RecordRun["errors"] = [];
      for (let step = 0; step < appliers.length; step += 1) {
        const apply = appliers[step];
        if (!apply) continue;
        messages.length = 0;
        const keep = applyStep(apply, out, messages);
        for (const message of messages) errors.push({ step, message });
        if (!keep) return { record: null, errors };
      }
      return { record: out, errors };
    },
  };
}

/** Applies the stack to preview records, keeping each step's records and report (for the per-step preview). */
export function previewStack(
  stack: ProcessorSpec[],
  input: { fields: PreviewField[]; records: RecordValues[] },
): { steps: (StepReport & { records: RecordValues[] })[]; output: { fields: PreviewField[]; records: RecordValues[] } } {
  const steps = compileSteps(stack, input.fields);
  let records = input.records;
  // Position of each surviving record in the input, so that errors point at the record the user sees first.
  let positions = records.map((_, index) => index);
  const messages: string[] = [];
  const reports = steps.map(({ fields, warnings, apply }) => {
    const report: StepReport & { records: RecordValues[] } = { fields, error_count: 0, errors: [], skipped: 0, warnings, records: [] };
    const kept: number[] = [];
    records.forEach((record, i) => {
      const out = { ...record };
      messages.length = 0;
      const keep = apply ? applyStep(apply, out, messages) : true;
      for (const message of messages) {
        report.error_count += 1;
        if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ record: positions[i]!, message });
      }
      if (!keep) {
        report.skipped += 1;
        return;
      }
      report.records.push(out);
      kept.push(positions[i]!);
    });
    records = report.records;
    positions = kept;
    return report;
  });
  return { steps: reports, output: { fields: steps.at(-1)?.fields ?? input.fields, records } };
}
