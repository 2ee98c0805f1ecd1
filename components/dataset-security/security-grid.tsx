"use client";
// The dataset security grid: the restriction switch and the default security above, then one row per user or
// group ruleset (dataset permissions, data visibility, visible fields, record filter, quota), edited in place.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FieldsPicker, QuotaInput } from "@/components/dataset-security/security-inputs";
import { RulesetRow, targetKey, type GridRuleset } from "@/components/dataset-security/ruleset-row";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Table, Th } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { DATASET_PERMISSIONS } from "@/lib/auth/permissions";
import { DEFAULT_DATASET_SECURITY, type DatasetSecurity } from "@/lib/datasets/schema";
import { createRulesetAction, setDatasetAccessAction } from "@/lib/dataset-security/actions";
import { useI18n } from "@/lib/i18n/client";

type Props = {
  dataset_uid: string;
  dataset_id: string;
  is_restricted: boolean;
  default_security: DatasetSecurity;
  fields: string[] | null;
  rulesets: GridRuleset[];
  canViewAs: boolean;
};

export function SecurityGrid({ dataset_uid, dataset_id, is_restricted, default_security, fields, rulesets, canViewAs }: Props) {
  const { t } = useI18n();
  return (
    <div className="space-y-8">
      <section aria-labelledby="security-heading" className="space-y-4">
        <div>
          <h2 id="security-heading" className="text-lg font-semibold text-slate-900">
            {t("security.heading")}
          </h2>
          <p className="text-sm text-slate-600">{t("security.intro")}</p>
        </div>
        <RestrictionSwitch dataset_uid={dataset_uid} is_restricted={is_restricted} />
        <DefaultSecurityForm dataset_uid={dataset_uid} value={default_security} fields={fields} ignored={is_restricted} />
      </section>

      <section aria-labelledby="rulesets-heading" className="space-y-3">
        <h2 id="rulesets-heading" className="text-lg font-semibold text-slate-900">
          {t("security.grid_heading")}
        </h2>
        {rulesets.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="rulesets-empty">
            {t("security.empty")}
          </p>
        ) : (
          <Table className="min-w-[1150px]">
              <caption className="sr-only">{t("security.grid_caption")}</caption>
              <thead>
                <tr>
                  <Th scope="col">{t("security.col_target")}</Th>
                  {DATASET_PERMISSIONS.map((permission) => (
                    <Th key={permission} scope="col" className="text-center">
                      {t(`security.perm_short.${permission}`)}
                    </Th>
                  ))}
                  <Th scope="col" className="text-center">
                    {t("security.col_data_visible")}
                  </Th>
                  <Th scope="col">{t("security.col_fields")}</Th>
                  <Th scope="col">{t("security.col_filter")}</Th>
                  <Th scope="col">{t("security.col_quota")}</Th>
                  <Th scope="col">
                    <span className="sr-only">{t("security.col_actions")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {rulesets.map((ruleset) => (
                  <RulesetRow key={targetKey(ruleset.target)} dataset_uid={dataset_uid} dataset_id={dataset_id} ruleset={ruleset} fields={fields} canViewAs={canViewAs} />
                ))}
              </tbody>
          </Table>
        )}
        <AddRulesetForm dataset_uid={dataset_uid} />
      </section>
    </div>
  );
}

