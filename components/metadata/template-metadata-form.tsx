"use client";
// One section of a dataset's metadata editor: the form generated from one template, saved with that template's
// values only (PUT …/metadata/{template}/ semantics). Server field errors land on their inputs.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { MetadataFields } from "@/components/metadata/metadata-fields";
import { fromFormValues, templateResolver, toFormValues, type FormEntry, type FormField, type FormValues } from "@/components/metadata/form-values";
import { saveTemplateMetadataAction } from "@/lib/metadata/actions";
import { useI18n } from "@/lib/i18n/client";

export function TemplateMetadataForm({
  dataset_uid,
  template,
  fields,
  values,
  canEdit,
}: {
  dataset_uid: string;
  template: { name: string; title: string };
  fields: FormField[];
  values: Record<string, FormEntry | undefined>;
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [formError, setFormError] = useState<{ message: string; details: string[] } | null>(null);
  const form = useForm<FormValues>({ resolver: templateResolver(template.name, fields, t), defaultValues: toFormValues(fields, values), mode: "onSubmit", reValidateMode: "onChange" });
  const { control, handleSubmit, setError, formState, reset } = form;

  const onSubmit = handleSubmit(
    async (data) => {
      setFormError(null);
      const result = await saveTemplateMetadataAction({ dataset_uid, template: template.name, values: fromFormValues(fields, data) });
      if (result.ok) {
        reset(toFormValues(fields, result.data.values as Record<string, FormEntry>));
        toast(t("dataset_metadata.saved", { title: template.title }));
        router.refresh();
        return;
      }
      const details: string[] = [];
      const prefix = `metadata.${template.name}.`;
      for (const [path, messages] of Object.entries(result.error.fieldErrors ?? {})) {
        const name = path.startsWith(prefix) ? path.slice(prefix.length).split(".")[0]! : "";
        if (fields.some((f) => f.name === name)) setError(`${name}.value`, { type: "server", message: messages[0] });
        else details.push(`${path}: ${messages.join(" ")}`);
      }
      setFormError({ message: result.error.message, details });
    },
    () => setFormError({ message: t("dataset_metadata.fix_errors"), details: [] }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={formState.isSubmitting} className="space-y-5" data-testid={`metadata-section-${template.name}`}>
      {formError ? <FormErrorAlert message={formError.message} details={formError.details} /> : null}
      <MetadataFields template={template.name} fields={fields} control={control} errors={formState.errors} idPrefix={`md-${template.name}`} disabled={!canEdit} />
      {canEdit ? (
        <div className="flex justify-end">
          <Button type="submit" disabled={formState.isSubmitting}>
            {t("dataset_metadata.save")}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
