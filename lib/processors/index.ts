// Processors: the stack of transformations a dataset applies to every extracted record, before publishing and in
// the per-step preview. Pure (no database, no clock): importable from the server and from tests alike.
export { compileStack, listProcessorTypes, MAX_REPORTED_ERRORS, previewStack, validateProcessor, type RecordRun } from "@/lib/processors/engine";
export { EXPRESSION_FUNCTIONS } from "@/lib/processors/expression";
export { PROCESSOR_TYPES } from "@/lib/processors/registry";
export type { ProcessorParameter, ProcessorSpec, ProcessorTypeInfo, StepReport } from "@/lib/processors/types";
