"use client";
// The publish panel's buttons, enabled by the status machine (lib/publishing/status-machine.ts): a new action
// starts from a settled status only, unpublish needs a published dataset, abort applies to a queued or running
// job. Unpublish and abort ask first; errors from the API show with its message.
import { useState } from "react";
import { ConsoleApiError } from "@/components/api/console-api";
import type { LiveStatusSnapshot, PublishingAction } from "@/components/publishing/publishing-api";
import { usePublishingAction } from "@/components/publishing/use-publishing";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, type ConfirmResult } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import { useI18n } from "@/lib/i18n/client";
import { ABORTABLE_STATUSES, isSettled } from "@/lib/publishing/status-machine";

export function PublishActions({ dataset_uid, status }: { dataset_uid: string; status: LiveStatusSnapshot["status"] }) {
  const { t } = useI18n();
  const toast = useToast();
  const action = usePublishingAction(dataset_uid);
  const [error, setError] = useState<string | null>(null);
  const settled = isSettled(status.status);
  const abortable = (ABORTABLE_STATUSES as readonly string[]).includes(status.status);
  const busy = action.isPending;

  const message = (e: unknown) => (e instanceof ConsoleApiError ? e.message : t("errors.generic"));

  async function start(fn: "publish" | "publish_metadata") {
    setError(null);
    try {
      await action.mutateAsync(fn);
      toast(t(`publishing_pages.actions.${fn}_queued`));
    } catch (e) {
      setError(message(e));
    }
  }

  async function confirmed(fn: Extract<PublishingAction, "abort" | "unpublish">): Promise<ConfirmResult> {
    setError(null);
    try {
      await action.mutateAsync(fn);
      return { ok: true };
    } catch (e) {
      return { ok: false, error: { message: message(e) } };
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label={t("publishing_pages.actions.label")}>
        <Button onClick={() => void start("publish")} disabled={!settled || busy}>
          {t("publishing_pages.actions.publish")}
        </Button>
        <Button variant="secondary" onClick={() => void start("publish_metadata")} disabled={!settled || busy}>
          {t("publishing_pages.actions.publish_metadata")}
        </Button>
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={!abortable || busy}>
              {t("publishing_pages.actions.abort")}
            </Button>
          }
          title={t("publishing_pages.actions.abort_title")}
          description={t("publishing_pages.actions.abort_body")}
          cancelLabel={t("publishing_pages.actions.keep_going")}
          confirmLabel={t("publishing_pages.actions.abort_confirm")}
          pendingLabel={t("publishing_pages.actions.aborting")}
          onConfirm={() => confirmed("abort")}
          onConfirmed={() => toast(t("publishing_pages.actions.abort_done"))}
        />
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={!settled || !status.is_published || busy}>
              {t("publishing_pages.actions.unpublish")}
            </Button>
          }
          title={t("publishing_pages.actions.unpublish_title")}
          description={t("publishing_pages.actions.unpublish_body")}
          cancelLabel={t("common.cancel")}
          confirmLabel={t("publishing_pages.actions.unpublish_confirm")}
          pendingLabel={t("publishing_pages.actions.unpublishing")}
          onConfirm={() => confirmed("unpublish")}
          onConfirmed={() => toast(t("publishing_pages.actions.unpublish_queued"))}
        />
      </div>
      {error ? (
        <Alert tone="error" title={t("publishing_pages.actions.refused")}>
          {error}
        </Alert>
      ) : null}
    </div>
  );
}
