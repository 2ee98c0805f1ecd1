"use client";
// What a preview section shows around its table — the same for a resource's preview and a processing step's:
// the last attempt's error (with the API's per-field detail), a quiet "Updating…" while the next preview loads
// (the previous table stays), and a spinner before the first one arrives.
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { ConsoleApiError } from "@/components/api/console-api";
import type { Translate } from "@/lib/i18n/translator";

export function previewErrorMessage(error: unknown, t: Translate): string {
  if (error instanceof ConsoleApiError) return error.status === 0 ? t("resource_pages.preview.network_error") : error.message;
  return t("errors.generic");
}

export function PreviewErrorAlert({
  error,
  title,
  t,
  shownElsewhere = () => false,
}: {
  error: unknown;
  title: string;
  t: Translate;
  /** detail paths a form shows under its own fields, left out here */
  shownElsewhere?: (path: string) => boolean;
}) {
  const detail = error instanceof ConsoleApiError ? Object.entries(error.detail).filter(([path]) => !shownElsewhere(path)) : [];
  return (
    <Alert tone="error" title={title}>
      <p>{previewErrorMessage(error, t)}</p>
      {detail.length ? (
        <ul className="mt-1 list-disc pl-5">
          {detail.map(([path, messages]) => (
            <li key={path}>
              <span className="font-mono">{path}</span>: {messages.join(" ")}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/** The inner "Updating…" note; the caller's span keeps its place (and decides whether it is a live region). */
export function PreviewUpdating({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <Spinner className="text-brand-600" />
      {label}
    </span>
  );
}

export function PreviewLoading({ label }: { label: string }) {
  return (
    <p className="flex items-center gap-2 text-sm text-slate-600">
      <Spinner className="text-brand-600" />
      {label}
    </p>
  );
}
