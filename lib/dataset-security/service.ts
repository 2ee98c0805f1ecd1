import "server-only";
// Dataset security rulesets (Automation API §2.4), for the API routes and the console's security grid alike.
// Reading and changing a dataset's rulesets takes the `manage` right on it; the restriction switch and the
// default ruleset are part of the Dataset object (lib/datasets/service.ts). In proxy mode the upstream holds and
// checks them (lib/store/remote/security.ts).
import type { Principal } from "@/lib/auth/principal";
import { datasetScope } from "@/lib/datasets/access";
import { requireDatasetRight } from "@/lib/datasets/service";
import type { DatasetSecurity } from "@/lib/datasets/schema";
import type { DatasetPermission, RulesetListQuery } from "@/lib/dataset-security/schema";
import { AppError, msg, notFound } from "@/lib/errors/app-error";
import { checkSecurity } from "@/lib/dataset-security/check-security";
import type { RulesetTargetRef, StoredRuleset } from "@/lib/store/security-types";
import { store } from "@/lib/store/store";
import type { Page } from "@/lib/store/types";

export type RulesetChange = { security: DatasetSecurity; permissions: DatasetPermission[] };

export async function listRulesets(principal: Principal, dataset_uid: string, kind: RulesetTargetRef["kind"], page: RulesetListQuery): Promise<Page<StoredRuleset>> {
  if (principal.upstream) return principal.upstream.security.list(dataset_uid, kind, page);
  await requireDatasetRight(principal, dataset_uid, "manage");
  return store().rulesets.list(dataset_uid, kind, page);
}

/** Every ruleset of the dataset, for the security grid. */
export async function allRulesets(principal: Principal, dataset_uid: string): Promise<StoredRuleset[]> {
  if (principal.upstream) return principal.upstream.security.all(dataset_uid);
  await requireDatasetRight(principal, dataset_uid, "manage");
  return store().rulesets.all(dataset_uid);
}

export async function getRuleset(principal: Principal, dataset_uid: string, target: RulesetTargetRef): Promise<StoredRuleset> {
  if (principal.upstream) return principal.upstream.security.get(dataset_uid, target);
  await requireDatasetRight(principal, dataset_uid, "manage");
  const ruleset = await store().rulesets.get(dataset_uid, target);
  if (!ruleset) throw notFound();
  return ruleset;
}

export async function createRuleset(principal: Principal, dataset_uid: string, target: RulesetTargetRef, change: RulesetChange): Promise<StoredRuleset> {
  if (principal.upstream) return principal.upstream.security.create(dataset_uid, target, change);
  await requireDatasetRight(principal, dataset_uid, "manage");
  const created = await store().rulesets.create(dataset_uid, target, { ...change, security: checkSecurity(change.security) });
  const field = target.kind === "user" ? "user.username" : "group.uid";
  const name = target.kind === "user" ? target.username : target.group_uid;
  if (created === "no_target") {
    const message = msg(target.kind === "user" ? "security.errors.no_user" : "security.errors.no_group", { name });
    throw new AppError("validation_error", message, { fieldErrors: { [field]: [message] } });
  }
  if (created === "exists") {
    const message = msg("security.errors.exists", { name });
    throw new AppError("validation_error", message, { fieldErrors: { [field]: [message] } });
  }
  return created;
}

export async function updateRuleset(principal: Principal, dataset_uid: string, target: RulesetTargetRef, change: RulesetChange): Promise<StoredRuleset> {
  if (principal.upstream) return principal.upstream.security.update(dataset_uid, target, change);
  await requireDatasetRight(principal, dataset_uid, "manage");
  const updated = await store().rulesets.update(dataset_uid, target, { ...change, security: checkSecurity(change.security) });
  if (!updated) throw notFound();
  return updated;
}

export async function deleteRuleset(principal: Principal, dataset_uid: string, target: RulesetTargetRef): Promise<void> {
  if (principal.upstream) return principal.upstream.security.delete(dataset_uid, target);
  await requireDatasetRight(principal, dataset_uid, "manage");
  if (!(await store().rulesets.delete(dataset_uid, target))) throw notFound();
}

/** The published fields' names, which visible_fields name; null while the dataset was never published. */
export async function securableFieldNames(principal: Principal, dataset_uid: string): Promise<string[] | null> {
  if (principal.upstream) return principal.upstream.security.securableFieldNames(dataset_uid);
  const dataset = await requireDatasetRight(principal, dataset_uid, "manage");
  const [published] = await store().publishJobs.listPublished(dataset.dataset_id);
  return published ? published.fields.map((f) => f.name) : null;
}

/** The restriction switch and the default ruleset, from the security grid (the API sets them with PUT /datasets/{uid}/). */
export async function setDatasetAccess(principal: Principal, dataset_uid: string, change: { is_restricted?: boolean; default_security?: DatasetSecurity }): Promise<void> {
  if (principal.upstream) return principal.upstream.security.setAccess(dataset_uid, change);
  const current = await requireDatasetRight(principal, dataset_uid, "manage");
  const updated = await store().datasets.update(
    dataset_uid,
    { is_restricted: change.is_restricted, default_security: change.default_security && checkSecurity(change.default_security, "default_security") },
    { scope: datasetScope(principal, "manage"), expected_updated_at: current.updated_at },
  );
  if (!updated) throw notFound();
}

export function presentRuleset(ruleset: StoredRuleset) {
  const base = { security: ruleset.security, permissions: ruleset.permissions };
  return ruleset.target.kind === "user" ? { user: { username: ruleset.target.username }, ...base } : { group: { uid: ruleset.target.group_uid, title: ruleset.target.title }, ...base };
}
