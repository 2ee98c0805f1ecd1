"use client";
// The records as they are after one step of the processing — the source as extracted, a processor of the stack,
// or the result once the field configurations apply — with that step's record errors, skipped records and
// warnings. The stack on screen decides the steps (it may hold an unsaved step); the previous table stays while
// the next preview loads, and changes are announced politely.
import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/input";
import { PreviewErrorAlert, PreviewLoading, PreviewUpdating } from "@/components/resources/preview-status";
import { PreviewTable } from "@/components/resources/preview-table";
import type { ProcessingPreview } from "@/components/processing/processing-api";
import { useI18n } from "@/lib/i18n/client";

export type StepSelection = "source" | "result" | number;

const MAX_LISTED_ERRORS = 20;

export const selectionValue = (selection: StepSelection) => String(selection);
export const parseSelection = (value: string): StepSelection => (value === "source" || value === "result" ? value : Number(value));

export function StepPreview({
  data,
  error,
  loading,
  updating,
  stepLabels,
  selected,
  onSelect,
  unsaved,
}: {
  data: ProcessingPreview | undefined;
  error: unknown;
  loading: boolean;
  updating: boolean;
  /** the labels of the stack on screen, in order */
  stepLabels: string[];
  selected: StepSelection;
  onSelect: (selection: StepSelection) => void;
  unsaved: boolean;
}) {
  const { t, locale } = useI18n();
  const selectId = useId();
  const stepName = (selection: StepSelection) =>
    selection === "source"
      ? t("processing_pages.preview.source")
      : selection === "result"
        ? t("processing_pages.preview.result")
        : t("processing_pages.preview.step", { number: selection + 1, label: stepLabels[selection] ?? "" });

  // The preview of an older stack may not have this step yet.
  const step = typeof selected === "number" ? data?.steps[selected] : undefined;
  const shown =
    !data ? undefined : selected === "source" ? data.source : selected === "result" ? data.result : step ? { fields: step.fields, records: step.records } : undefined;
  const errors = selected === "result" ? data?.result.errors : step?.errors;
  const errorCount = selected === "result" ? (data?.result.error_count ?? 0) : (step?.error_count ?? 0);
  const warnings = selected === "result" ? (data?.result.warnings.map((w) => w.message) ?? []) : (step?.warnings ?? []);
  const skipped = step?.skipped ?? 0;
  const fmt = (n: number) => n.toLocaleString(locale);

  return (
    <section aria-labelledby="step-preview-heading" className="min-w-0 space-y-3" data-testid="step-preview">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="step-preview-heading" className="text-lg font-semibold text-slate-900">
          {t("processing_pages.preview.heading")}
        </h2>
        {unsaved ? <Badge tone="amber">{t("processing_pages.preview.unsaved")}</Badge> : null}
        <span className="text-xs text-slate-500" data-testid="step-preview-updating">
          {updating && data ? <PreviewUpdating label={t("processing_pages.preview.updating")} /> : null}
        </span>
      </div>
      <div className="max-w-md space-y-1.5">
        <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
          {t("processing_pages.preview.step_select")}
        </label>
        <Select id={selectId} value={selectionValue(selected)} onChange={(event) => onSelect(parseSelection(event.target.value))}>
          <option value="source">{stepName("source")}</option>
          {stepLabels.map((_, index) => (
            <option key={index} value={String(index)}>
              {stepName(index)}
            </option>
          ))}
          <option value="result">{stepName("result")}</option>
        </Select>
      </div>

      {/* one polite summary of what the table now shows, read once the preview has settled */}
      <p aria-live="polite" className="sr-only">
        {data && !updating ? t("processing_pages.preview.announce", { step: stepName(selected), count: fmt(errorCount) }) : ""}
      </p>

      {error ? <PreviewErrorAlert error={error} title={t("processing_pages.preview.failed")} t={t} /> : null}

      {shown ? (
        <>
          {selected !== "source" ? (
            <div className="flex flex-wrap gap-2" data-testid="step-counts">
              <Badge tone={errorCount ? "red" : "green"}>
                {errorCount === 1 ? t("processing_pages.preview.errors_one") : t("processing_pages.preview.errors", { count: fmt(errorCount) })}
              </Badge>
              {typeof selected === "number" ? (
                <Badge tone={skipped ? "amber" : "gray"}>{t("processing_pages.preview.skipped", { count: fmt(skipped) })}</Badge>
              ) : null}
            </div>
          ) : null}
          {warnings.length ? (
            <Alert tone="warning" title={t("processing_pages.preview.warnings")}>
              <ul className="list-disc pl-5" data-testid="step-warnings">
                {warnings.map((warning, index) => (
                  <li key={index}>{warning}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {errors && errors.length ? (
            <details className="rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900" open>
              <summary className="cursor-pointer font-medium">{t("processing_pages.preview.record_errors")}</summary>
              <ul className="mt-2 space-y-1" data-testid="step-errors">
                {errors.slice(0, MAX_LISTED_ERRORS).map((e, index) => (
                  <li key={index}>{t("processing_pages.preview.record_error", { record: e.record + 1, message: e.message })}</li>
                ))}
              </ul>
              {errorCount > Math.min(errors.length, MAX_LISTED_ERRORS) ? (
                <p className="mt-1 text-xs">{t("processing_pages.preview.more_errors", { count: fmt(errorCount - Math.min(errors.length, MAX_LISTED_ERRORS)) })}</p>
              ) : null}
            </details>
          ) : null}
          <PreviewTable preview={shown} busy={updating} />
        </>
      ) : loading || (data && !shown) ? (
        <PreviewLoading label={t("processing_pages.preview.loading")} />
      ) : null}
    </section>
  );
}