function RestrictionSwitch({ dataset_uid, is_restricted }: { dataset_uid: string; is_restricted: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function change(next: boolean) {
    setPending(true);
    setError(null);
    const result = await setDatasetAccessAction({ dataset_uid, is_restricted: next });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    toast(t(next ? "security.restricted_on_toast" : "security.restricted_off_toast"));
    router.refresh();
  }
  return (
    <div className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <Switch id="is-restricted" checked={is_restricted} disabled={pending} onCheckedChange={change} aria-describedby="is-restricted-help" />
      <div>
        <label htmlFor="is-restricted" className="font-medium text-slate-900">
          {t("security.restricted_label")}
        </label>
        <p id="is-restricted-help" className="text-sm text-slate-600">
          {is_restricted ? t("security.restricted_help_on") : t("security.restricted_help_off")}
        </p>
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
    </div>
  );
}

function DefaultSecurityForm({ dataset_uid, value, fields, ignored }: { dataset_uid: string; value: DatasetSecurity; fields: string[] | null; ignored: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [security, setSecurity] = useState(value);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; filter?: string } | null>(null);
  const dirty = JSON.stringify(security) !== JSON.stringify({ ...DEFAULT_DATASET_SECURITY, ...value });
  const set = (change: Partial<DatasetSecurity>) => setSecurity((current) => ({ ...current, ...change }));
  const target = t("security.default_heading");

  async function save(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await setDatasetAccessAction({ dataset_uid, default_security: security });
    setPending(false);
    if (!result.ok) return setError({ message: result.error.message, filter: result.error.fieldErrors?.["default_security.filter_query"]?.[0] });
    toast(t("security.default_saved_toast"));
    router.refresh();
  }

  return (
    <form onSubmit={save} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="default-security-heading" data-testid="default-security" noValidate>
      <div>
        <h3 id="default-security-heading" className="font-medium text-slate-900">
          {target}
        </h3>
        <p className="text-sm text-slate-600">{ignored ? t("security.default_ignored") : t("security.default_help")}</p>
      </div>
      <fieldset disabled={ignored} className="flex flex-wrap items-start gap-4 disabled:opacity-60">
        <legend className="sr-only">{target}</legend>
        <label className="flex items-center gap-2 pt-1.5 text-sm text-slate-800">
          <input type="checkbox" checked={security.is_data_visible} onChange={(e) => set({ is_data_visible: e.target.checked })} />
          {t("security.col_data_visible")}
        </label>
        <div className="space-y-1">
          <span className="block text-xs font-medium text-slate-600">{t("security.col_fields")}</span>
          <FieldsPicker id="default-fields" label={t("security.fields_label", { target })} fields={fields} value={security.visible_fields} onChange={(visible_fields) => set({ visible_fields })} />
        </div>
        <div className="space-y-1">
          <label htmlFor="default-filter" className="block text-xs font-medium text-slate-600">
            {t("security.col_filter")}
          </label>
          <Input
            id="default-filter"
            placeholder={t("security.filter_placeholder")}
            value={security.filter_query}
            onChange={(e) => set({ filter_query: e.target.value })}
            aria-invalid={error?.filter ? true : undefined}
            aria-describedby={error ? "default-filter-error" : undefined}
            className="w-64 font-mono text-xs"
          />
          {error ? (
            <p id="default-filter-error" role="alert" className="text-xs text-red-700">
              {error.filter ?? error.message}
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <span className="block text-xs font-medium text-slate-600">{t("security.col_quota")}</span>
          <QuotaInput id="default-quota" label={t("security.quota_label", { target })} value={security.api_calls_quota} onChange={(api_calls_quota) => set({ api_calls_quota })} />
        </div>
        <Button type="submit" disabled={!dirty || pending} className="self-end">
          {pending ? t("common.saving") : t("common.save")}
        </Button>
      </fieldset>
    </form>
  );
}

function AddRulesetForm({ dataset_uid }: { dataset_uid: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const [kind, setKind] = useState<"user" | "group">("user");
  const [name, setName] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const target = kind === "user" ? { kind, username: name.trim() } : { kind, group_uid: name.trim() };
    const result = await createRulesetAction({ dataset_uid, target, security: DEFAULT_DATASET_SECURITY, permissions: [] });
    setPending(false);
    if (!result.ok) {
      const fieldErrors = result.error.fieldErrors ?? {};
      return setError(fieldErrors["user.username"]?.[0] ?? fieldErrors["group.uid"]?.[0] ?? fieldErrors["target.username"]?.[0] ?? fieldErrors["target.group_uid"]?.[0] ?? result.error.message);
    }
    toast(t("security.added_toast", { target: name.trim() }));
    setName("");
    router.refresh();
  }

  return (
    <form onSubmit={add} className="flex flex-wrap items-end gap-2 rounded-lg border border-dashed border-slate-300 p-4" aria-labelledby="add-ruleset-heading" noValidate>
      <h3 id="add-ruleset-heading" className="w-full text-sm font-medium text-slate-900">
        {t("security.add_heading")}
      </h3>
      <label className="flex flex-col gap-1 text-sm text-slate-700">
        {t("security.add_kind")}
        <Select value={kind} onChange={(e) => setKind(e.target.value as "user" | "group")} className="w-36">
          <option value="user">{t("security.kind_user")}</option>
          <option value="group">{t("security.kind_group")}</option>
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-sm text-slate-700">
        {kind === "user" ? t("security.add_name_user") : t("security.add_name_group")}
        <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" className="w-64" aria-invalid={error ? true : undefined} aria-describedby={error ? "add-ruleset-error" : undefined} />
      </label>
      <Button type="submit" disabled={pending || name.trim() === ""}>
        {pending ? t("security.adding") : t("security.add")}
      </Button>
      {error ? (
        <p id="add-ruleset-error" role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
