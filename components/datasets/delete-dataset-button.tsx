"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { deleteDatasetAction } from "@/lib/datasets/actions";
import { useI18n } from "@/lib/i18n/client";

export function DeleteDatasetButton({ uid, title, datasetId }: { uid: string; title: string; datasetId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  return (
    <ConfirmDialog
      trigger={<Button variant="danger">{t("datasets.delete.button")}</Button>}
      title={t("datasets.delete.title")}
      description={t("datasets.delete.body", { title, dataset_id: datasetId })}
      cancelLabel={t("common.cancel")}
      confirmLabel={t("datasets.delete.confirm")}
      pendingLabel={t("common.deleting")}
      onConfirm={() => deleteDatasetAction({ dataset_uid: uid })}
      onConfirmed={() => {
        toast(t("datasets.delete.deleted"));
        router.push("/datasets");
        router.refresh();
      }}
    />
  );
}
