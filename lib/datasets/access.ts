// Who may do what with which dataset — the one place this is decided. Domain permissions grant a right on
// every dataset; `create_dataset` alone grants it on the datasets the user created. Dataset rulesets (per user
// and group) will widen these scopes.
import type { Principal } from "@/lib/auth/principal";
import type { Permission } from "@/lib/auth/permissions";
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

export function datasetScope(principal: Principal, right: DatasetRight): DatasetScope {
  if (GRANTED_ON_ALL[right].some((p) => principal.permissions.has(p))) return { kind: "all" };
  if (principal.permissions.has("create_dataset")) return { kind: "owned_by", user_id: principal.user_id };
  return { kind: "none" };
}

export function canCreateDatasets(principal: Principal): boolean {
  return principal.permissions.has("create_dataset");
}

export function datasetRights(principal: Principal, dataset: Pick<Dataset, "created_by">): Record<DatasetRight, boolean> {
  const inScope = (right: DatasetRight) => {
    const scope = datasetScope(principal, right);
    return scope.kind === "all" || (scope.kind === "owned_by" && dataset.created_by?.user_id === scope.user_id);
  };
  return { view: inScope("view"), edit: inScope("edit"), publish: inScope("publish"), manage: inScope("manage") };
}
