"use server";
// Console mutations on metadata templates and on a dataset's metadata. Thin: the action wrapper authenticates and
// validates, the services decide. Every export here is a public endpoint: each one validates what it receives.
import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/http/server-action";
import { getI18n } from "@/lib/i18n/server";
import { replaceTemplateMetadata } from "@/lib/metadata/dataset-metadata";
import { metadataTemplateUpdateSchema, metadataTemplateWriteSchema } from "@/lib/metadata/template-schema";
import { createTemplate, deleteTemplate, updateTemplate } from "@/lib/metadata/template-service";

const nameSchema = z.object({ name: z.string().min(1).max(200) });

export async function createTemplateAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  return runAction({ name: "createTemplate", schema: metadataTemplateWriteSchema, input, anyOf: ["edit_domain"] }, async (principal, template) => {
    const created = await createTemplate(principal, template);
    return { name: created.name };
  });
}

export async function updateTemplateAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  const schema = nameSchema.extend({ template: metadataTemplateUpdateSchema });
  return runAction({ name: "updateTemplate", schema, input, anyOf: ["edit_domain"] }, async (principal, { name, template }) => {
    const { t } = await getI18n();
    return { name: (await updateTemplate(principal, name, template, t)).name };
  });
}

export async function deleteTemplateAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "deleteTemplate", schema: nameSchema, input, anyOf: ["edit_domain"] }, async (principal, { name }) => {
    await deleteTemplate(principal, name);
    return null;
  });
}

export async function saveTemplateMetadataAction(input: unknown): Promise<ActionResult<{ values: Record<string, unknown> }>> {
  const schema = z.object({ dataset_uid: z.string().min(1), template: z.string().min(1).max(200), values: z.record(z.string(), z.unknown()) });
  return runAction({ name: "saveTemplateMetadata", schema, input }, async (principal, { dataset_uid, template, values }) => {
    const { t } = await getI18n();
    return { values: await replaceTemplateMetadata(principal, dataset_uid, template, values, t) };
  });
}
