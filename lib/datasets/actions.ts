"use server";
// Console mutations on datasets. Thin: the action wrapper authenticates and validates, the service decides.
// Every export here is a public endpoint: each one validates everything it receives.
import { z } from "zod";
import { createDataset, deleteDataset, updateDataset } from "@/lib/datasets/service";
import { datasetWriteSchema } from "@/lib/datasets/schema";
import { runAction, type ActionResult } from "@/lib/http/server-action";

const updateSchema = z.object({
  dataset_uid: z.string().min(1),
  expected_updated_at: z.iso.datetime(),
  dataset: datasetWriteSchema,
});

export async function createDatasetAction(input: unknown): Promise<ActionResult<{ uid: string }>> {
  return runAction({ name: "createDataset", schema: datasetWriteSchema, input, anyOf: ["create_dataset"] }, async (principal, dataset) => {
    const created = await createDataset(principal, dataset);
    return { uid: created.uid };
  });
}

export async function updateDatasetAction(input: unknown): Promise<ActionResult<{ uid: string; updated_at: string }>> {
  return runAction({ name: "updateDataset", schema: updateSchema, input }, async (principal, { dataset_uid, expected_updated_at, dataset }) => {
    const updated = await updateDataset(principal, dataset_uid, dataset, { expected_updated_at });
    return { uid: updated.uid, updated_at: updated.updated_at };
  });
}

export async function deleteDatasetAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "deleteDataset", schema: z.object({ dataset_uid: z.string().min(1) }), input }, async (principal, { dataset_uid }) => {
    await deleteDataset(principal, dataset_uid);
    return null;
  });
}
