"use client";
// The fields as published (the preview's result) with in-place actions that append field configuration items —
// rename, change type, describe, annotate, hide, move — then the items themselves, in order, to delete or
// reorder, and the result's first records.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Menu, MenuItem, MenuSeparator } from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { Td, Th } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { FieldConfigDialog, type FieldAction, type ResultField } from "@/components/processing/field-config-dialog";
import type { FieldConfiguration, ProcessingPreview } from "@/components/processing/processing-api";
import { SortableList } from "@/components/processing/sortable-list";
import { moveItem, useOptimisticReorder } from "@/components/processing/use-optimistic-reorder";
import { processingKeys } from "@/components/processing/use-processing";
import { previewErrorMessage } from "@/components/resources/preview-status";
import { PreviewTable } from "@/components/resources/preview-table";
import { createFieldConfigurationAction, deleteFieldConfigurationAction, reorderFieldConfigurationsAction, updateFieldConfigurationAction } from "@/lib/fields/actions";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translator";

function configSummary(item: FieldConfiguration): string {
  switch (item.type) {
    case "rename":
      return `${item.from_name} → ${item.to_name} (${item.field_label})`;
    case "type":
      return `${item.field}: ${item.type_param}`;
    case "annotate":
      return `${item.field}: ${item.annotation}${item.args?.length ? ` (${item.args.join(", ")})` : ""}`;
    case "description":
      return `${item.field}: ${item.description}`;
    case "order":
      return item.args.join(", ");
    case "delete":
      return item.field;
  }
}

