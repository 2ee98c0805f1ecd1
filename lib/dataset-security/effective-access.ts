// What a caller sees of one dataset in Explore and why — the one place dataset security is decided
// (API-CONTRACT.md §2.1 is_restricted, §2.4). Pure: the caller's rulesets come with the principal.
//
// Order of precedence:
// 1. a domain permission that reads every dataset (or being the creator with create_dataset): everything;
// 2. rulesets of the user and of their groups: their union (PROPOSAL §2.4: union of visible fields, OR of the
//    record filters, OR of data visibility, the most generous quota);
// 3. no ruleset: the dataset's default_security, unless it is restricted — then the dataset does not exist for
//    the caller.
import type { Permission } from "@/lib/auth/permissions";
import type { DatasetSecurity } from "@/lib/datasets/schema";
import type { DatasetPermission } from "@/lib/dataset-security/schema";

export type RulesetSource = { kind: "user" } | { kind: "group"; group_uid: string; title: string };

/** A ruleset as it applies to a caller: theirs, or one of a group they belong to. */
export type AppliedRuleset = {
  dataset_uid: string;
  source: RulesetSource;
  security: DatasetSecurity;
  permissions: readonly DatasetPermission[];
};

export type AccessReason =
  | { kind: "domain_permission"; permission: Permission }
  | { kind: "owner" }
  | { kind: "ruleset"; source: RulesetSource }
  | { kind: "default_security" }
  | { kind: "restricted_without_ruleset" };

export type ApiCallsQuota = NonNullable<DatasetSecurity["api_calls_quota"]>;

export type EffectiveAccess = {
  /** false: the dataset is not listed and answers 404 */
  visible: boolean;
  is_data_visible: boolean;
  /** null: every field */
  visible_fields: string[] | null;
  /** null: every record; otherwise records matching at least one of these ODSQL conditions */
  record_filters: string[] | null;
  api_calls_quota: ApiCallsQuota | null;
  /** dataset permissions granted by rulesets (domain permissions are the principal's own) */
  permissions: DatasetPermission[];
  reasons: AccessReason[];
};

export type AccessSubject = {
  user_id: string | null;
  permissions: ReadonlySet<Permission>;
  rulesets: readonly AppliedRuleset[];
};

export type SecuredDataset = {
  uid: string;
  is_restricted: boolean;
  default_security: DatasetSecurity;
  created_by_id: string | null;
};

/** Domain permissions that read every dataset, restricted or not, in full. */
export const READS_EVERY_DATASET: readonly Permission[] = ["manage_dataset", "edit_dataset", "publish_dataset", "explore_restricted_dataset"];

const UNIT_SECONDS: Record<ApiCallsQuota["unit"], number> = { second: 1, minute: 60, hour: 3600, day: 86_400, month: 2_592_000 };

const FULL = { visible: true, is_data_visible: true, visible_fields: null, record_filters: null, api_calls_quota: null } as const;

export function effectiveAccess(subject: AccessSubject | null, dataset: SecuredDataset): EffectiveAccess {
  const rulesets = subject ? subject.rulesets.filter((r) => r.dataset_uid === dataset.uid) : [];
  const permissions = [...new Set(rulesets.flatMap((r) => r.permissions))];
  const domainGrant = subject ? READS_EVERY_DATASET.find((p) => subject.permissions.has(p)) : undefined;
  if (domainGrant) return { ...FULL, permissions, reasons: [{ kind: "domain_permission", permission: domainGrant }] };
  if (subject?.user_id && dataset.created_by_id === subject.user_id && subject.permissions.has("create_dataset")) {
    return { ...FULL, permissions, reasons: [{ kind: "owner" }] };
  }
  if (rulesets.length > 0) return { ...combine(rulesets.map((r) => r.security)), permissions, reasons: rulesets.map((r) => ({ kind: "ruleset", source: r.source })) };
  if (dataset.is_restricted) {
    return { visible: false, is_data_visible: false, visible_fields: [], record_filters: [], api_calls_quota: null, permissions, reasons: [{ kind: "restricted_without_ruleset" }] };
  }
  return { ...combine([dataset.default_security]), permissions, reasons: [{ kind: "default_security" }] };
}

function combine(securities: DatasetSecurity[]): Omit<EffectiveAccess, "permissions" | "reasons"> {
  // A ruleset that hides the data contributes nothing to what the data shows.
  const showing = securities.filter((s) => s.is_data_visible);
  const quotas = securities.map((s) => s.api_calls_quota);
  return {
    visible: true,
    is_data_visible: showing.length > 0,
    visible_fields: showing.length === 0 ? [] : showing.some((s) => s.visible_fields === null) ? null : [...new Set(showing.flatMap((s) => s.visible_fields ?? []))],
    record_filters: showing.length === 0 ? [] : showing.some((s) => s.filter_query.trim() === "") ? null : [...new Set(showing.map((s) => s.filter_query.trim()))],
    api_calls_quota: quotas.some((q) => q === null) ? null : mostGenerous(quotas as ApiCallsQuota[]),
  };
}

function mostGenerous(quotas: ApiCallsQuota[]): ApiCallsQuota | null {
  let best: ApiCallsQuota | null = null;
  for (const quota of quotas) {
    if (!best || quota.limit / UNIT_SECONDS[quota.unit] > best.limit / UNIT_SECONDS[best.unit]) best = quota;
  }
  return best;
}

/** The dataset rights a ruleset permission grants in the back office. */
export const RULESET_GRANTS: Record<DatasetPermission, readonly ("view" | "edit" | "publish" | "manage")[]> = {
  explore_restricted_dataset: ["view"],
  edit_dataset: ["view", "edit"],
  publish_dataset: ["view", "publish"],
  manage_dataset: ["view", "edit", "publish", "manage"],
};
