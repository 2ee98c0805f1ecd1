"use client";
// Activate / deactivate and delete one template from the templates list.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { useI18n } from "@/lib/i18n/client";
import { deleteTemplateAction, updateTemplateAction } from "@/lib/metadata/actions";

export function TemplateRowActions({ name, title, isActive, canToggle, canDelete }: { name: string; title: string; isActive: boolean; canToggle: boolean; canDelete: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  return (
    <div className="flex justify-end gap-2">
      {canToggle ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={async () => {
            const result = await updateTemplateAction({ name, template: { is_active: !isActive } });
            if (!result.ok) return toast(result.error.message);
            toast(isActive ? t("metadata_templates.list.deactivated") : t("metadata_templates.list.activated"));
            router.refresh();
          }}
        >
          {isActive ? t("metadata_templates.list.deactivate") : t("metadata_templates.list.activate")}
          <span className="sr-only"> {title}</span>
        </Button>
      ) : null}
      {canDelete ? (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="danger">
              {t("metadata_templates.list.delete")}
              <span className="sr-only"> {title}</span>
            </Button>
          }
          title={t("metadata_templates.list.delete_title", { title })}
          description={t("metadata_templates.list.delete_body")}
          cancelLabel={t("common.cancel")}
          confirmLabel={t("metadata_templates.list.delete")}
          pendingLabel={t("common.deleting")}
          onConfirm={() => deleteTemplateAction({ name })}
          onConfirmed={() => {
            toast(t("metadata_templates.list.deleted"));
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
