"use client";
// Create or edit a metadata template: its name, title, type and activation, and its fields (added, reordered,
// configured by type, choices, requirement level, help text), with a live preview of the form publishers get.
// Validated by the API's own schema; server field errors land on their inputs. System templates are read-only
// but for their activation.
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useFieldArray, useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { MetadataFields } from "@/components/metadata/metadata-fields";
import { toFormValues, type FormField as PreviewField, type FormValues } from "@/components/metadata/form-values";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { zodErrorMap } from "@/lib/errors/zod-messages";
import { useI18n } from "@/lib/i18n/client";
import { createTemplateAction, updateTemplateAction } from "@/lib/metadata/actions";
import {
  EDITABLE_TEMPLATE_TYPES,
  METADATA_FIELD_TYPES,
  REQUIREMENT_LEVELS,
  metadataTemplateWriteSchema,
  type MetadataTemplateWrite,
  type MetadataTemplateWriteInput,
} from "@/lib/metadata/template-schema";

type Values = MetadataTemplateWriteInput & { schema: NonNullable<MetadataTemplateWriteInput["schema"]> };

const newField = (n: number) => ({ name: `field_${n}`, type: "text" as const, label: "", help_text: null, self_suggest: false, is_filter: false, i18n: false, choices: null, labels: null, requirement_level: "optional" as const });

/** Choices as lines of text; the raw text is kept while typing so that a new line can be started. */
function ChoicesInput({ id, value, onChange, disabled }: { id: string; value: string[] | null | undefined; onChange: (v: string[] | null) => void; disabled: boolean }) {
  const [text, setText] = useState((value ?? []).join("\n"));
  return (
    <Textarea
      id={id}
      rows={3}
      disabled={disabled}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const lines = e.target.value.split("\n").map((l) => l.trim()).filter(Boolean);
        onChange(lines.length ? lines : null);
      }}
    />
  );
}

