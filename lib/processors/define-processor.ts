// How a processor type is declared: its schema, how its parameters are prepared (regular expressions compiled,
// expressions parsed…) and how it compiles against an input schema. Preparation runs once per validation and
// once per compiled stack, never per record.
import type { PreviewField } from "@/lib/extractors/types";
import { findField, missingFieldWarning } from "@/lib/processors/fields";
import type { CompiledStep, Params, Prepared, ProcessorDefinition, ProcessorParameter } from "@/lib/processors/types";

type Declaration<P> = {
  type: string;
  label: string;
  description: string;
  parameters: ProcessorParameter[];
  /** Type-specific checks and preparation of parameters that passed the generic checks. */
  prepare(params: Params): Prepared<P>;
  /** The fields the step reads: if one is missing, the step warns and does nothing (the data decides, not the config). */
  inputs(prepared: P): string[];
  /** Called only when every input field exists. */
  compile(prepared: P, input: PreviewField[]): Omit<CompiledStep, "warnings"> & { warnings?: string[] };
};

export function defineProcessor<P>(declaration: Declaration<P>): ProcessorDefinition {
  const { type, label, description, parameters } = declaration;
  const prepare = (params: Params): P => {
    const prepared = declaration.prepare(params);
    // compile() is only given parameters that passed check(): failing here is a programming error.
    if (!prepared.ok) throw new Error(`Invalid parameters for the ${type} processor.`);
    return prepared.value;
  };
  return {
    info: { type, label, description, parameters },
    check: (params) => {
      const prepared = declaration.prepare(params);
      return prepared.ok ? null : prepared.errors;
    },
    compile: (params, input) => {
      const prepared = prepare(params);
      const missing = [...new Set(declaration.inputs(prepared))].filter((name) => !findField(input, name));
      if (missing.length > 0) return { fields: input, warnings: missing.map(missingFieldWarning), apply: null };
      const step = declaration.compile(prepared, input);
      return { fields: step.fields, warnings: step.warnings ?? [], apply: step.apply };
    },
  };
}

/** Shorthands for the common parameter shapes. */
export const fieldParam = (name: string, label: string, description: string, is_mandatory = true): ProcessorParameter => ({
  type: "field",
  is_mandatory,
  name,
  label,
  description,
});

export const textParam = (name: string, label: string, description: string, options: { is_mandatory?: boolean; default?: string } = {}): ProcessorParameter => ({
  type: "string",
  is_mandatory: options.is_mandatory ?? false,
  name,
  label,
  description,
  ...(options.default !== undefined ? { default: options.default } : {}),
});

export const ok = <P>(value: P): Prepared<P> => ({ ok: true, value });
