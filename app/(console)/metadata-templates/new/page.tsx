import type { Metadata } from "next";
import { TemplateEditor } from "@/components/metadata/template-editor";
import { requirePageAccess } from "@/lib/auth/current-principal";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("metadata_templates.form.new_title") };
}

export default async function NewMetadataTemplatePage() {
  await requirePageAccess("/metadata-templates/new", (p) => p.permissions.has("edit_domain"));
  const { t } = await getI18n();
  return (
    <div className="max-w-7xl space-y-6">
      <h1 className="text-2xl font-semibold text-slate-900">{t("metadata_templates.form.new_title")}</h1>
      <TemplateEditor mode="create" />
    </div>
  );
}
