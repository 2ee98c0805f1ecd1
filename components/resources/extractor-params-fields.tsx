"use client";
// The parameters of an extractor as form fields, generated from the extractor's own description (GET /extractors/):
// a checkbox for booleans, a number input for integers, a select for choices, a text input otherwise.
import type { UseFormRegister } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import type { ExtractorParameter } from "@/components/resources/resource-api";
import type { ResourceFormValues } from "@/components/resources/resource-form-values";
import { useI18n } from "@/lib/i18n/client";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const toInteger = (v: unknown) => {
  if (v === "" || v === null || v === undefined) return undefined;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isNaN(n) ? v : n;
};

export const paramFieldId = (name: string) => `param-${name}`;

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
  const visible = parameters.filter((p) => !p.hidden);
  if (visible.length === 0) return null;
  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 text-sm font-semibold text-slate-900">{t("resource_pages.editor.params_legend")}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        {visible.map((parameter) => {
          const id = paramFieldId(parameter.name);
          const path = `params.${parameter.name}` as const;
          const error = errorOf(parameter.name);
          if (parameter.type === "boolean") {
            const helpId = parameter.description ? `${id}-help` : undefined;
            const errorId = error ? `${id}-error` : undefined;
            return (
              <div key={parameter.name} className="space-y-1.5 sm:col-span-2">
                <div className="flex items-center gap-2">
                  <input
                    id={id}
                    type="checkbox"
                    className="size-4 rounded border-slate-300 text-brand-600 focus:ring-2 focus:ring-brand-500/30"
                    aria-describedby={[errorId, helpId].filter(Boolean).join(" ") || undefined}
                    aria-invalid={error ? true : undefined}
                    {...register(path)}
                  />
                  <label htmlFor={id} className="text-sm font-medium text-slate-800">
                    {parameter.label}
                  </label>
                </div>
                {error ? (
                  <p id={errorId} className="text-sm text-red-700" role="alert">
                    {error}
                  </p>
                ) : null}
                {parameter.description ? (
                  <p id={helpId} className="text-xs text-slate-500">
                    {parameter.description}
                  </p>
                ) : null}
              </div>
            );
          }
          return (
            <FormField
              key={parameter.name}
              id={id}
              label={parameter.label}
              help={parameter.description}
              error={error}
              required={parameter.is_mandatory}
              requiredLabel={t("common.required")}
            >
              {(a11y) => {
                if (parameter.type === "integer") {
                  return <Input {...a11y} type="number" inputMode="numeric" step={1} {...register(path, { setValueAs: toInteger })} />;
                }
                if (parameter.type === "choice") {
                  const current = values[parameter.name];
                  const choices = parameter.choices ?? [];
                  const extra = typeof current === "string" && current !== "" && !choices.includes(current) ? [current] : [];
                  return (
                    <Select {...a11y} {...register(path, { setValueAs: blankToUndefined })}>
                      {!parameter.is_mandatory ? <option value="">{t("resource_pages.editor.choice_guess")}</option> : null}
                      {[...extra, ...choices].map((choice) => (
                        <option key={choice} value={choice}>
                          {choice}
                        </option>
                      ))}
                    </Select>
                  );
                }
                return <Input {...a11y} type="text" autoComplete="off" spellCheck={false} {...register(path, { setValueAs: blankToUndefined })} />;
              }}
            </FormField>
          );
        })}
      </div>
    </fieldset>
  );
}
