"use server";
// Console mutations on a dataset's field configurations. Thin: the action wrapper authenticates and validates
// with the same zod schema as the API, the service checks the edit right.
import { z } from "zod";
import { fieldConfigurationWriteSchema } from "@/lib/fields/schema";
import { fieldConfigurations } from "@/lib/fields/service";
import { runAction, type ActionResult } from "@/lib/http/server-action";
import { processorUidSchema } from "@/lib/processors/schema";

const datasetRef = z.object({ dataset_uid: z.string().min(1) });
const fieldRef = datasetRef.extend({ field_uid: processorUidSchema });

export async function createFieldConfigurationAction(input: unknown): Promise<ActionResult<{ uid: string }>> {
  return runAction({ name: "createFieldConfiguration", schema: datasetRef.extend({ field: fieldConfigurationWriteSchema }), input }, async (principal, { dataset_uid, field }) => {
    const created = await fieldConfigurations.create(principal, dataset_uid, field);
    return { uid: created.uid };
  });
}

export async function updateFieldConfigurationAction(input: unknown): Promise<ActionResult<{ uid: string }>> {
  return runAction({ name: "updateFieldConfiguration", schema: fieldRef.extend({ field: fieldConfigurationWriteSchema }), input }, async (principal, { dataset_uid, field_uid, field }) => {
    const updated = await fieldConfigurations.update(principal, dataset_uid, field_uid, field);
    return { uid: updated.uid };
  });
}

export async function deleteFieldConfigurationAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "deleteFieldConfiguration", schema: fieldRef, input }, async (principal, { dataset_uid, field_uid }) => {
    await fieldConfigurations.remove(principal, dataset_uid, field_uid);
    return null;
  });
}

export async function reorderFieldConfigurationsAction(input: unknown): Promise<ActionResult<{ uids: string[] }>> {
  return runAction({ name: "reorderFieldConfigurations", schema: datasetRef.extend({ uids: z.array(processorUidSchema).max(1000) }), input }, async (principal, { dataset_uid, uids }) => {
    const items = await fieldConfigurations.reorder(principal, dataset_uid, uids);
    return { uids: items.map((i) => i.uid) };
  });
}
