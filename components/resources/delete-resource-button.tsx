"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { useI18n } from "@/lib/i18n/client";
import { deleteResourceAction } from "@/lib/resources/actions";

export function DeleteResourceButton({ dataset_uid, resource_uid, title }: { dataset_uid: string; resource_uid: string; title: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  return (
    <ConfirmDialog
      trigger={<Button variant="danger">{t("resource_pages.delete.button")}</Button>}
      title={t("resource_pages.delete.title")}
      description={t("resource_pages.delete.body", { title })}
      cancelLabel={t("common.cancel")}
      confirmLabel={t("resource_pages.delete.confirm")}
      pendingLabel={t("common.deleting")}
      onConfirm={() => deleteResourceAction({ dataset_uid, resource_uid })}
      onConfirmed={() => {
        queryClient.removeQueries({ queryKey: ["datasets", dataset_uid, "resources"] });
        toast(t("resource_pages.delete.deleted"));
        router.push(`/datasets/${dataset_uid}/resources`);
        router.refresh();
      }}
    />
  );
}
