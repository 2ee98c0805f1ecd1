"use server";
// Console mutations on a dataset's processor stack. Thin: the action wrapper authenticates and validates,
// the service decides (edit right on the dataset, parameters checked by the processor registry).
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/http/server-action";
import { processorUidSchema, processorWriteSchema } from "@/lib/processors/schema";
import { processors } from "@/lib/processors/service";

const datasetRef = z.object({ dataset_uid: z.string().min(1) });
const processorRef = datasetRef.extend({ processor_uid: processorUidSchema });

export async function createProcessorAction(input: unknown): Promise<ActionResult<{ uid: string }>> {
  return runAction({ name: "createProcessor", schema: datasetRef.extend({ processor: processorWriteSchema }), input }, async (principal, { dataset_uid, processor }) => {
    const created = await processors.create(principal, dataset_uid, processor);
    return { uid: created.uid };
  });
}

export async function updateProcessorAction(input: unknown): Promise<ActionResult<{ uid: string }>> {
  return runAction({ name: "updateProcessor", schema: processorRef.extend({ processor: processorWriteSchema }), input }, async (principal, { dataset_uid, processor_uid, processor }) => {
    const updated = await processors.update(principal, dataset_uid, processor_uid, processor);
    return { uid: updated.uid };
  });
}

export async function deleteProcessorAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "deleteProcessor", schema: processorRef, input }, async (principal, { dataset_uid, processor_uid }) => {
    await processors.remove(principal, dataset_uid, processor_uid);
    return null;
  });
}

export async function reorderProcessorsAction(input: unknown): Promise<ActionResult<{ uids: string[] }>> {
  return runAction({ name: "reorderProcessors", schema: datasetRef.extend({ uids: z.array(processorUidSchema).max(1000) }), input }, async (principal, { dataset_uid, uids }) => {
    const items = await processors.reorder(principal, dataset_uid, uids);
    return { uids: items.map((i) => i.uid) };
  });
}
