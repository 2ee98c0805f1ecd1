"use client";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/files/format-bytes";
import { useI18n } from "@/lib/i18n/client";

/** A running upload: the file's name, a progress bar (percent and bytes) and the button that aborts it. */
export function UploadProgress({ filename, loaded, total, onCancel }: { filename: string; loaded: number; total: number; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const percent = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
  const bytes = t("resource_pages.editor.progress_text", { loaded: formatBytes(loaded), total: formatBytes(total) });
  const percentText = new Intl.NumberFormat(locale, { style: "percent" }).format(percent / 100);
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" data-testid="upload-progress">
      <p className="truncate text-sm font-medium text-slate-800">{t("resource_pages.editor.uploading", { filename })}</p>
      <div
        role="progressbar"
        aria-label={t("resource_pages.editor.progress_label")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percentText} · ${bytes}`}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-200" style={{ width: `${percent}%` }} />
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600 tabular-nums">
          <span>{percentText}</span> · <span>{bytes}</span>
        </p>
        <Button variant="secondary" size="sm" onClick={onCancel}>
          {t("resource_pages.editor.cancel_upload")}
        </Button>
      </div>
    </div>
  );
}
