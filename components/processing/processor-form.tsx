"use client";
// The parameters of one step, added or edited in place beside the preview: every change is reported as a draft
// (the preview then shows the stack with it, unsaved), and saving goes through the server action, whose field
// errors land on the fields — as do the preview's, which checks the unsaved step the same way.
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { z } from "zod";
import { ParamsFields } from "@/components/forms/params-fields";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { stableStringify } from "@/components/resources/use-resource-preview";
import type { ProcessorTypeInfo, ProcessorWrite } from "@/components/processing/processing-api";
import { initialFormValues, toProcessorWrite, type ProcessorFormValues } from "@/components/processing/processor-values";
import { zodErrorMap } from "@/lib/errors/zod-messages";
import { useI18n } from "@/lib/i18n/client";
import { createProcessorAction, updateProcessorAction } from "@/lib/processors/actions";
import { processorWriteSchema } from "@/lib/processors/schema";

const formSchema = z.object({ label: processorWriteSchema.shape.label, params: z.record(z.string(), z.unknown()) });

export type ProcessorFormTarget = { mode: "add"; type: ProcessorTypeInfo } | { mode: "edit"; type: ProcessorTypeInfo; processor: Record<string, unknown> & { uid: string } };

export function ProcessorForm({
  dataset_uid,
  target,
  position,
  fieldNames,
  previewErrors,
  onDraft,
  onSaved,
  onCancel,
}: {
  dataset_uid: string;
  target: ProcessorFormTarget;
  /** 1-based position of the step in the stack */
  position: number;
  /** the fields the step reads from: those after the previous step */
  fieldNames: string[];
  /** the preview's complaints about this (unsaved) step, by parameter name */
  previewErrors: Record<string, string[]>;
  /** the step as typed, or null while a mandatory parameter is blank */
  onDraft: (draft: ProcessorWrite | null) => void;
  onSaved: (uid: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { type } = target;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [formError, setFormError] = useState<{ message: string; details: string[] } | null>(null);
  const form = useForm<ProcessorFormValues>({
    resolver: zodResolver(formSchema, { error: zodErrorMap(t) }) as unknown as Resolver<ProcessorFormValues>,
    defaultValues: initialFormValues(type, target.mode === "edit" ? target.processor : undefined),
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const [label, params] = useWatch({ control, name: ["label", "params"] });

  useEffect(() => headingRef.current?.focus(), []);

  // The draft follows the form; the preview debounces it.
  const draft = toProcessorWrite(type, { label, params: params ?? {} });
  const complete = type.parameters.every((p) => !p.is_mandatory || (draft[p.name] !== undefined && !(Array.isArray(draft[p.name]) && (draft[p.name] as unknown[]).length === 0)));
  const draftKey = complete ? stableStringify(draft) : "null";
  const lastDraft = useRef("");
  useEffect(() => {
    if (draftKey === lastDraft.current) return;
    lastDraft.current = draftKey;
    onDraft(JSON.parse(draftKey) as ProcessorWrite | null);
  }, [draftKey, onDraft]);

  const paramNames = new Set(type.parameters.map((p) => p.name));
  const errorOf = (name: string) => (formState.errors.params as Record<string, { message?: string } | undefined> | undefined)?.[name]?.message ?? previewErrors[name]?.[0];

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const processor = toProcessorWrite(type, values);
    const result =
      target.mode === "edit"
        ? await updateProcessorAction({ dataset_uid, processor_uid: target.processor.uid, processor })
        : await createProcessorAction({ dataset_uid, processor });
    if (result.ok) {
      onSaved(result.data.uid);
      return;
    }
    const details: string[] = [];
    let focused = false;
    for (const [rawPath, messages] of Object.entries(result.error.fieldErrors ?? {})) {
      const path = rawPath.replace(/^processor\./, "");
      const message = messages.join(" ");
      const name = path === "label" ? "label" : paramNames.has(path) ? (`params.${path}` as const) : null;
      if (name) {
        setError(name, { type: "server", message }, { shouldFocus: !focused });
        focused = true;
      } else details.push(`${path}: ${message}`);
    }
    setFormError({ message: result.error.message, details });
  });

  const headingId = `processor-form-heading`;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={headingId} className="space-y-5 rounded-lg border border-brand-200 bg-white p-4 shadow-sm" data-testid="processor-form">
      <div>
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none">
          {target.mode === "add" ? t("processing_pages.form.add_title", { type: type.label }) : t("processing_pages.form.edit_title", { position })}
        </h3>
        <p className="mt-1 text-sm text-slate-600">{type.description}</p>
        <p className="mt-1 text-xs text-slate-500">{t("processing_pages.form.preview_note")}</p>
      </div>
      {formError ? <FormErrorAlert message={formError.message} details={formError.details} /> : null}
      <FormField id="processor-label" label={t("processing_pages.form.label")} error={formState.errors.label?.message ?? previewErrors.label?.[0]} help={t("processing_pages.form.label_help")}>
        {(a11y) => <Input {...a11y} autoComplete="off" {...register("label")} />}
      </FormField>
      {type.parameters.length ? (
        <ParamsFields
          parameters={type.parameters}
          register={register}
          control={control}
          values={params ?? {}}
          errorOf={errorOf}
          legend={t("processing_pages.form.params_legend")}
          emptyChoiceLabel={t("processing_pages.form.default_choice")}
          choiceLabel={(choice) => (choice === "" ? t("processing_pages.form.choice_empty") : choice === " " ? t("processing_pages.form.choice_space") : choice)}
          fieldNames={fieldNames}
        />
      ) : (
        <p className="text-sm text-slate-600">{t("processing_pages.form.no_params")}</p>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("common.saving") : target.mode === "add" ? t("processing_pages.form.add") : t("processing_pages.form.save")}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={formState.isSubmitting}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