export function TemplateEditor({ mode, initial, readOnly = false }: { mode: "create" | "edit"; initial?: Values & { type: string }; readOnly?: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [formError, setFormError] = useState<{ message: string; details: string[] } | null>(null);
  const form = useForm<Values, unknown, MetadataTemplateWrite>({
    resolver: (readOnly
      ? async (values: Values) => ({ values, errors: {} })
      : zodResolver(metadataTemplateWriteSchema, { error: zodErrorMap(t) })) as unknown as Resolver<Values, unknown, MetadataTemplateWrite>,
    defaultValues: initial ?? { name: "", title: "", type: "basic", is_active: true, schema: [newField(1)] },
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { control, register, handleSubmit, setError, formState } = form;
  const { fields, append, remove, move } = useFieldArray({ control, name: "schema" });
  const watched = useWatch({ control, name: "schema" }) ?? [];
  const errorAt = (path: string): string | undefined =>
    (path.split(".").reduce<unknown>((acc, key) => (acc as Record<string, unknown> | undefined)?.[key], formState.errors) as { message?: string } | undefined)?.message;

  const previewFields: PreviewField[] = watched
    .filter((f) => f?.name)
    .map((f) => ({
      name: f.name,
      type: f.type ?? "text",
      label: f.label || null,
      help_text: f.help_text ?? null,
      choices: f.choices ?? null,
      labels: null,
      i18n: !!f.i18n,
      self_suggest: false,
      requirement_level: f.requirement_level ?? "optional",
    }));
  const preview = useForm<FormValues>({ values: toFormValues(previewFields, {}) });

  const onSubmit = handleSubmit(
    async (template) => {
      setFormError(null);
      const result =
        mode === "create"
          ? await createTemplateAction(template)
          : await updateTemplateAction({ name: initial!.name, template: readOnly ? { is_active: template.is_active } : template });
      if (result.ok) {
        toast(mode === "create" ? t("metadata_templates.form.created") : t("metadata_templates.form.saved"));
        router.push("/metadata-templates");
        router.refresh();
        return;
      }
      const details: string[] = [];
      for (const [path, messages] of Object.entries(result.error.fieldErrors ?? {})) {
        const target = path.startsWith("template.") ? path.slice("template.".length) : path;
        if (target === "non_field_errors") details.push(messages.join(" "));
        else setError(target as FieldPath<Values>, { type: "server", message: messages[0] });
      }
      setFormError({ message: result.error.message, details });
    },
    () => setFormError({ message: t("metadata_templates.form.fix_errors"), details: [] }),
  );

  const locked = readOnly;
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form onSubmit={onSubmit} noValidate className="space-y-6" aria-busy={formState.isSubmitting}>
        {formError ? <FormErrorAlert message={formError.message} details={formError.details} /> : null}
        {readOnly ? <p className="rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-700">{t("metadata_templates.form.read_only")}</p> : null}
        <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
          <FormField id="tpl-name" label={t("metadata_templates.form.name")} help={t("metadata_templates.form.name_help")} error={errorAt("name")} required>
            {(a11y) => <Input {...a11y} {...register("name")} disabled={mode === "edit"} className="font-mono" autoCapitalize="none" spellCheck={false} />}
          </FormField>
          <FormField id="tpl-title" label={t("metadata_templates.form.template_title")} error={errorAt("title")} required>
            {(a11y) => <Input {...a11y} {...register("title")} disabled={locked} />}
          </FormField>
          <FormField id="tpl-type" label={t("metadata_templates.form.type")} help={t("metadata_templates.form.type_help")} error={errorAt("type")}>
            {(a11y) => (
              <Select {...a11y} {...register("type")} disabled={locked}>
                {(locked && initial ? [initial.type] : EDITABLE_TEMPLATE_TYPES).map((type) => (
                  <option key={type} value={type}>
                    {t(`metadata_templates.types.${type as "basic"}`)}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <Controller
            control={control}
            name="is_active"
            render={({ field }) => (
              <label className="flex items-center gap-3 text-sm font-medium text-slate-800">
                <Switch checked={!!field.value} onCheckedChange={field.onChange} aria-label={t("metadata_templates.form.is_active")} />
                {t("metadata_templates.form.is_active")}
                <span className="text-xs font-normal text-slate-500">{t("metadata_templates.form.is_active_help")}</span>
              </label>
            )}
          />
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="text-sm font-semibold text-slate-900">{t("metadata_templates.form.fields")}</legend>
          {fields.length === 0 ? <p className="text-sm text-slate-600">{t("metadata_templates.form.no_fields")}</p> : null}
          {fields.map((item, i) => {
            const name = watched[i]?.name || `#${i + 1}`;
            const type = watched[i]?.type ?? "text";
            return (
              <div key={item.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={`template-field-${i}`}>
                <div className="flex items-center justify-between gap-2">
                  <h3 className="text-sm font-medium text-slate-900">{t("metadata_templates.form.field", { n: i + 1 })}</h3>
                  {!locked ? (
                    <div className="flex gap-1">
                      <Button type="button" size="sm" variant="secondary" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t("metadata_templates.form.move_up", { name })}>
                        ↑
                      </Button>
                      <Button type="button" size="sm" variant="secondary" disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={t("metadata_templates.form.move_down", { name })}>
                        ↓
                      </Button>
                      <Button type="button" size="sm" variant="secondary" onClick={() => remove(i)} aria-label={t("metadata_templates.form.remove_field", { name })}>
                        ✕
                      </Button>
                    </div>
                  ) : null}
                </div>
                <div className="grid gap-3 sm:grid-cols-2">
                  <FormField id={`f-${i}-name`} label={t("metadata_templates.form.field_name")} error={errorAt(`schema.${i}.name`)}>
                    {(a11y) => <Input {...a11y} {...register(`schema.${i}.name`)} disabled={locked} className="font-mono" />}
                  </FormField>
                  <FormField id={`f-${i}-type`} label={t("metadata_templates.form.field_type")} error={errorAt(`schema.${i}.type`)}>
                    {(a11y) => (
                      <Select {...a11y} {...register(`schema.${i}.type`)} disabled={locked}>
                        {METADATA_FIELD_TYPES.map((ft) => (
                          <option key={ft} value={ft}>
                            {t(`metadata_templates.field_types.${ft}`)}
                          </option>
                        ))}
                      </Select>
                    )}
                  </FormField>
                  <FormField id={`f-${i}-label`} label={t("metadata_templates.form.field_label")} error={errorAt(`schema.${i}.label`)}>
                    {(a11y) => <Input {...a11y} {...register(`schema.${i}.label`)} disabled={locked} />}
                  </FormField>
                  <FormField id={`f-${i}-req`} label={t("metadata_templates.form.field_requirement")} error={errorAt(`schema.${i}.requirement_level`)}>
                    {(a11y) => (
                      <Select {...a11y} {...register(`schema.${i}.requirement_level`)} disabled={locked}>
                        {REQUIREMENT_LEVELS.map((level) => (
                          <option key={level} value={level}>
                            {t(`metadata_templates.requirement.${level}`)}
                          </option>
                        ))}
                      </Select>
                    )}
                  </FormField>
                </div>
                <FormField id={`f-${i}-help`} label={t("metadata_templates.form.field_help_text")} error={errorAt(`schema.${i}.help_text`)}>
                  {(a11y) => <Input {...a11y} {...register(`schema.${i}.help_text`, { setValueAs: (v: string) => (v ? v : null) })} disabled={locked} />}
                </FormField>
                {["text", "list", "int", "double", "date", "datetime", "enum", "enumlist", "uri_enum", "uri_enumlist"].includes(type) ? (
                  <FormField id={`f-${i}-choices`} label={t("metadata_templates.form.field_choices")} help={t("metadata_templates.form.field_choices_help")} error={errorAt(`schema.${i}.choices`)}>
                    {() => (
                      <Controller
                        control={control}
                        name={`schema.${i}.choices`}
                        render={({ field }) => <ChoicesInput id={`f-${i}-choices`} value={field.value} onChange={field.onChange} disabled={locked} />}
                      />
                    )}
                  </FormField>
                ) : null}
                <div className="flex flex-wrap gap-4 text-sm">
                  {(["self_suggest", "is_filter", "i18n"] as const).map((flag) => (
                    <label key={flag} className="inline-flex items-center gap-1.5">
                      <input type="checkbox" {...register(`schema.${i}.${flag}`)} disabled={locked} />
                      {t(`metadata_templates.form.field_${flag}`)}
                    </label>
                  ))}
                </div>
              </div>
            );
          })}
          {!locked ? (
            <Button type="button" variant="secondary" onClick={() => append(newField(fields.length + 1))}>
              {t("metadata_templates.form.add_field")}
            </Button>
          ) : null}
        </fieldset>

        <div className="flex gap-3">
          <Button type="submit" disabled={formState.isSubmitting}>
            {mode === "create" ? t("metadata_templates.form.create") : t("metadata_templates.form.save")}
          </Button>
          <Button asChild variant="secondary">
            <Link href="/metadata-templates">{t("metadata_templates.form.cancel")}</Link>
          </Button>
        </div>
      </form>

      <aside aria-labelledby="tpl-preview" className="space-y-3 self-start rounded-lg border border-dashed border-slate-300 bg-slate-50 p-5 lg:sticky lg:top-4">
        <h2 id="tpl-preview" className="font-semibold text-slate-900">
          {t("metadata_templates.form.preview")}
        </h2>
        <p className="text-xs text-slate-500">{t("metadata_templates.form.preview_help")}</p>
        <MetadataFields template="" fields={previewFields} control={preview.control} errors={{}} idPrefix="preview" />
      </aside>
    </div>
  );
}
