"use client";
// Parameters as form fields, generated from their description (GET /extractors/, GET /processors/): a checkbox
// for booleans, a number input for integers, a select for choices and for one field name, checkboxes for a list
// of field names, a text input otherwise. The values live under `params.<name>` of the form.
import type { Control, FieldValues, Path, UseFormRegister } from "react-hook-form";
import { useController } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";

export type ParamDescription = {
  type: string;
  is_mandatory: boolean;
  name: string;
  label: string;
  description?: string;
  choices?: string[];
  hidden?: boolean;
};

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const toInteger = (v: unknown) => {
  if (v === "" || v === null || v === undefined) return undefined;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isNaN(n) ? v : n;
};

export const paramFieldId = (name: string) => `param-${name}`;

type Props<T extends FieldValues> = {
  parameters: ParamDescription[];
  register: UseFormRegister<T>;
  /** needed for "fields" parameters (a list of field names) */
  control?: Control<T>;
  values: Record<string, unknown>;
  errorOf: (name: string) => string | undefined;
  legend: string;
  /** the first option of an optional choice (blank: the server's default or guess) */
  emptyChoiceLabel: string;
  /** how a choice reads in its select; the choice itself by default */
  choiceLabel?: (choice: string) => string;
  /** the field names "field" and "fields" parameters choose from */
  fieldNames?: string[];
};

export function ParamsFields<T extends FieldValues>({
  parameters,
  register,
  control,
  values,
  errorOf,
  legend,
  emptyChoiceLabel,
  choiceLabel = (c) => c,
  fieldNames = [],
}: Props<T>) {
  const { t } = useI18n();
  const visible = parameters.filter((p) => !p.hidden);
  if (visible.length === 0) return null;
  return (
    <fieldset className="space-y-4">
      <legend className="mb-2 text-sm font-semibold text-slate-900">{legend}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        {visible.map((parameter) => {
          const id = paramFieldId(parameter.name);
          const path = `params.${parameter.name}` as Path<T>;
          const error = errorOf(parameter.name);
          if (parameter.type === "boolean") {
            return (
              <div key={parameter.name} className="space-y-1.5 sm:col-span-2">
                <div className="flex items-center gap-2">
                  <input
                    id={id}
                    type="checkbox"
                    className="size-4 rounded border-slate-300 text-brand-600 focus:ring-2 focus:ring-brand-500/30"
                    aria-describedby={notesIds(id, error, parameter.description)}
                    aria-invalid={error ? true : undefined}
                    {...register(path)}
                  />
                  <label htmlFor={id} className="text-sm font-medium text-slate-800">
                    {parameter.label}
                  </label>
                </div>
                <ParamNotes id={id} error={error} description={parameter.description} />
              </div>
            );
          }
          if (parameter.type === "fields" && control) {
            return <FieldListParam key={parameter.name} parameter={parameter} path={path} control={control} fieldNames={fieldNames} error={error} />;
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
                if (parameter.type === "choice" || parameter.type === "field") {
                  const current = values[parameter.name];
                  const choices = parameter.type === "field" ? fieldNames : (parameter.choices ?? []);
                  const extra = typeof current === "string" && current !== "" && !choices.includes(current) ? [current] : [];
                  const blankIsChoice = choices.includes("");
                  return (
                    <Select {...a11y} {...register(path, { setValueAs: blankToUndefined })}>
                      {!blankIsChoice && (!parameter.is_mandatory || parameter.type === "field") ? (
                        <option value="">{parameter.type === "field" ? t("processing_pages.params.choose_field") : emptyChoiceLabel}</option>
                      ) : null}
                      {[...extra, ...choices].map((choice) => (
                        <option key={choice} value={choice}>
                          {parameter.type === "field" ? choice : choiceLabel(choice)}
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

/** A list of field names as checkboxes, in the order of the fields; names no longer present stay listed. */
function FieldListParam<T extends FieldValues>({
  parameter,
  path,
  control,
  fieldNames,
  error,
}: {
  parameter: ParamDescription;
  path: Path<T>;
  control: Control<T>;
  fieldNames: string[];
  error?: string;
}) {
  const { t } = useI18n();
  const { field } = useController({ control, name: path });
  const id = paramFieldId(parameter.name);
  const selected: string[] = Array.isArray(field.value) ? (field.value as string[]) : typeof field.value === "string" && field.value ? [field.value] : [];
  const names = [...fieldNames, ...selected.filter((name) => !fieldNames.includes(name))];
  const toggle = (name: string, on: boolean) => {
    const next = on ? names.filter((n) => n === name || selected.includes(n)) : selected.filter((n) => n !== name);
    field.onChange(next.length ? next : undefined);
  };
  return (
    <fieldset
      id={id}
      className="space-y-1.5 sm:col-span-2"
      aria-describedby={notesIds(id, error, parameter.description)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-sm font-medium text-slate-800">
        {parameter.label}
        {parameter.is_mandatory ? <span className="ml-1 text-xs font-normal text-slate-500">({t("common.required")})</span> : null}
      </legend>
      <div className="flex max-h-40 flex-wrap gap-x-4 gap-y-1.5 overflow-y-auto rounded-md border border-slate-200 p-2">
        {names.length === 0 ? <p className="text-sm text-slate-500">{t("processing_pages.params.no_fields")}</p> : null}
        {names.map((name) => (
          <label key={name} className="flex items-center gap-1.5 font-mono text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300 text-brand-600"
              checked={selected.includes(name)}
              onChange={(event) => toggle(name, event.target.checked)}
              onBlur={field.onBlur}
            />
            {name}
          </label>
        ))}
      </div>
      <ParamNotes id={id} error={error} description={parameter.description} />
    </fieldset>
  );
}

/** The ids a control's aria-describedby names: its error, then its help (those `ParamNotes` renders). */
function notesIds(id: string, error: string | undefined, description: string | undefined): string | undefined {
  return [error ? `${id}-error` : undefined, description ? `${id}-help` : undefined].filter(Boolean).join(" ") || undefined;
}

/** The error and help under a control FormField does not render (a checkbox, a list of checkboxes). */
function ParamNotes({ id, error, description }: { id: string; error?: string; description?: string }) {
  return (
    <>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      {description ? (
        <p id={`${id}-help`} className="text-xs text-slate-500">
          {description}
        </p>
      ) : null}
    </>
  );
}