export function FieldsEditor({
  dataset_uid,
  canEdit,
  configurations,
  preview,
  previewError,
  loading,
  updating,
  onChanged,
  canReorder = true,
  previewUnavailable = null,
}: {
  dataset_uid: string;
  canEdit: boolean;
  configurations: FieldConfiguration[];
  /** false where the API lacks our reorder extension (proxy mode, an upstream with the official API only) */
  canReorder?: boolean;
  /** why the result fields cannot be shown (the API lacks the processing preview), if so */
  previewUnavailable?: string | null;
  preview: ProcessingPreview | undefined;
  previewError: unknown;
  loading: boolean;
  updating: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const [dialog, setDialog] = useState<{ action: FieldAction; field: ResultField } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fields = preview?.result.fields ?? [];
  const warnings = preview?.result.warnings ?? [];

  const added = async () => {
    await onChanged();
    toast(t("processing_pages.fields.added"));
  };

  const hide = async (field: ResultField) => {
    setError(null);
    const result = await createFieldConfigurationAction({ dataset_uid, field: { type: "delete", label: t("processing_pages.fields.default_labels.delete", { field: field.name }), field: field.name } });
    if (!result.ok) return setError(result.error.message);
    await added();
  };

  /** A field moved: the trailing "order" item says the new order (updated if the last item already is one). */
  const moveField = async (index: number, to: number) => {
    setError(null);
    const names = moveItem(fields.map((f) => f.name), index, to);
    const last = configurations.at(-1);
    const item = { type: "order" as const, label: t("processing_pages.fields.default_labels.order"), args: names };
    const result =
      last?.type === "order"
        ? await updateFieldConfigurationAction({ dataset_uid, field_uid: last.uid, field: { ...item, label: last.label } })
        : await createFieldConfigurationAction({ dataset_uid, field: item });
    if (!result.ok) return setError(result.error.message);
    await onChanged();
  };

  const { move: reorderItems, saving } = useOptimisticReorder({
    queryKey: processingKeys.fields(dataset_uid),
    current: configurations,
    save: (uids) => reorderFieldConfigurationsAction({ dataset_uid, uids }),
    setError,
  });

  return (
    <div className="space-y-10">
      <section aria-labelledby="fields-heading" className="space-y-4" data-testid="fields-editor">
        <div>
          <h2 id="fields-heading" className="text-lg font-semibold text-slate-900">
            {t("processing_pages.fields.heading")}
          </h2>
          <p className="text-sm text-slate-600">{t("processing_pages.fields.intro")}</p>
        </div>
        {error ? <Alert tone="error">{error}</Alert> : null}
        {previewUnavailable ? <Alert tone="info">{previewUnavailable}</Alert> : null}
        {previewError && !preview ? <Alert tone="error">{previewErrorMessage(previewError, t)}</Alert> : null}
        {!preview && loading ? (
          <p className="flex items-center gap-2 text-sm text-slate-600">
            <Spinner className="text-brand-600" />
            {t("processing_pages.preview.loading")}
          </p>
        ) : null}
        {preview ? (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full border-collapse text-left text-sm" data-testid="result-fields" aria-busy={updating || undefined}>
              <caption className="sr-only">{t("processing_pages.fields.caption")}</caption>
              <thead>
                <tr>
                  <Th>{t("processing_pages.fields.columns.name")}</Th>
                  <Th>{t("processing_pages.fields.columns.label")}</Th>
                  <Th>{t("processing_pages.fields.columns.type")}</Th>
                  <Th>{t("processing_pages.fields.columns.annotations")}</Th>
                  <Th>{t("processing_pages.fields.columns.description")}</Th>
                  {canEdit ? (
                    <Th>
                      <span className="sr-only">{t("processing_pages.fields.columns.actions")}</span>
                    </Th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {fields.map((field, index) => (
                  <tr key={field.name}>
                    <Td className="font-mono text-xs whitespace-nowrap">{field.name}</Td>
                    <Td>{field.label}</Td>
                    <Td>
                      <Badge tone="blue" className="font-mono">
                        {field.type}
                      </Badge>
                    </Td>
                    <Td>
                      {field.annotations.length ? (
                        <ul className="flex flex-wrap gap-1">
                          {field.annotations.map((a) => (
                            <li key={a.name}>
                              <Badge>{a.args.length ? `${a.name} (${a.args.join(", ")})` : a.name}</Badge>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-slate-400">{t("common.none")}</span>
                      )}
                    </Td>
                    <Td className="max-w-xs text-slate-700">{field.description ?? <span className="text-slate-400">{t("common.none")}</span>}</Td>
                    {canEdit ? (
                      <Td className="text-right">
                        <Menu
                          trigger={
                            <Button variant="secondary" size="sm" aria-label={t("processing_pages.fields.actions_label", { field: field.name })}>
                              {t("processing_pages.fields.actions")}
                              <span aria-hidden>▾</span>
                            </Button>
                          }
                        >
                          {(["rename", "type", "description", "annotate"] as const).map((action) => (
                            <MenuItem key={action} onSelect={() => setDialog({ action, field })}>
                              {t(`processing_pages.fields.menu.${action}` as MessageKey)}
                            </MenuItem>
                          ))}
                          <MenuItem onSelect={() => void hide(field)}>{t("processing_pages.fields.menu.hide")}</MenuItem>
                          <MenuSeparator />
                          <MenuItem disabled={index === 0} onSelect={() => void moveField(index, index - 1)}>
                            {t("processing_pages.reorder.move_up")}
                          </MenuItem>
                          <MenuItem disabled={index === fields.length - 1} onSelect={() => void moveField(index, index + 1)}>
                            {t("processing_pages.reorder.move_down")}
                          </MenuItem>
                        </Menu>
                      </Td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="configs-heading" className="space-y-4">
        <div>
          <h2 id="configs-heading" className="text-lg font-semibold text-slate-900">
            {t("processing_pages.configs.heading")}
          </h2>
          <p className="text-sm text-slate-600">{t("processing_pages.configs.intro")}</p>
        </div>
        {configurations.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">{t("processing_pages.configs.empty")}</p>
        ) : (
          <SortableList
            items={configurations}
            labelOf={(c) => c.label}
            editable={canEdit && canReorder}
            pending={saving}
            onMove={(from, to) => void reorderItems(from, to)}
            listLabel={t("processing_pages.configs.list_label")}
            testId="config-list"
            renderRow={(item, index, { handle, moves }) => {
              const itemWarnings = warnings.filter((w) => w.index === index);
              return (
                <div className="flex gap-2 p-3">
                  {handle}
                  <div className="min-w-0 flex-1 space-y-1">
                    <div className="flex flex-wrap items-baseline gap-2">
                      <h3 className="font-medium break-words text-slate-900">{item.label}</h3>
                      <Badge>{t(`processing_pages.configs.types.${item.type}` as MessageKey)}</Badge>
                    </div>
                    <p className="truncate font-mono text-xs text-slate-500" title={configSummary(item)}>
                      {configSummary(item)}
                    </p>
                    {itemWarnings.length ? (
                      <ul className="text-xs text-amber-800">
                        {itemWarnings.map((w, i) => (
                          <li key={i}>{w.message}</li>
                        ))}
                      </ul>
                    ) : null}
                    {canEdit ? (
                      <div className="flex flex-wrap items-center gap-1">
                        {canReorder ? moves : null}
                        <DeleteConfigButton dataset_uid={dataset_uid} item={item} onDeleted={async () => { await onChanged(); toast(t("processing_pages.configs.deleted")); }} />
                      </div>
                    ) : null}
                  </div>
                </div>
              );
            }}
          />
        )}
      </section>

      {preview ? (
        <section aria-labelledby="result-heading" className="space-y-3">
          <h2 id="result-heading" className="text-lg font-semibold text-slate-900">
            {t("processing_pages.fields.result_heading")}
          </h2>
          <div data-testid="result-preview">
            <PreviewTable preview={preview.result} busy={updating} />
          </div>
        </section>
      ) : null}

      {dialog ? (
        <FieldConfigDialog
          key={`${dialog.action}-${dialog.field.name}`}
          dataset_uid={dataset_uid}
          action={dialog.action}
          field={dialog.field}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            void added();
          }}
        />
      ) : null}
    </div>
  );
}

function DeleteConfigButton({ dataset_uid, item, onDeleted }: { dataset_uid: string; item: FieldConfiguration; onDeleted: () => Promise<void> }) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" aria-label={t("processing_pages.configs.delete_label", { label: item.label })}>
          {t("common.delete")}
        </Button>
      }
      title={t("processing_pages.configs.delete_title")}
      description={t("processing_pages.configs.delete_body", { label: item.label })}
      cancelLabel={t("common.cancel")}
      confirmLabel={t("processing_pages.configs.delete_confirm")}
      pendingLabel={t("common.deleting")}
      onConfirm={() => deleteFieldConfigurationAction({ dataset_uid, field_uid: item.uid })}
      onConfirmed={onDeleted}
    />
  );
}
