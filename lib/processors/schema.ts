// Dataset processors of the Automation API v1 (API-CONTRACT.md §2.5): `{uid, type, label}` plus the type's
// parameters as free properties (`{"type": "string_replace", "label": "…", "field": "x", "old": "a", "new": "b"}`).
// zod only: the type-specific parameters are checked by the engine's registry (lib/processors/registry.ts).
import { z } from "zod";
import { datasetUidSchema } from "@/lib/datasets/schema";
import { parameterSchema } from "@/lib/resources/schema";

export const processorUidSchema = z.string().regex(/^pr_[a-z0-9]{6}$/);
export const processorUidParamsSchema = z.object({ dataset_uid: datasetUidSchema, processor_uid: processorUidSchema });

export const processorWriteSchema = z
  .object({
    type: z.string().trim().min(1).max(64).meta({ example: "string_replace" }),
    label: z.string().trim().min(1).max(256).meta({ example: "replace old value with new value" }),
  })
  .catchall(z.unknown())
  .meta({ id: "DatasetProcessorWrite", description: "The type's parameters are additional properties" });
export type ProcessorWrite = z.infer<typeof processorWriteSchema>;

export const processorSchema = z
  .object({ uid: z.string().meta({ example: "pr_qf2hyt" }), type: z.string(), label: z.string() })
  .catchall(z.unknown())
  .meta({ id: "DatasetProcessor" });
export type DatasetProcessor = z.infer<typeof processorSchema>;

export const processorTypeSchema = z
  .object({ type: z.string(), label: z.string(), description: z.string(), parameters: z.array(parameterSchema) })
  .meta({ id: "ProcessorType" });

export const stackListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Extension: the whole list in its new order. */
export const reorderSchema = z.object({ uids: z.array(processorUidSchema).max(1000) }).meta({ id: "StackOrder" });

/** Reserved wire properties: never parameters. */
export const PROCESSOR_WIRE_KEYS = new Set(["uid", "type", "label", "created_at", "updated_at"]);

/** `{type, label, ...params}` → its parts. */
export function splitProcessor(input: ProcessorWrite): { type: string; label: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (!PROCESSOR_WIRE_KEYS.has(key)) params[key] = value;
  return { type: input.type, label: input.label, params };
}
