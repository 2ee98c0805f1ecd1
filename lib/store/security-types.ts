// Store interfaces for dataset security (Automation API §2.4): the rulesets of a dataset, and the Explore call
// counters behind their quotas. The service checks the caller's right on the dataset first.
import type { DatasetSecurity } from "@/lib/datasets/schema";
import type { DatasetPermission } from "@/lib/dataset-security/schema";
import type { AppliedRuleset } from "@/lib/dataset-security/effective-access";
import type { Page } from "@/lib/store/types";

export type RulesetTargetRef = { kind: "user"; username: string } | { kind: "group"; group_uid: string };
export type RulesetTarget = { kind: "user"; user_id: string; username: string } | { kind: "group"; group_uid: string; title: string };

export type StoredRuleset = {
  dataset_uid: string;
  target: RulesetTarget;
  security: DatasetSecurity;
  permissions: DatasetPermission[];
  created_at: string;
  updated_at: string;
};

export type RulesetInput = { security: DatasetSecurity; permissions: DatasetPermission[] };

export interface RulesetStore {
  /** Rulesets of one kind, users by username, groups by uid. */
  list(dataset_uid: string, kind: RulesetTargetRef["kind"], page: { limit: number; offset: number }): Promise<Page<StoredRuleset>>;
  /** Every ruleset of the dataset, users first. */
  all(dataset_uid: string): Promise<StoredRuleset[]>;
  get(dataset_uid: string, target: RulesetTargetRef): Promise<StoredRuleset | null>;
  /** "no_target": the user or group does not exist; "exists": it already has a ruleset on this dataset. */
  create(dataset_uid: string, target: RulesetTargetRef, input: RulesetInput): Promise<StoredRuleset | "no_target" | "exists">;
  update(dataset_uid: string, target: RulesetTargetRef, input: RulesetInput): Promise<StoredRuleset | null>;
  delete(dataset_uid: string, target: RulesetTargetRef): Promise<boolean>;
  /** The rulesets of one group on every dataset, as they apply to its members ("View as" a group). */
  ofGroup(group_uid: string): Promise<AppliedRuleset[]>;
}

export interface ApiCallCounterStore {
  /** Counts one call in the window starting at `window_start` and returns the calls counted in it so far. */
  increment(key: string, window_start: Date): Promise<number>;
  /** Removes counters of windows that started before `before`. */
  sweep(before: Date): Promise<number>;
}
