"use client";
// Create / edit a dataset. The form edits the Automation API's own shape (metadata.default.title.value…) and is
// validated by the same zod schema as the server action and the API, so server field errors land on the inputs.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, type FieldPath, type Resolver } from "react-hook-form";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { KeywordInput } from "@/components/datasets/keyword-input";
import { createDatasetAction, updateDatasetAction } from "@/lib/datasets/actions";
import { datasetWriteSchema, METADATA_LANGUAGES, type DatasetWrite } from "@/lib/datasets/schema";
import { zodErrorMap } from "@/lib/errors/zod-messages";
import { useI18n } from "@/lib/i18n/client";

type Value<T> = { value: T };

export type DatasetFormValues = {
  dataset_id?: string;
  is_restricted: boolean;
  metadata: {
    default: {
      title: Value<string>;
      description?: Value<string>;
      keyword?: Value<string[]>;
      language?: Value<string>;
      publisher?: Value<string>;
      references?: Value<string>;
      [field: string]: Value<unknown> | undefined;
    };
    [template: string]: unknown;
  };
  default_security?: unknown;
};

export type DatasetFormProps =
  | { mode: "create" }
  | { mode: "edit"; uid: string; updatedAt: string; isPublished: boolean; initial: DatasetFormValues; canManage: boolean };

const FIELDS = [
  "dataset_id",
  "is_restricted",
  "metadata.default.title.value",
  "metadata.default.description.value",
  "metadata.default.keyword.value",
  "metadata.default.language.value",
  "metadata.default.publisher.value",
  "metadata.default.references.value",
] as const satisfies readonly FieldPath<DatasetFormValues>[];

const emptyValues: DatasetFormValues = {
  dataset_id: "",
  is_restricted: false,
  metadata: { default: { title: { value: "" }, description: { value: "" }, keyword: { value: [] }, language: { value: "en" }, publisher: { value: "" }, references: { value: "" } } },
};

