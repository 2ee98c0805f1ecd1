"use client";
// One field configuration item, made in place from a field of the result: rename (name and label), change its
// type, describe it, or annotate it. The form's values are the item itself, checked by the same schema as the
// server action (fieldConfigurationWriteSchema); the action's field errors land on the fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { FieldConfigurationWrite } from "@/components/processing/processing-api";
import { zodErrorMap } from "@/lib/errors/zod-messages";
import { ANNOTATION_ARGS, ANNOTATIONS, FIELD_TYPE_PARAMS, type AnnotationName } from "@/lib/fields/annotation-rules";
import { createFieldConfigurationAction } from "@/lib/fields/actions";
import { fieldConfigurationWriteSchema } from "@/lib/fields/schema";
import { useI18n } from "@/lib/i18n/client";

export type FieldAction = "rename" | "type" | "description" | "annotate";
export type ResultField = { name: string; label: string; type: string; description?: string };

type Values = FieldValues & { type: FieldAction; label: string; args?: unknown[]; annotation?: AnnotationName };

/** Arguments only for the annotations that take one; digits as a number where an integer is expected. */
function normalize(values: Values): Values {
  if (values.type !== "annotate") return values;
  const rule = ANNOTATION_ARGS[values.annotation as AnnotationName];
  if (!rule || rule.kind === "none") {
    const { args: _args, ...rest } = values;
    return rest as Values;
  }
  const arg = values.args?.[0];
  return { ...values, args: [rule.kind === "integer" && typeof arg === "string" && /^\d+$/.test(arg) ? Number(arg) : (arg ?? "")] };
}

export function FieldConfigDialog({
  dataset_uid,
  action,
  field,
  onClose,
  onSaved,
}: {
  dataset_uid: string;
  action: FieldAction;
  field: ResultField;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [formError, setFormError] = useState<string | null>(null);
  const defaults: Record<FieldAction, Values> = {
    rename: { type: "rename", label: t("processing_pages.fields.default_labels.rename", { field: field.name }), from_name: field.name, to_name: field.name, field_label: field.label },
    type: { type: "type", label: t("processing_pages.fields.default_labels.type", { field: field.name }), field: field.name, type_param: FIELD_TYPE_PARAMS.includes(field.type as never) ? field.type : "text" },
    description: { type: "description", label: t("processing_pages.fields.default_labels.description", { field: field.name }), field: field.name, description: field.description ?? "" },
    annotate: { type: "annotate", label: t("processing_pages.fields.default_labels.annotate", { field: field.name }), field: field.name, annotation: "facet" },
  };
  const schemaResolver = zodResolver(fieldConfigurationWriteSchema, { error: zodErrorMap(t) }) as unknown as Resolver<Values>;
  const form = useForm<Values>({
    resolver: (values, context, options) => schemaResolver(normalize(values), context, options),
    defaultValues: defaults[action],
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const annotation = useWatch({ control, name: "annotation" }) as AnnotationName | undefined;
  const rule = annotation ? ANNOTATION_ARGS[annotation] : undefined;
  const errorOf = (name: string) => (formState.errors as Record<string, { message?: string } | undefined>)[name]?.message;
  const argError = (formState.errors.args as unknown as { message?: string; [0]?: { message?: string } } | undefined);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await createFieldConfigurationAction({ dataset_uid, field: normalize(values) as FieldConfigurationWrite });
    if (result.ok) {
      onSaved();
      return;
    }
    const unplaced: string[] = [];
    let focused = false;
    for (const [rawPath, messages] of Object.entries(result.error.fieldErrors ?? {})) {
      const path = rawPath.replace(/^field\./, "");
      if (["label", "to_name", "field_label", "type_param", "description", "annotation", "args", "args.0"].includes(path)) {
        setError(path as Path<Values>, { type: "server", message: messages.join(" ") }, { shouldFocus: !focused });
        focused = true;
      } else unplaced.push(messages.join(" "));
    }
    setFormError([result.error.message, ...unplaced].join(" "));
  });

  const titles: Record<FieldAction, string> = {
    rename: t("processing_pages.fields.dialog.rename_title", { field: field.name }),
    type: t("processing_pages.fields.dialog.type_title", { field: field.name }),
    description: t("processing_pages.fields.dialog.description_title", { field: field.name }),
    annotate: t("processing_pages.fields.dialog.annotate_title", { field: field.name }),
  };
  const required = { required: true, requiredLabel: t("common.required") };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={titles[action]} description={t("processing_pages.fields.dialog.description")} closeLabel={t("common.cancel")}>
      <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="field-config-form">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {action === "rename" ? (
          <>
            <FormField id="fc-to-name" label={t("processing_pages.fields.dialog.to_name")} help={t("processing_pages.fields.dialog.to_name_help")} error={errorOf("to_name")} {...required}>
              {(a11y) => <Input {...a11y} autoComplete="off" spellCheck={false} className="font-mono" {...register("to_name")} />}
            </FormField>
            <FormField id="fc-field-label" label={t("processing_pages.fields.dialog.field_label")} error={errorOf("field_label")} {...required}>
              {(a11y) => <Input {...a11y} autoComplete="off" {...register("field_label")} />}
            </FormField>
          </>
        ) : null}
        {action === "type" ? (
          <FormField id="fc-type" label={t("processing_pages.fields.dialog.type_param")} error={errorOf("type_param")} {...required}>
            {(a11y) => (
              <Select {...a11y} {...register("type_param")}>
                {FIELD_TYPE_PARAMS.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        ) : null}
        {action === "description" ? (
          <FormField id="fc-description" label={t("processing_pages.fields.dialog.field_description")} error={errorOf("description")} {...required}>
            {(a11y) => <Textarea {...a11y} {...register("description")} />}
          </FormField>
        ) : null}
        {action === "annotate" ? (
          <>
            <FormField id="fc-annotation" label={t("processing_pages.fields.dialog.annotation")} error={errorOf("annotation")} {...required}>
              {(a11y) => (
                <Select {...a11y} {...register("annotation")}>
                  {ANNOTATIONS.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            {rule && rule.kind !== "none" ? (
              <FormField id="fc-arg" label={t("processing_pages.fields.dialog.argument")} error={argError?.[0]?.message ?? argError?.message} {...required}>
                {(a11y) =>
                  rule.kind === "choice" ? (
                    <Select {...a11y} {...register("args.0" as Path<Values>)}>
                      {rule.values.map((value) => (
                        <option key={value} value={value}>
                          {value}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Input {...a11y} autoComplete="off" inputMode={rule.kind === "integer" ? "numeric" : undefined} {...register("args.0" as Path<Values>)} />
                  )
                }
              </FormField>
            ) : null}
          </>
        ) : null}
        <FormField id="fc-label" label={t("processing_pages.fields.dialog.item_label")} help={t("processing_pages.fields.dialog.item_label_help")} error={errorOf("label")} {...required}>
          {(a11y) => <Input {...a11y} autoComplete="off" {...register("label")} />}
        </FormField>
        <div className="flex justify-end gap-3 pt-2">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t("common.saving") : t("processing_pages.fields.dialog.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
