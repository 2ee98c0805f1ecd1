// Who may do what with which dataset in the back office — the one place this is decided. Domain permissions grant
// a right on every dataset; `create_dataset` grants it on the datasets the user created; the dataset permissions
// of a ruleset (the user's or a group's, lib/dataset-security) grant it on that one dataset.
import type { Principal } from "@/lib/auth/principal";
import type { Permission } from "@/lib/auth/permissions";
import { RULESET_GRANTS } from "@/lib/dataset-security/effective-access";
import type { Dataset } from "@/lib/datasets/schema";
import type { DatasetScope } from "@/lib/store/types";

export type DatasetRight = "view" | "edit" | "publish" | "manage";

/** Domain permissions that grant a right on all datasets. */
const GRANTED_ON_ALL: Record<DatasetRight, readonly Permission[]> = {
  // reading the configuration in the back office: anyone who works on datasets, and reviewers
  view: ["edit_dataset", "publish_dataset", "manage_dataset", "explore_restricted_dataset"],
  edit: ["edit_dataset", "manage_dataset"],
  publish: ["publish_dataset", "manage_dataset"],
  manage: ["manage_dataset"],
};

/** Whether the principal's domain permissions alone grant `right` on every dataset. */
export function grantedOnAll(principal: Pick<Principal, "permissions">, right: DatasetRight): boolean {
  return GRANTED_ON_ALL[right].some((p) => principal.permissions.has(p));
}

export function datasetScope(principal: Principal, right: DatasetRight): DatasetScope {
  if (grantedOnAll(principal, right)) return { kind: "all" };
  const owner_id = principal.permissions.has("create_dataset") ? principal.user_id : null;
  const dataset_uids = [...new Set((principal.rulesets ?? []).filter((r) => r.permissions.some((p) => RULESET_GRANTS[p].includes(right))).map((r) => r.dataset_uid))];
  if (!owner_id && dataset_uids.length === 0) return { kind: "none" };
  return { kind: "some", owner_id, dataset_uids };
}

export function inScope(scope: DatasetScope, dataset: { uid: string; created_by_id: string | null }): boolean {
  if (scope.kind !== "some") return scope.kind === "all";
  return (scope.owner_id !== null && dataset.created_by_id === scope.owner_id) || scope.dataset_uids.includes(dataset.uid);
}

export function canCreateDatasets(principal: Principal): boolean {
  return principal.permissions.has("create_dataset");
}

/** What the console lets the principal do with a dataset. In proxy mode the upstream's evidence, gathered with the dataset, decides. */
export function datasetRights(principal: Principal, dataset: Pick<Dataset, "uid" | "created_by" | "rights">): Record<DatasetRight, boolean> {
  if (dataset.rights) return dataset.rights;
  const target = { uid: dataset.uid, created_by_id: dataset.created_by?.user_id ?? null };
  const has = (right: DatasetRight) => inScope(datasetScope(principal, right), target);
  return { view: has("view"), edit: has("edit"), publish: has("publish"), manage: has("manage") };
}
