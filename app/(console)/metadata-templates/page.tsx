import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { TemplateRowActions } from "@/components/metadata/template-row-actions";
import { requirePageAccess } from "@/lib/auth/current-principal";
import { getI18n } from "@/lib/i18n/server";
import { isEditableTemplate } from "@/lib/metadata/template-schema";
import { allTemplates } from "@/lib/metadata/template-service";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("metadata_templates.list.title") };
}

export default async function MetadataTemplatesPage() {
  const principal = await requirePageAccess("/metadata-templates", (p) => p.permissions.has("edit_domain"));
  const { t } = await getI18n();
  const templates = await allTemplates(principal);
  return (
    <div className="max-w-5xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("metadata_templates.list.title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("metadata_templates.list.intro")}</p>
        </div>
        <Button asChild>
          <Link href="/metadata-templates/new">{t("metadata_templates.list.new")}</Link>
        </Button>
      </header>
      <Table>
        <thead>
          <tr>
            <Th>{t("metadata_templates.list.template_title")}</Th>
            <Th>{t("metadata_templates.list.type")}</Th>
            <Th>{t("metadata_templates.list.fields")}</Th>
            <Th>{t("metadata_templates.list.status")}</Th>
            <Th className="text-right">{t("metadata_templates.list.actions")}</Th>
          </tr>
        </thead>
        <tbody>
          {templates.map((tpl) => {
            const editable = isEditableTemplate(tpl);
            return (
              <tr key={tpl.name} data-testid={`template-row-${tpl.name}`}>
                <Td>
                  <Link href={`/metadata-templates/${encodeURIComponent(tpl.name)}`} className="font-medium text-brand-700 hover:underline">
                    {tpl.title}
                  </Link>
                  <div className="font-mono text-xs text-slate-500">{tpl.name}</div>
                </Td>
                <Td>{t(`metadata_templates.types.${tpl.type}`)}</Td>
                <Td>{t("metadata_templates.list.fields_count", { count: tpl.fields.length })}</Td>
                <Td>
                  <div className="flex flex-wrap gap-1">
                    <Badge tone={tpl.is_active ? "green" : "gray"}>{tpl.is_active ? t("metadata_templates.list.active") : t("metadata_templates.list.inactive")}</Badge>
                    {tpl.is_system ? <Badge tone="blue">{t("metadata_templates.list.system")}</Badge> : null}
                    {tpl.is_always_active ? <Badge tone="gray">{t("metadata_templates.list.always_active")}</Badge> : null}
                  </div>
                </Td>
                <Td>
                  <TemplateRowActions name={tpl.name} title={tpl.title} isActive={tpl.is_active} canToggle={!tpl.is_always_active} canDelete={editable} />
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
