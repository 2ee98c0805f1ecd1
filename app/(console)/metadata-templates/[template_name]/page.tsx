import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TemplateEditor } from "@/components/metadata/template-editor";
import { requirePageAccess } from "@/lib/auth/current-principal";
import type { Principal } from "@/lib/auth/principal";
import { isAppError } from "@/lib/errors/app-error";
import { getI18n } from "@/lib/i18n/server";
import { isEditableTemplate } from "@/lib/metadata/template-schema";
import { getTemplate } from "@/lib/metadata/template-service";

type Props = { params: Promise<{ template_name: string }> };

async function load(principal: Principal, name: string) {
  try {
    return await getTemplate(principal, name);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("metadata_templates.form.edit_title", { title: decodeURIComponent((await params).template_name) }) };
}

export default async function MetadataTemplatePage({ params }: Props) {
  const name = decodeURIComponent((await params).template_name);
  const principal = await requirePageAccess(`/metadata-templates/${encodeURIComponent(name)}`, (p) => p.permissions.has("edit_domain"));
  const { t } = await getI18n();
  const template = await load(principal, name);
  const editable = isEditableTemplate(template);
  return (
    <div className="max-w-7xl space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">
        {editable ? t("metadata_templates.form.edit_title", { title: template.title }) : t("metadata_templates.form.view_title", { title: template.title })}
      </h1>
      <TemplateEditor
        mode="edit"
        readOnly={!editable}
        initial={{
          name: template.name,
          title: template.title,
          type: template.type as "basic",
          is_active: template.is_active,
          schema: template.fields.map(({ is_hidden: _hidden, ...f }) => ({ ...f, choices: f.choices ? [...f.choices] : null })),
        }}
      />
    </div>
  );
}
