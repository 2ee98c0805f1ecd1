// Processor values between the wire shape (`{type, label, ...params}`), the form (`{label, params}`) and the
// one-line summary of a step's parameters.
import { cellText } from "@/components/resources/cell-text";
import { cleanParams } from "@/components/resources/resource-form-values";
import { processorParams, type ProcessorParameter, type ProcessorTypeInfo, type ProcessorWrite } from "@/components/processing/processing-api";

export type ProcessorFormValues = { label: string; params: Record<string, unknown> };

/** A declared default (always text) as the form value of its parameter. */
function defaultValue(parameter: ProcessorParameter): unknown {
  const raw = parameter.default;
  if (raw === undefined) return parameter.type === "boolean" ? false : undefined;
  switch (parameter.type) {
    case "boolean":
      return raw === "true";
    case "integer":
      return Number.isNaN(Number(raw)) ? undefined : Number(raw);
    case "fields":
      return raw ? raw.split(",").map((name) => name.trim()) : undefined;
    default:
      return raw;
  }
}

export function initialFormValues(type: ProcessorTypeInfo, processor?: Record<string, unknown>): ProcessorFormValues {
  if (processor) return { label: String(processor.label ?? type.label), params: processorParams(processor) };
  return { label: type.label, params: Object.fromEntries(type.parameters.map((p) => [p.name, defaultValue(p)]).filter(([, v]) => v !== undefined)) };
}

/** The form's values as a processor write; a blank label becomes the type's. */
export function toProcessorWrite(type: ProcessorTypeInfo, values: ProcessorFormValues): ProcessorWrite {
  const label = values.label?.trim() || type.label;
  return { ...cleanParams(values.params), type: type.type, label };
}

/** "Field: city · Text to find: a" — the parameters that are set, in their declared order. */
export function summarizeParams(processor: Record<string, unknown>, type: ProcessorTypeInfo | undefined, labels: { yes: string; no: string }): string {
  const params = processorParams(processor);
  const declared = type?.parameters ?? Object.keys(params).map((name) => ({ name, label: name, type: "string" }) as ProcessorParameter);
  const parts: string[] = [];
  for (const parameter of declared) {
    const value = params[parameter.name];
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    const text = typeof value === "boolean" ? (value ? labels.yes : labels.no) : Array.isArray(value) ? value.map(cellText).join(", ") : cellText(value);
    parts.push(`${parameter.label}: ${text}`);
  }
  return parts.join(" · ");
}
