"use client";
// The permission vocabulary as a list of checkboxes. Permissions the signed-in user does not hold are shown but
// disabled (the server refuses to grant them anyway); ones already granted stay removable.
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { useI18n } from "@/lib/i18n/client";

export function PermissionCheckboxes({
  id,
  value,
  onChange,
  grantable,
  legend,
}: {
  id: string;
  value: readonly string[];
  onChange: (next: Permission[]) => void;
  grantable: readonly string[];
  legend: string;
}) {
  const { t } = useI18n();
  const selected = new Set(value);
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div className="grid max-h-64 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
        {PERMISSIONS.map((permission) => {
          const checked = selected.has(permission);
          const disabled = !checked && !grantable.includes(permission);
          return (
            <label key={permission} className={`flex items-start gap-2 text-sm ${disabled ? "text-slate-400" : "text-slate-700"}`}>
              <input
                type="checkbox"
                id={`${id}-${permission}`}
                name={permission}
                className="mt-0.5"
                checked={checked}
                disabled={disabled}
                onChange={(e) => onChange(PERMISSIONS.filter((p) => (p === permission ? e.target.checked : selected.has(p))))}
              />
              <span>
                {t(`identity.permissions.${permission}`)}
                <span className="block font-mono text-xs text-slate-500">{permission}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function PermissionList({ permissions }: { permissions: readonly string[] }) {
  const { t } = useI18n();
  if (!permissions.length) return <span className="text-slate-500">{t("identity.permissions.none")}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {permissions.map((p) => (
        <li key={p} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
          {p}
        </li>
      ))}
    </ul>
  );
}