/** Blank inputs mean "no value"; the schema drops them (and reports a blank title). */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export function DatasetForm(props: DatasetFormProps) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [formError, setFormError] = useState<{ message: string; details: string[]; conflict: boolean } | null>(null);
  const editing = props.mode === "edit";

  const form = useForm<DatasetFormValues, unknown, DatasetWrite>({
    resolver: zodResolver(datasetWriteSchema, { error: zodErrorMap(t) }) as unknown as Resolver<DatasetFormValues, unknown, DatasetWrite>,
    defaultValues: editing ? { ...emptyValues, ...props.initial, metadata: { ...props.initial.metadata, default: { ...emptyValues.metadata.default, ...props.initial.metadata.default } } } : emptyValues,
    // Validate on submit, then as the user corrects: validating on blur moved the submit button under the
    // pointer (the error message appears above it) and swallowed the first click.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const errors = formState.errors;
  const errorOf = (path: (typeof FIELDS)[number]): string | undefined => {
    const node = path.split(".").reduce<unknown>((acc, key) => (acc as Record<string, unknown> | undefined)?.[key], errors);
    return (node as { message?: string } | undefined)?.message;
  };

  const onSubmit = handleSubmit(
    async (dataset) => {
      setFormError(null);
      const result = editing
        ? await updateDatasetAction({ dataset_uid: props.uid, expected_updated_at: props.updatedAt, dataset })
        : await createDatasetAction(dataset);
      if (result.ok) {
        toast(editing ? t("datasets.form.saved") : t("datasets.form.created"));
        router.push(`/datasets/${result.data.uid}`);
        router.refresh();
        return;
      }
      const details: string[] = [];
      for (const [path, messages] of Object.entries(result.error.fieldErrors ?? {})) {
        if ((FIELDS as readonly string[]).includes(path)) setError(path as (typeof FIELDS)[number], { type: "server", message: messages[0] });
        else details.push(`${path}: ${messages.join(" ")}`);
      }
      setFormError({ message: result.error.message, details, conflict: result.error.code === "conflict" });
    },
    () => setFormError({ message: t("datasets.form.fix_errors"), details: [], conflict: false }),
  );

  const req = t("common.required");
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-8" aria-busy={formState.isSubmitting}>
      {formError ? (
        <FormErrorAlert message={formError.message} details={formError.details}>
          {formError.conflict ? (
            <button type="button" className="mt-2 underline" onClick={() => window.location.reload()}>
              {t("common.retry")}
            </button>
          ) : null}
        </FormErrorAlert>
      ) : null}

      <fieldset className="space-y-5 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("datasets.form.section_identity")}</legend>
        <FormField id="title" label={t("datasets.form.title")} help={t("datasets.form.title_help")} error={errorOf("metadata.default.title.value")} required requiredLabel={req}>
          {(a11y) => <Input {...a11y} {...register("metadata.default.title.value")} autoFocus={!editing} />}
        </FormField>
        <FormField
          id="dataset_id"
          label={t("datasets.form.dataset_id")}
          help={editing && props.isPublished ? t("datasets.form.dataset_id_locked") : t("datasets.form.dataset_id_help")}
          error={errorOf("dataset_id")}
        >
          {(a11y) => (
            <Input
              {...a11y}
              {...register("dataset_id", { setValueAs: blankToUndefined, disabled: editing && props.isPublished })}
              className="font-mono"
              autoCapitalize="none"
              spellCheck={false}
            />
          )}
        </FormField>
      </fieldset>

      <fieldset className="space-y-5 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("datasets.form.section_description")}</legend>
        <FormField id="description" label={t("datasets.form.description")} error={errorOf("metadata.default.description.value")}>
          {(a11y) => <Textarea {...a11y} rows={5} {...register("metadata.default.description.value")} />}
        </FormField>
        <FormField id="keyword" label={t("datasets.form.keyword")} help={t("datasets.form.keyword_help")} error={errorOf("metadata.default.keyword.value")}>
          {(a11y) => (
            <Controller
              control={control}
              name="metadata.default.keyword.value"
              render={({ field }) => (
                <KeywordInput
                  id={a11y.id}
                  describedBy={a11y["aria-describedby"]}
                  invalid={a11y["aria-invalid"]}
                  value={field.value ?? []}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                />
              )}
            />
          )}
        </FormField>
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField id="language" label={t("datasets.form.language")} error={errorOf("metadata.default.language.value")}>
            {(a11y) => (
              <Select {...a11y} {...register("metadata.default.language.value")}>
                {METADATA_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`languages.${l}`)}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField id="publisher" label={t("datasets.form.publisher")} error={errorOf("metadata.default.publisher.value")}>
            {(a11y) => <Input {...a11y} {...register("metadata.default.publisher.value")} />}
          </FormField>
        </div>
        <FormField id="references" label={t("datasets.form.references")} help={t("datasets.form.references_help")} error={errorOf("metadata.default.references.value")}>
          {(a11y) => <Input {...a11y} type="url" inputMode="url" {...register("metadata.default.references.value")} />}
        </FormField>
      </fieldset>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("datasets.form.section_access")}</legend>
        <div className="flex items-start gap-3">
          <Controller
            control={control}
            name="is_restricted"
            render={({ field }) => (
              <Switch
                id="is_restricted"
                checked={!!field.value}
                onCheckedChange={field.onChange}
                onBlur={field.onBlur}
                // who sees a dataset is decided by those who manage it (the server refuses it to others too)
                disabled={editing && !props.canManage}
                aria-describedby="is_restricted-help"
              />
            )}
          />
          <div>
            <label htmlFor="is_restricted" className="text-sm font-medium text-slate-800">
              {t("datasets.form.is_restricted")}
            </label>
            <p id="is_restricted-help" className="text-xs text-slate-500">
              {editing && !props.canManage ? t("datasets.form.is_restricted_managers") : t("datasets.form.is_restricted_help")}
            </p>
          </div>
        </div>
      </fieldset>

      <div className="flex items-center gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("common.saving") : editing ? t("datasets.form.edit_submit") : t("datasets.form.create_submit")}
        </Button>
        <Button variant="secondary" asChild>
          <Link href={editing ? `/datasets/${props.uid}` : "/datasets"}>{t("common.cancel")}</Link>
        </Button>
      </div>
    </form>
  );
}
