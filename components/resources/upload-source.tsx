"use client";
// The "upload a file" source: the drop zone, the running upload, or the uploaded file with "Replace file";
// a cancelled or failed upload leaves its notice above the drop zone.
import { useId, type Ref } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FileDropZone } from "@/components/resources/file-drop-zone";
import type { DatasetFile } from "@/components/resources/resource-api";
import { UploadProgress } from "@/components/resources/upload-progress";
import type { UploadState } from "@/components/resources/use-file-upload";
import { formatBytes } from "@/lib/files/format-bytes";
import { useI18n } from "@/lib/i18n/client";

export function UploadSource({
  state,
  currentFile,
  replacing,
  maxUploadBytes,
  onFile,
  onCancel,
  onReplace,
  onKeep,
  dropZoneRef,
  summaryRef,
}: {
  state: UploadState;
  currentFile: DatasetFile | null;
  replacing: boolean;
  maxUploadBytes: number;
  onFile: (file: File) => void;
  onCancel: () => void;
  onReplace: () => void;
  onKeep: () => void;
  dropZoneRef: Ref<HTMLButtonElement>;
  summaryRef: Ref<HTMLParagraphElement>;
}) {
  const { t } = useI18n();
  const noticeId = useId();

  if (state.status === "uploading") {
    return <UploadProgress filename={state.file.name} loaded={state.loaded} total={state.total} onCancel={onCancel} />;
  }
  if (currentFile && !replacing) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3">
        <p ref={summaryRef} tabIndex={-1} className="min-w-0 text-sm break-all text-slate-800 focus:outline-none" data-testid="uploaded-file">
          {currentFile.size === null
            ? t("resource_pages.editor.uploaded_unsized", { filename: currentFile.filename })
            : t("resource_pages.editor.uploaded", { filename: currentFile.filename, size: formatBytes(currentFile.size) })}
        </p>
        <Button variant="secondary" size="sm" onClick={onReplace}>
          {t("resource_pages.editor.replace_file")}
        </Button>
      </div>
    );
  }
  const notice =
    state.status === "cancelled" ? (
      <Alert tone="info">
        <span id={noticeId}>{t("resource_pages.editor.upload_cancelled")}</span>
      </Alert>
    ) : state.status === "error" ? (
      <Alert tone="error">
        <span id={noticeId}>{t("resource_pages.editor.upload_failed", { message: state.message ?? t("resource_pages.editor.upload_network_error") })}</span>
      </Alert>
    ) : null;
  return (
    <div className="space-y-3">
      {notice}
      <FileDropZone
        ref={dropZoneRef}
        onFile={onFile}
        hint={t("resource_pages.editor.drop_hint", { limit: formatBytes(maxUploadBytes) })}
        describedBy={notice ? noticeId : undefined}
      />
      {currentFile ? (
        <Button variant="ghost" size="sm" onClick={onKeep}>
          {t("resource_pages.editor.keep_file")}
        </Button>
      ) : null}
    </div>
  );
}
