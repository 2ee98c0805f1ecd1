"use client";
// The parameters of an extractor as form fields, generated from the extractor's own description (GET /extractors/)
// by the generic parameters form; an optional choice left blank is guessed by the server.
import type { UseFormRegister } from "react-hook-form";
import { ParamsFields } from "@/components/forms/params-fields";
import type { ExtractorParameter } from "@/components/resources/resource-api";
import type { ResourceFormValues } from "@/components/resources/resource-form-values";
import { useI18n } from "@/lib/i18n/client";

export { paramFieldId } from "@/components/forms/params-fields";

export function ExtractorParamsFields({
  parameters,
  register,
  values,
  errorOf,
}: {
  parameters: ExtractorParameter[];
  register: UseFormRegister<ResourceFormValues>;
  values: Record<string, unknown>;
  errorOf: (name: string) => string | undefined;
}) {
  const { t } = useI18n();
  return (
    <ParamsFields
      parameters={parameters}
      register={register}
      values={values}
      errorOf={errorOf}
      legend={t("resource_pages.editor.params_legend")}
      emptyChoiceLabel={t("resource_pages.editor.choice_guess")}
    />
  );
}
