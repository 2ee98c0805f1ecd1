"use client";
// A dataset's processing: the processor stack beside the per-step preview, and the fields editor. The preview
// always shows the stack on screen: the saved one, reordered at once when a step moves, or with the step whose
// form is open (unsaved, debounced) — and the selected step follows the step being edited.
import { Tabs } from "radix-ui";
import { useCallback, useState } from "react";
import { useToast } from "@/components/ui/toast";
import { FieldsEditor } from "@/components/processing/fields-editor";
import { ProcessorCatalog } from "@/components/processing/processor-catalog";
import { ProcessorForm, type ProcessorFormTarget } from "@/components/processing/processor-form";
import { ProcessorStack } from "@/components/processing/processor-stack";
import { withoutUid, type DatasetProcessor, type FieldConfiguration, type FieldConfigurationWrite, type ProcessorTypeInfo, type ProcessorWrite } from "@/components/processing/processing-api";
import { StepPreview, type StepSelection } from "@/components/processing/step-preview";
import { useFieldConfigurationList, useProcessingPreview, useProcessorList, useRefreshLists } from "@/components/processing/use-processing";
import { ConsoleApiError } from "@/components/api/console-api";
import { PreviewTable } from "@/components/resources/preview-table";
import { Alert } from "@/components/ui/alert";
import type { ResourcePreview } from "@/components/resources/resource-api";
import { useI18n } from "@/lib/i18n/client";

/** `draft` is null until the step's mandatory parameters are filled in: until then the saved stack shows. */
type Editing = { target: ProcessorFormTarget; index: number; draft: ProcessorWrite | null };

const tabClass =
  "inline-flex items-center border-b-2 border-transparent px-1 pb-2 text-sm font-medium text-slate-600 hover:text-slate-900 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500";

/**
 * What the API behind the console offers beyond the official operations: in proxy mode an upstream that speaks
 * only the official API has no per-step preview and no reorder (lib/features/service.ts). The saved resource's
 * own preview (official) then shows the first records as extracted, and names the fields steps may use.
 */
export type ProcessingExtensions = { stepPreview: boolean; reorderProcessors: boolean; reorderFields: boolean };

