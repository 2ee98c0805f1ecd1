"use client";
// The inputs of one DatasetSecurity, shared by the default-security form and every ruleset row of the grid.
import { Input, Select } from "@/components/ui/input";
import { DATASET_SECURITY_QUOTA_UNITS, type DatasetSecurity } from "@/lib/datasets/schema";
import { useI18n } from "@/lib/i18n/client";

type Quota = DatasetSecurity["api_calls_quota"];

/** A checkbox list of the published fields ("All fields" = null), or free text while no field is known. */
export function FieldsPicker({ label, fields, value, onChange, id }: { label: string; fields: string[] | null; value: string[] | null; onChange: (value: string[] | null) => void; id: string }) {
  const { t } = useI18n();
  if (fields === null) {
    return (
      <Input
        id={id}
        aria-label={label}
        title={t("security.fields_free_help")}
        value={value?.join(", ") ?? ""}
        placeholder={t("security.all_fields")}
        onChange={(e) => {
          const names = e.target.value.split(",").map((s) => s.trim()).filter(Boolean);
          onChange(e.target.value.trim() === "" ? null : [...new Set(names)]);
        }}
        className="w-44"
      />
    );
  }
  const summary = value === null ? t("security.all_fields") : value.length === 0 ? t("security.fields_none") : t("security.fields_count", { count: value.length, total: fields.length });
  const toggle = (name: string, on: boolean) => {
    const current = value ?? fields;
    const next = on ? fields.filter((f) => f === name || current.includes(f)) : current.filter((f) => f !== name);
    onChange(next.length === fields.length ? null : next);
  };
  return (
    <details className="relative" data-testid={`${id}-picker`}>
      <summary className="cursor-pointer rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm whitespace-nowrap text-slate-800" aria-label={`${label}: ${summary}`}>
        {summary}
      </summary>
      <fieldset className="absolute z-10 mt-1 max-h-72 w-56 overflow-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        <legend className="sr-only">{label}</legend>
        <label className="flex items-center gap-2 py-0.5 text-sm font-medium">
          <input type="checkbox" checked={value === null} onChange={(e) => onChange(e.target.checked ? null : [])} />
          {t("security.all_fields")}
        </label>
        {fields.map((name) => (
          <label key={name} className="flex items-center gap-2 py-0.5 font-mono text-xs">
            <input type="checkbox" checked={value === null || value.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
            {name}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** Calls per unit; an empty number means no quota. */
export function QuotaInput({ label, value, onChange, id }: { label: string; value: Quota; onChange: (value: Quota) => void; id: string }) {
  const { t } = useI18n();
  return (
    <fieldset className="flex items-center gap-1">
      <legend className="sr-only">{label}</legend>
      <Input
        id={id}
        type="number"
        min={0}
        inputMode="numeric"
        aria-label={t("security.quota_limit_label")}
        placeholder={t("security.quota_none")}
        value={value?.limit ?? ""}
        onChange={(e) => {
          const raw = e.target.value.trim();
          onChange(raw === "" ? null : { unit: value?.unit ?? "day", limit: Math.max(0, Math.floor(Number(raw))) });
        }}
        className="w-24"
      />
      <Select aria-label={t("security.quota_unit_label")} value={value?.unit ?? "day"} disabled={!value} onChange={(e) => value && onChange({ ...value, unit: e.target.value as NonNullable<Quota>["unit"] })} className="w-36">
        {DATASET_SECURITY_QUOTA_UNITS.map((unit) => (
          <option key={unit} value={unit}>
            {t("security.quota_unit_label")} {t(`security.units.${unit}`)}
          </option>
        ))}
      </Select>
    </fieldset>
  );
}
