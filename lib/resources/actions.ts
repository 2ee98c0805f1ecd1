"use server";
// Console mutations on resources. Thin: the action wrapper authenticates and validates, the service decides.
// Uploads and unsaved previews do not come here: they stream or fetch, so the console calls the API for them.
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/http/server-action";
import { resourceUidSchema, resourceWriteSchema } from "@/lib/resources/schema";
import { createResource, deleteResource, updateResource } from "@/lib/resources/service";

const datasetRef = z.object({ dataset_uid: z.string().min(1) });
const resourceRef = datasetRef.extend({ resource_uid: resourceUidSchema });

export async function createResourceAction(input: unknown): Promise<ActionResult<{ uid: string }>> {
  return runAction({ name: "createResource", schema: datasetRef.extend({ resource: resourceWriteSchema }), input }, async (principal, { dataset_uid, resource }) => {
    const created = await createResource(principal, dataset_uid, resource);
    return { uid: created.uid };
  });
}

export async function updateResourceAction(input: unknown): Promise<ActionResult<{ uid: string }>> {
  return runAction({ name: "updateResource", schema: resourceRef.extend({ resource: resourceWriteSchema }), input }, async (principal, { dataset_uid, resource_uid, resource }) => {
    const updated = await updateResource(principal, dataset_uid, resource_uid, resource);
    return { uid: updated.uid };
  });
}

export async function deleteResourceAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "deleteResource", schema: resourceRef, input }, async (principal, { dataset_uid, resource_uid }) => {
    await deleteResource(principal, dataset_uid, resource_uid);
    return null;
  });
}
