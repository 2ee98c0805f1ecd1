"use client";
// The processor stack: the steps in application order, each with its type, a one-line summary of its parameters
// and what the preview saw it do (record errors, skipped records); for editors, adding (catalog, then the form),
// editing, deleting and reordering — by drag and drop, the keyboard sensor, or the Move buttons. A move shows
// at once and is saved in the background; if saving fails, the old order comes back with the error.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useToast } from "@/components/ui/toast";
import type { DatasetProcessor, PreviewStep, ProcessorTypeInfo } from "@/components/processing/processing-api";
import { summarizeParams } from "@/components/processing/processor-values";
import { SortableList } from "@/components/processing/sortable-list";
import { useOptimisticReorder } from "@/components/processing/use-optimistic-reorder";
import { processingKeys } from "@/components/processing/use-processing";
import { useI18n } from "@/lib/i18n/client";
import { deleteProcessorAction, reorderProcessorsAction } from "@/lib/processors/actions";

export function ProcessorStack({
  dataset_uid,
  processors,
  types,
  steps,
  canEdit,
  canReorder = true,
  editingUid,
  busy,
  onAdd,
  onEdit,
  onDeleted,
}: {
  dataset_uid: string;
  processors: DatasetProcessor[];
  types: ProcessorTypeInfo[];
  /** the preview's steps, by index (those of the stack on screen) */
  steps: PreviewStep[] | undefined;
  canEdit: boolean;
  /** false where the API lacks our reorder extension (proxy mode, an upstream with the official API only) */
  canReorder?: boolean;
  /** the step whose form is open */
  editingUid: string | null;
  /** a form is open: the list waits */
  busy: boolean;
  onAdd: () => void;
  onEdit: (processor: DatasetProcessor, index: number) => void;
  onDeleted: () => void;
}) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const [reorderError, setReorderError] = useState<string | null>(null);
  const typeOf = (type: string) => types.find((candidate) => candidate.type === type);
  const { move, saving } = useOptimisticReorder({
    queryKey: processingKeys.processors(dataset_uid),
    current: processors,
    save: (uids) => reorderProcessorsAction({ dataset_uid, uids }),
    setError: setReorderError,
  });

  const count = processors.length;
  return (
    <section aria-labelledby="stack-heading" className="space-y-4" data-testid="processor-stack">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="stack-heading" className="text-lg font-semibold text-slate-900">
            {t("processing_pages.stack.heading")}
          </h2>
          <p className="text-sm text-slate-600">{count === 1 ? t("processing_pages.stack.count_one") : t("processing_pages.stack.count", { count: count.toLocaleString(locale) })}</p>
        </div>
        {canEdit ? (
          <Button onClick={onAdd} disabled={busy} data-testid="add-processor">
            {t("processing_pages.stack.add")}
          </Button>
        ) : null}
      </div>
      {reorderError ? <Alert tone="error">{reorderError}</Alert> : null}
      {count === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          {canEdit ? t("processing_pages.stack.empty") : t("processing_pages.stack.empty_readonly")}
        </p>
      ) : (
        <SortableList
          items={processors}
          labelOf={(p) => p.label}
          editable={canEdit && canReorder}
          disabled={busy}
          pending={saving}
          onMove={(from, to) => void move(from, to)}
          listLabel={t("processing_pages.stack.list_label")}
          testId="processor-list"
          renderRow={(processor, index, { handle, moves }) => {
            const type = typeOf(processor.type);
            const step = steps?.[index];
            const summary = summarizeParams(processor, type, { yes: t("common.yes"), no: t("common.no") });
            return (
              <div className={processor.uid === editingUid ? "flex gap-2 rounded-lg bg-brand-50 p-3 ring-2 ring-brand-500/40" : "flex gap-2 p-3"}>
                {handle}
                <div className="min-w-0 flex-1 space-y-1.5">
                  <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                    <span className="text-xs font-medium text-slate-500">{t("processing_pages.stack.step_number", { number: index + 1 })}</span>
                    <h3 className="min-w-0 font-medium break-words text-slate-900" data-testid="processor-label">
                      {processor.label}
                    </h3>
                    {step ? (
                      <span className="flex gap-1.5">
                        {step.error_count ? (
                          <Badge tone="red">{step.error_count === 1 ? t("processing_pages.preview.errors_one") : t("processing_pages.preview.errors", { count: step.error_count.toLocaleString(locale) })}</Badge>
                        ) : null}
                        {step.skipped ? <Badge tone="amber">{t("processing_pages.preview.skipped", { count: step.skipped.toLocaleString(locale) })}</Badge> : null}
                        {step.warnings.length ? <Badge tone="amber">{t("processing_pages.stack.warnings", { count: step.warnings.length })}</Badge> : null}
                      </span>
                    ) : null}
                  </div>
                  <p className="text-sm text-slate-600">
                    <span className="font-medium text-slate-700">{type?.label ?? processor.type}</span>
                    {summary ? (
                      <span className="block truncate font-mono text-xs text-slate-500" title={summary}>
                        {summary}
                      </span>
                    ) : null}
                  </p>
                  {canEdit ? (
                    <div className="flex flex-wrap items-center gap-1">
                      {canReorder ? moves : null}
                      <Button variant="ghost" size="sm" disabled={busy} onClick={() => onEdit(processor, index)} aria-label={t("processing_pages.stack.edit_label", { label: processor.label })} data-edit-uid={processor.uid}>
                        {t("common.edit")}
                      </Button>
                      <DeleteProcessorButton dataset_uid={dataset_uid} processor={processor} disabled={busy} onDeleted={() => { toast(t("processing_pages.delete.deleted")); onDeleted(); }} />
                    </div>
                  ) : null}
                </div>
              </div>
            );
          }}
        />
      )}
    </section>
  );
}

function DeleteProcessorButton({ dataset_uid, processor, disabled, onDeleted }: { dataset_uid: string; processor: DatasetProcessor; disabled: boolean; onDeleted: () => void }) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" disabled={disabled} aria-label={t("processing_pages.stack.delete_label", { label: processor.label })}>
          {t("common.delete")}
        </Button>
      }
      title={t("processing_pages.delete.title")}
      description={t("processing_pages.delete.body", { label: processor.label })}
      cancelLabel={t("common.cancel")}
      confirmLabel={t("processing_pages.delete.confirm")}
      pendingLabel={t("common.deleting")}
      onConfirm={() => deleteProcessorAction({ dataset_uid, processor_uid: processor.uid })}
      onConfirmed={onDeleted}
    />
  );
}
