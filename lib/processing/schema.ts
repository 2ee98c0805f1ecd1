// The per-step processing preview (our extension of the Automation API): input and answer. zod only.
import { z } from "zod";
import { fieldConfigurationWriteSchema } from "@/lib/fields/schema";
import { processorWriteSchema } from "@/lib/processors/schema";
import { previewFieldSchema } from "@/lib/resources/schema";

export const processingPreviewInputSchema = z
  .object({
    resource_uid: z.string().regex(/^re_[a-z0-9]{6}$/).optional().meta({ description: "Default: the dataset's first resource" }),
    processors: z.array(processorWriteSchema).max(100).optional().meta({ description: "A stack to try instead of the saved one" }),
    fields: z.array(fieldConfigurationWriteSchema).max(500).optional().meta({ description: "Field configurations to try instead of the saved ones" }),
  })
  .meta({ id: "ProcessingPreviewInput" });
export type ProcessingPreviewInput = z.infer<typeof processingPreviewInputSchema>;

const fieldsSchema = z.array(previewFieldSchema.extend({ annotations: z.array(z.object({ name: z.string(), args: z.array(z.string()) })) }).loose());
const recordsSchema = z.array(z.record(z.string(), z.unknown()));
const recordErrors = z.array(z.object({ record: z.number().int(), message: z.string() }));

export const processingPreviewSchema = z
  .object({
    resource_uid: z.string(),
    source: z.object({ fields: fieldsSchema, records: recordsSchema }),
    steps: z.array(
      z.object({
        uid: z.string().nullable(),
        type: z.string(),
        label: z.string(),
        fields: fieldsSchema,
        records: recordsSchema,
        error_count: z.number().int(),
        errors: recordErrors,
        skipped: z.number().int(),
        warnings: z.array(z.string()),
      }),
    ),
    result: z.object({
      fields: fieldsSchema,
      records: recordsSchema,
      error_count: z.number().int(),
      errors: recordErrors,
      warnings: z.array(z.object({ index: z.number().int(), message: z.string() })),
    }),
  })
  .meta({ id: "ProcessingPreview" });
export type ProcessingPreview = z.infer<typeof processingPreviewSchema>;
