"use client";
// The inputs of one metadata template, generated from its fields: one control per type, choices as selects or
// checkboxes, suggestions for self-suggest fields, one input per language for i18n fields, the remote value and
// its override switch beside linked values. Used by the dataset metadata editor and the template preview.
import { useEffect, useState } from "react";
import { Controller, type Control, type FieldErrors, useWatch } from "react-hook-form";
import { KeywordInput } from "@/components/datasets/keyword-input";
import { FormField } from "@/components/ui/form-field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { API_BASE } from "@/components/api/console-api";
import { useI18n } from "@/lib/i18n/client";
import { METADATA_LANGUAGES } from "@/lib/metadata/field-value";
import { LIST_TYPES } from "@/lib/metadata/template-schema";
import type { FormField as Field, FormValues } from "@/components/metadata/form-values";

/** Values already used for this field that start with what was typed (GET …/suggest/). */
function useSuggestions(template: string, field: Field, query: string): string[] {
  const [hits, setHits] = useState<string[]>([]);
  useEffect(() => {
    if (!field.self_suggest || template === "") return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const params = new URLSearchParams({ query, count: "8" });
        const response = await fetch(`${API_BASE}/metadata/templates/${encodeURIComponent(template)}/fields/${encodeURIComponent(field.name)}/suggest/?${params}`, { signal: controller.signal });
        if (response.ok) setHits(((await response.json()) as { hits: string[] }).hits);
      } catch {
        // suggestions are a convenience: none when they cannot be fetched
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [template, field.name, field.self_suggest, query]);
  return hits;
}

const choiceLabel = (field: Field, choice: string, locale: string) => field.labels?.[choice]?.[locale] ?? choice;
const remoteText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

function FieldControl({ template, field, control, idPrefix, disabled }: { template: string; field: Field; control: Control<FormValues>; idPrefix: string; disabled: boolean }) {
  const { t, locale } = useI18n();
  const id = `${idPrefix}-${field.name}`;
  const current = useWatch({ control, name: `${field.name}.value` as const });
  const typed = typeof current === "string" ? current : "";
  const suggestions = useSuggestions(template, field, typed);
  const listId = `${id}-suggestions`;

  return (
    <Controller
      control={control}
      name={`${field.name}.value`}
      render={({ field: input, fieldState }) => {
        const common = { id, disabled, "aria-invalid": fieldState.error ? true : undefined };
        const value = input.value;
        if (field.i18n && !LIST_TYPES.includes(field.type)) {
          const map = (value ?? {}) as Record<string, string>;
          const set = (lang: string, text: string) => input.onChange({ ...map, [lang]: text });
          const unused = METADATA_LANGUAGES.filter((l) => !(l in map));
          return (
            <div className="space-y-2" data-testid={`i18n-${field.name}`}>
              {Object.entries(map).map(([lang, text]) => (
                <div key={lang} className="flex items-center gap-2">
                  <span className="w-8 font-mono text-xs text-slate-500">{lang || "—"}</span>
                  <Input {...common} id={lang === Object.keys(map)[0] ? id : `${id}-${lang}`} aria-label={`${field.label ?? field.name} ${lang}`} value={text} onChange={(e) => set(lang, e.target.value)} />
                </div>
              ))}
              {unused.length && !disabled ? (
                <Select aria-label={t("dataset_metadata.add_translation")} value="" onChange={(e) => e.target.value && set(e.target.value, "")} className="w-auto text-xs">
                  <option value="">{t("dataset_metadata.add_translation")}</option>
                  {unused.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </Select>
              ) : null}
            </div>
          );
        }
        switch (field.type) {
          case "boolean":
            return (
              <Select {...common} value={String(value ?? "")} onChange={(e) => input.onChange(e.target.value)} onBlur={input.onBlur}>
                <option value="">—</option>
                <option value="true">{t("dataset_metadata.yes")}</option>
                <option value="false">{t("dataset_metadata.no")}</option>
              </Select>
            );
          case "enum":
          case "uri_enum":
            return (
              <Select {...common} value={String(value ?? "")} onChange={(e) => input.onChange(e.target.value)} onBlur={input.onBlur}>
                <option value="">{t("dataset_metadata.choose")}</option>
                {(field.choices ?? []).map((c) => (
                  <option key={c} value={c}>
                    {choiceLabel(field, c, locale)}
                  </option>
                ))}
              </Select>
            );
          case "enumlist":
          case "uri_enumlist": {
            const selected = (value as string[] | undefined) ?? [];
            return (
              <fieldset id={id} className="flex flex-wrap gap-3" aria-invalid={common["aria-invalid"]}>
                {(field.choices ?? []).map((c) => (
                  <label key={c} className="inline-flex items-center gap-1.5 text-sm">
                    <input
                      type="checkbox"
                      disabled={disabled}
                      checked={selected.includes(c)}
                      onChange={(e) => input.onChange(e.target.checked ? [...selected, c] : selected.filter((s) => s !== c))}
                    />
                    {choiceLabel(field, c, locale)}
                  </label>
                ))}
              </fieldset>
            );
          }
          case "list":
          case "geo_area": {
            const items = (value as string[] | undefined) ?? [];
            return (
              <div className="space-y-1">
                <KeywordInput id={id} value={items} onChange={input.onChange} onBlur={input.onBlur} invalid={!!fieldState.error} />
                {suggestions.filter((s) => !items.includes(s)).length && !disabled ? (
                  <p className="flex flex-wrap gap-1 text-xs text-slate-500">
                    {t("dataset_metadata.suggestions")}:
                    {suggestions
                      .filter((s) => !items.includes(s))
                      .map((s) => (
                        <button key={s} type="button" className="rounded bg-slate-100 px-1.5 text-slate-700 hover:bg-slate-200" onClick={() => input.onChange([...items, s])}>
                          {s}
                        </button>
                      ))}
                  </p>
                ) : null}
              </div>
            );
          }
          case "html":
          case "multitext":
          case "longstring":
          case "geo_shape":
            return <Textarea {...common} rows={field.type === "geo_shape" ? 3 : 4} value={String(value ?? "")} onChange={input.onChange} onBlur={input.onBlur} className={field.type === "geo_shape" ? "font-mono" : undefined} />;
          default:
            return (
              <>
                <Input
                  {...common}
                  type={field.type === "int" || field.type === "double" ? "number" : field.type === "date" ? "date" : "text"}
                  step={field.type === "double" ? "any" : undefined}
                  list={field.self_suggest ? listId : undefined}
                  value={String(value ?? "")}
                  onChange={input.onChange}
                  onBlur={input.onBlur}
                />
                {field.self_suggest ? (
                  <datalist id={listId}>
                    {suggestions.map((s) => (
                      <option key={s} value={s} />
                    ))}
                  </datalist>
                ) : null}
              </>
            );
        }
      }}
    />
  );
}

export function MetadataFields({
  template,
  fields,
  control,
  errors,
  idPrefix,
  disabled = false,
}: {
  /** the template's name ("" for an unsaved template: no suggestions) */
  template: string;
  fields: readonly Field[];
  control: Control<FormValues>;
  errors: FieldErrors<FormValues>;
  idPrefix: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const values = useWatch({ control }) as FormValues;
  return (
    <div className="space-y-5">
      {fields.map((field) => {
        const entry = values?.[field.name];
        const linked = entry?.remote_value !== undefined;
        const overridden = entry?.override_remote_value === true;
        const help = [field.help_text, field.type === "geo_shape" ? t("dataset_metadata.geojson_help") : null, field.type === "datetime" ? t("dataset_metadata.datetime_help") : null]
          .filter(Boolean)
          .join(" ");
        const level = field.requirement_level === "mandatory" ? t("dataset_metadata.mandatory") : field.requirement_level === "recommended" ? t("dataset_metadata.recommended") : undefined;
        return (
          <div key={field.name} className="space-y-2" data-testid={`metadata-field-${field.name}`}>
            <FormField
              id={`${idPrefix}-${field.name}`}
              label={field.label || field.name}
              help={help || undefined}
              error={(errors[field.name] as { value?: { message?: string } } | undefined)?.value?.message}
              required={!!level}
              requiredLabel={level}
            >
              {() => <FieldControl template={template} field={field} control={control} idPrefix={idPrefix} disabled={disabled || (linked && !overridden)} />}
            </FormField>
            {linked ? (
              <div className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-600">
                <span>
                  {t("dataset_metadata.remote_value")}: <span className="font-mono">{remoteText(entry?.remote_value)}</span>
                </span>
                <Controller
                  control={control}
                  name={`${field.name}.override_remote_value`}
                  render={({ field: flag }) => (
                    <label className="inline-flex items-center gap-2">
                      <Switch checked={flag.value === true} onCheckedChange={flag.onChange} disabled={disabled} />
                      {t("dataset_metadata.override")}
                    </label>
                  )}
                />
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
