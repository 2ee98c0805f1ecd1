"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { deleteDatasetAction } from "@/lib/datasets/actions";
import { useI18n } from "@/lib/i18n/client";

export function DeleteDatasetButton({ uid, title, datasetId }: { uid: string; title: string; datasetId: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    const result = await deleteDatasetAction({ dataset_uid: uid });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setOpen(false);
    toast(t("datasets.delete.deleted"));
    router.push("/datasets");
    router.refresh();
  }

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
      trigger={<Button variant="danger">{t("datasets.delete.button")}</Button>}
      title={t("datasets.delete.title")}
      description={
        <>
          <p>{t("datasets.delete.body", { title, dataset_id: datasetId })}</p>
          {error ? (
            <Alert tone="error" className="mt-3">
              {error}
            </Alert>
          ) : null}
        </>
      }
      cancelLabel={t("common.cancel")}
      confirm={
        <Button variant="danger" onClick={confirm} disabled={pending}>
          {pending ? t("common.deleting") : t("datasets.delete.confirm")}
        </Button>
      }
    />
  );
}
