"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useI18n } from "@/lib/i18n/client";
import { deleteResourceAction } from "@/lib/resources/actions";

export function DeleteResourceButton({ dataset_uid, resource_uid, title }: { dataset_uid: string; resource_uid: string; title: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    const result = await deleteResourceAction({ dataset_uid, resource_uid });
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setOpen(false);
    queryClient.removeQueries({ queryKey: ["datasets", dataset_uid, "resources"] });
    toast(t("resource_pages.delete.deleted"));
    router.push(`/datasets/${dataset_uid}/resources`);
    router.refresh();
  }

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
      trigger={<Button variant="danger">{t("resource_pages.delete.button")}</Button>}
      title={t("resource_pages.delete.title")}
      description={
        <>
          <p>{t("resource_pages.delete.body", { title })}</p>
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
          {pending ? t("common.deleting") : t("resource_pages.delete.confirm")}
        </Button>
      }
    />
  );
}