export function ProcessingWorkspace({
  dataset_uid,
  canEdit,
  types,
  initialProcessors,
  initialFields,
  extensions = { stepPreview: true, reorderProcessors: true, reorderFields: true },
  sourcePreview = null,
  upstream = null,
}: {
  dataset_uid: string;
  canEdit: boolean;
  types: ProcessorTypeInfo[];
  initialProcessors: DatasetProcessor[];
  initialFields: FieldConfiguration[];
  extensions?: ProcessingExtensions;
  sourcePreview?: ResourcePreview | null;
  upstream?: string | null;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const refresh = useRefreshLists(dataset_uid);
  const processors = useProcessorList(dataset_uid, initialProcessors).data;
  const fields = useFieldConfigurationList(dataset_uid, initialFields).data;
  const [catalogOpen, setCatalogOpen] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [selected, setSelected] = useState<StepSelection>(initialProcessors.length ? initialProcessors.length - 1 : "source");

  // The stack on screen.
  const saved = processors.map((p) => withoutUid<ProcessorWrite>(p));
  const stack = !editing?.draft ? saved : editing.target.mode === "add" ? [...saved, editing.draft] : saved.map((p, i) => (i === editing.index ? editing.draft! : p));
  const config = { processors: stack, fields: fields.map((f) => withoutUid<FieldConfigurationWrite>(f)) };
  const { query: preview, waiting } = useProcessingPreview(dataset_uid, config, extensions.stepPreview);
  const previewUnavailable = extensions.stepPreview ? null : t("proxy.step_preview_unavailable", { upstream: upstream ?? "" });
  // A stack the server refuses (an invalid step being typed) keeps the last table on screen under the error.
  const [lastGood, setLastGood] = useState(preview.data);
  if (preview.data && preview.data !== lastGood) setLastGood(preview.data);
  const data = preview.data ?? (preview.error ? lastGood : undefined);
  const selection: StepSelection = typeof selected === "number" && selected >= stack.length ? (stack.length ? stack.length - 1 : "source") : selected;

  const onDraft = useCallback((draft: ProcessorWrite | null) => setEditing((current) => (current ? { ...current, draft } : current)), []);

  const startAdd = (type: ProcessorTypeInfo) => {
    setCatalogOpen(false);
    setEditing({ target: { mode: "add", type }, index: processors.length, draft: null });
    setSelected(processors.length);
  };
  const startEdit = (processor: DatasetProcessor, index: number) => {
    const type = types.find((candidate) => candidate.type === processor.type);
    if (!type) return;
    setEditing({ target: { mode: "edit", type, processor }, index, draft: null });
    setSelected(index);
  };
  const focusLater = (selector: string) => setTimeout(() => document.querySelector<HTMLElement>(selector)?.focus(), 0);
  const finish = (message?: string) => {
    const target = editing?.target;
    setEditing(null);
    if (message) toast(message);
    // focus returns to where the form was opened from
    focusLater(target?.mode === "edit" ? `[data-edit-uid="${target.processor.uid}"]` : `[data-testid="add-processor"]`);
  };

  // Fields available to the step being edited: those after the previous step.
  const inputFields = (index: number) =>
    (!extensions.stepPreview ? sourcePreview?.fields : index === 0 ? data?.source.fields : data?.steps[index - 1]?.fields) ?? [];
  const previewErrors =
    editing && preview.error instanceof ConsoleApiError && preview.error.status === 400
      ? Object.fromEntries(Object.entries(preview.error.detail).map(([path, messages]) => [path.replace(/^processors\.\d+\./, ""), messages]))
      : {};

  const stackPanel = (
    <div className="grid gap-8 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <div className="min-w-0 space-y-6">
        <ProcessorStack
          dataset_uid={dataset_uid}
          processors={processors}
          types={types}
          steps={data?.steps}
          canEdit={canEdit}
          canReorder={extensions.reorderProcessors}
          editingUid={editing?.target.mode === "edit" ? editing.target.processor.uid : null}
          busy={!!editing}
          onAdd={() => setCatalogOpen(true)}
          onEdit={startEdit}
          onDeleted={() => void refresh.processors()}
        />
        {editing ? (
          <ProcessorForm
            key={editing.target.mode === "edit" ? editing.target.processor.uid : `new-${editing.target.type.type}`}
            dataset_uid={dataset_uid}
            target={editing.target}
            position={editing.index + 1}
            fieldNames={inputFields(editing.index).map((f) => f.name)}
            previewErrors={previewErrors}
            onDraft={onDraft}
            onSaved={() => {
              void refresh.processors().then(() => finish(editing.target.mode === "add" ? t("processing_pages.form.added") : t("processing_pages.form.saved")));
            }}
            onCancel={() => finish()}
          />
        ) : null}
      </div>
      {extensions.stepPreview ? (
        <StepPreview
          data={data}
          error={preview.error}
          loading={preview.isFetching}
          updating={waiting}
          stepLabels={stack.map((p) => p.label)}
          selected={selection}
          onSelect={setSelected}
          unsaved={!!editing?.draft}
        />
      ) : (
        <section className="min-w-0 space-y-3" aria-labelledby="source-preview-heading" data-testid="step-preview-unavailable">
          <h2 id="source-preview-heading" className="text-lg font-semibold text-slate-900">
            {t("proxy.source_preview_heading")}
          </h2>
          <Alert tone="info">{previewUnavailable}</Alert>
          {sourcePreview ? <PreviewTable preview={sourcePreview} /> : null}
        </section>
      )}
    </div>
  );

  return (
    <>
      <Tabs.Root defaultValue="processors" className="space-y-6">
        <Tabs.List aria-label={t("processing_pages.sections.label")} className="flex gap-6 border-b border-slate-200">
          <Tabs.Trigger value="processors" className={tabClass}>
            {t("processing_pages.sections.processors")}
          </Tabs.Trigger>
          <Tabs.Trigger value="fields" className={tabClass}>
            {t("processing_pages.sections.fields")}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="processors" className="focus-visible:outline-none">
          {stackPanel}
        </Tabs.Content>
        <Tabs.Content value="fields" className="focus-visible:outline-none">
          <FieldsEditor
            dataset_uid={dataset_uid}
            canEdit={canEdit}
            canReorder={extensions.reorderFields}
            previewUnavailable={previewUnavailable}
            configurations={fields}
            preview={data}
            previewError={preview.error}
            loading={preview.isFetching}
            updating={waiting}
            onChanged={() => refresh.fields()}
          />
        </Tabs.Content>
      </Tabs.Root>
      {canEdit ? <ProcessorCatalog open={catalogOpen} onOpenChange={setCatalogOpen} types={types} onChoose={startAdd} /> : null}
    </>
  );
}
