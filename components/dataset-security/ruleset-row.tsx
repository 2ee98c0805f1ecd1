"use client";
// One row of the security grid: a user's or a group's ruleset, edited in place and saved as a whole.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FieldsPicker, QuotaInput } from "@/components/dataset-security/security-inputs";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/input";
import { Td } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { DATASET_PERMISSIONS } from "@/lib/auth/permissions";
import type { DatasetSecurity } from "@/lib/datasets/schema";
import { deleteRulesetAction, updateRulesetAction } from "@/lib/dataset-security/actions";
import type { DatasetPermission } from "@/lib/dataset-security/schema";
import { useI18n } from "@/lib/i18n/client";

export type GridTarget = { kind: "user"; username: string } | { kind: "group"; group_uid: string; title: string };
export type GridRuleset = { target: GridTarget; security: DatasetSecurity; permissions: DatasetPermission[] };

export const targetName = (target: GridTarget) => (target.kind === "user" ? target.username : target.title);
export const targetKey = (target: GridTarget) => (target.kind === "user" ? `user:${target.username}` : `group:${target.group_uid}`);
const targetRef = (target: GridTarget) => (target.kind === "user" ? { kind: "user" as const, username: target.username } : { kind: "group" as const, group_uid: target.group_uid });

export function RulesetRow({ dataset_uid, dataset_id, ruleset, fields, canViewAs }: { dataset_uid: string; dataset_id: string; ruleset: GridRuleset; fields: string[] | null; canViewAs: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [security, setSecurity] = useState(ruleset.security);
  const [permissions, setPermissions] = useState(ruleset.permissions);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; filter?: string } | null>(null);
  const name = targetName(ruleset.target);
  const key = targetKey(ruleset.target);
  const dirty = JSON.stringify({ security, permissions: [...permissions].sort() }) !== JSON.stringify({ security: ruleset.security, permissions: [...ruleset.permissions].sort() });
  const set = (change: Partial<DatasetSecurity>) => setSecurity((current) => ({ ...current, ...change }));

  async function save() {
    setPending(true);
    setError(null);
    const result = await updateRulesetAction({ dataset_uid, target: targetRef(ruleset.target), security, permissions });
    setPending(false);
    if (!result.ok) {
      setError({ message: result.error.message, filter: result.error.fieldErrors?.["security.filter_query"]?.[0] });
      return;
    }
    toast(t("security.saved_toast", { target: name }));
    router.refresh();
  }

  const filterError = `${key}-filter-error`;
  return (
    <tr data-testid={`ruleset-${key}`} className={dirty ? "bg-amber-50" : undefined}>
      <Td>
        <div className="font-medium text-slate-900">{name}</div>
        <div className="text-xs text-slate-500">
          {ruleset.target.kind === "user" ? t("security.kind_user") : `${t("security.kind_group")} · ${ruleset.target.group_uid}`}
        </div>
      </Td>
      {DATASET_PERMISSIONS.map((permission) => (
        <Td key={permission} className="text-center">
          <input
            type="checkbox"
            aria-label={t("security.perm_label", { permission: t(`security.perm_short.${permission}`), target: name })}
            checked={permissions.includes(permission)}
            onChange={(e) => setPermissions((current) => (e.target.checked ? [...current, permission] : current.filter((p) => p !== permission)))}
          />
        </Td>
      ))}
      <Td className="text-center">
        <input type="checkbox" aria-label={t("security.data_visible_label", { target: name })} checked={security.is_data_visible} onChange={(e) => set({ is_data_visible: e.target.checked })} />
      </Td>
      <Td>
        <FieldsPicker id={`${key}-fields`} label={t("security.fields_label", { target: name })} fields={fields} value={security.visible_fields} onChange={(visible_fields) => set({ visible_fields })} />
      </Td>
      <Td>
        <Input
          aria-label={t("security.filter_label", { target: name })}
          placeholder={t("security.filter_placeholder")}
          value={security.filter_query}
          onChange={(e) => set({ filter_query: e.target.value })}
          aria-invalid={error?.filter ? true : undefined}
          aria-describedby={error ? filterError : undefined}
          className="w-56 font-mono text-xs"
        />
        {error ? (
          <p id={filterError} role="alert" className="mt-1 max-w-48 text-xs text-red-700">
            {error.filter ?? error.message}
          </p>
        ) : null}
      </Td>
      <Td>
        <QuotaInput id={`${key}-quota`} label={t("security.quota_label", { target: name })} value={security.api_calls_quota} onChange={(api_calls_quota) => set({ api_calls_quota })} />
      </Td>
      <Td className="text-right whitespace-nowrap">
        <div className="flex justify-end gap-1">
          {dirty ? (
            <Button size="sm" onClick={save} disabled={pending} aria-label={`${t("common.save")} · ${name}`}>
              {pending ? t("common.saving") : t("common.save")}
            </Button>
          ) : canViewAs ? (
            <Button size="sm" variant="secondary" asChild>
              <Link href={`/view-as?as=${encodeURIComponent(key)}&dataset=${encodeURIComponent(dataset_id)}`}>{t("security.view_as")}</Link>
            </Button>
          ) : null}
          <ConfirmDialog
            trigger={
              <Button size="sm" variant="secondary" aria-label={`${t("common.delete")} · ${name}`}>
                {t("common.delete")}
              </Button>
            }
            title={t("security.delete_title", { target: name })}
            description={t("security.delete_description")}
            cancelLabel={t("common.cancel")}
            confirmLabel={t("common.delete")}
            pendingLabel={t("common.deleting")}
            onConfirm={() => deleteRulesetAction({ dataset_uid, target: targetRef(ruleset.target) })}
            onConfirmed={() => {
              toast(t("security.deleted_toast", { target: name }));
              router.refresh();
            }}
          />
        </div>
        {dirty ? <span className="sr-only">{t("security.unsaved")}</span> : null}
      </Td>
    </tr>
  );
}
