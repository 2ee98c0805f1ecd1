// The rights model the authorization matrix checks the server against, written from README "Who can do what" and
// API-CONTRACT.md §1.2, §2.4, §2.13–2.15 — deliberately not imported from lib/, so a change to lib/datasets/access.ts
// that widens a right shows up here as an unauthorized success instead of moving the expectation with it.
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";

export const ACTORS = ["anonymous", "plain", "groupMember", "restricted", "scopedKey", "administrator", "rulesetHolder"] as const;
export type ActorName = (typeof ACTORS)[number];
export type SignedInActor = Exclude<ActorName, "anonymous">;

/**
 * The domain permissions of each actor's API key: the owner's rights (direct and through groups) narrowed to the
 * key's own permissions. The group member holds nothing directly; the scoped key belongs to a user holding everything.
 */
export const EFFECTIVE_PERMISSIONS: Record<SignedInActor, readonly Permission[]> = {
  plain: [],
  groupMember: ["edit_dataset", "publish_dataset"],
  restricted: ["create_dataset"],
  scopedKey: ["explore_restricted_dataset"],
  administrator: PERMISSIONS,
  rulesetHolder: [],
};

/**
 * Dataset permissions a ruleset gives the actor on their "own" dataset (made by someone else): the third way to
 * the manage right (API-CONTRACT.md §2.4). Its key lists the permission too, since a key narrows what rulesets
 * grant as it narrows domain permissions.
 */
export const RULESET_ON_OWN: Partial<Record<SignedInActor, DatasetPermission>> = { rulesetHolder: "manage_dataset" };

/**
 * own: created by the actor (dataset, API key, group they belong to) or the actor themselves (user) — for the
 * ruleset holder, the dataset their ruleset is on;
 * foreign: someone else's; public: a published unrestricted dataset (Explore); none: no object in the path.
 */
export type Ownership = "own" | "foreign" | "public" | "none";

export type DatasetRight = "view" | "edit" | "publish" | "manage";
export type DatasetPermission = "explore_restricted_dataset" | "edit_dataset" | "publish_dataset" | "manage_dataset";

export type Requirement =
  /** anyone may call it, signed in or not (what a list shows still depends on the caller: see Entry.lists) */
  | { kind: "public" }
  /** any principal */
  | { kind: "authenticated" }
  /** a domain permission (wrapper `anyOf` or a service check) */
  | { kind: "domain"; permission: Permission }
  /** a right on the dataset in the path */
  | { kind: "dataset"; right: DatasetRight }
  /** the caller's own object (API keys): anyone else's is "not found", administrators included */
  | { kind: "self" }
  /** a published dataset in Explore: unrestricted ones for anyone, restricted ones need the view right */
  | { kind: "explore" };

export const PUBLIC: Requirement = { kind: "public" };
export const AUTHENTICATED: Requirement = { kind: "authenticated" };
export const SELF: Requirement = { kind: "self" };
export const EXPLORE: Requirement = { kind: "explore" };
export const domain = (permission: Permission): Requirement => ({ kind: "domain", permission });
export const dataset = (right: DatasetRight): Requirement => ({ kind: "dataset", right });

export function describeRequirement(requirement: Requirement): string {
  switch (requirement.kind) {
    case "domain":
      return `domain:${requirement.permission}`;
    case "dataset":
      return `dataset:${requirement.right}`;
    default:
      return requirement.kind;
  }
}

/** Domain permissions that grant a right on every dataset (README table); create_dataset grants it on one's own. */
const ON_EVERY_DATASET: Record<DatasetRight, readonly Permission[]> = {
  view: ["edit_dataset", "publish_dataset", "manage_dataset", "explore_restricted_dataset"],
  edit: ["edit_dataset", "manage_dataset"],
  publish: ["publish_dataset", "manage_dataset"],
  manage: ["manage_dataset"],
};

export function holds(actor: ActorName, permission: Permission): boolean {
  return actor !== "anonymous" && EFFECTIVE_PERMISSIONS[actor].includes(permission);
}

/** What a ruleset's dataset permission grants on its dataset: the same as the domain permission on every dataset. */
const grantsOnOne = (permission: DatasetPermission, right: DatasetRight) => (ON_EVERY_DATASET[right] as readonly string[]).includes(permission);

/** Ownership alone grants nothing: the creator needs create_dataset still (a user who lost it lost their datasets). */
export function hasDatasetRight(actor: ActorName, right: DatasetRight, ownership: Ownership): boolean {
  if (actor === "anonymous") return false;
  if (ON_EVERY_DATASET[right].some((p) => holds(actor, p))) return true;
  if (ownership !== "own") return false;
  const ruleset = RULESET_ON_OWN[actor];
  return holds(actor, "create_dataset") || (ruleset !== undefined && grantsOnOne(ruleset, right));
}

export function canExplore(actor: ActorName, ownership: Ownership): boolean {
  return ownership === "public" || hasDatasetRight(actor, "view", ownership);
}

export type Expectation = { allowed: true } | { allowed: false; status: 401 | 403 | 404 };
const ALLOWED: Expectation = { allowed: true };
const denied = (status: 401 | 403 | 404): Expectation => ({ allowed: false, status });

/**
 * 401 without credentials, 404 for an object the caller may not see (its existence is not revealed), 403 for one
 * they see but may not act on, or for an operation their domain permissions do not open.
 */
export function expectation(actor: ActorName, requirement: Requirement, ownership: Ownership): Expectation {
  if (requirement.kind === "public") return ALLOWED;
  if (requirement.kind === "explore") return canExplore(actor, ownership) ? ALLOWED : denied(404);
  if (actor === "anonymous") return denied(401);
  switch (requirement.kind) {
    case "authenticated":
      return ALLOWED;
    case "domain":
      return holds(actor, requirement.permission) ? ALLOWED : denied(403);
    case "self":
      return ownership === "foreign" ? denied(404) : ALLOWED;
    case "dataset":
      if (hasDatasetRight(actor, requirement.right, ownership)) return ALLOWED;
      return denied(hasDatasetRight(actor, "view", ownership) ? 403 : 404);
  }
}

/** What a list answer may contain for this actor: `scope` names the right each listed object needs. */
export type ListScope = DatasetRight | "explore" | "self";

export function mayList(actor: ActorName, scope: ListScope, ownership: Ownership): boolean {
  if (scope === "explore") return canExplore(actor, ownership);
  if (scope === "self") return actor !== "anonymous" && ownership === "own";
  return hasDatasetRight(actor, scope, ownership);
}
