import "server-only";
// Who may manage identities, and the two rules every change to them follows:
// - no escalation: a principal grants (to a user, a group, an invitee or a key) only permissions it holds itself
//   right now — an administrator's key narrowed to edit_domain grants nothing else, and nobody raises their own rights;
// - someone must stay in charge: a change that would leave no active user holding edit_domain is refused.
// Dataset rulesets will plug in beside these as per-dataset grants (lib/datasets/access.ts); the domain-level
// permissions decided here are the ones they narrow or extend.
import { ADMINISTRATION_PERMISSION, isPermission, type Permission } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { AppError, forbidden, msg } from "@/lib/errors/app-error";
import type { AdministratorGrant } from "@/lib/store/identity-types";
import { store } from "@/lib/store/store";

export function canManageIdentities(principal: Principal): boolean {
  return principal.permissions.has(ADMINISTRATION_PERMISSION);
}

export function requireIdentityManager(principal: Principal): void {
  if (!canManageIdentities(principal)) throw forbidden();
}

/**
 * Refuses to add permissions the principal does not hold (removing them is always allowed). `alsoHeld`: permissions
 * held otherwise, e.g. the dataset permissions of the principal's rulesets, which their own API keys may carry.
 */
export function requireGrantable(principal: Principal, next: readonly string[], current: readonly string[] = [], field = "permissions", alsoHeld: readonly string[] = []): void {
  const added = next.filter((p) => !current.includes(p));
  const missing = added.filter((p) => !isPermission(p) || !(principal.permissions.has(p as Permission) || alsoHeld.includes(p)));
  if (missing.length) {
    const message = msg("identity.errors.cannot_grant", { permissions: missing.join(", ") });
    throw new AppError("validation_error", message, { fieldErrors: { [field]: [message] } });
  }
}

/**
 * Refuses a change when no active administrator would remain: `remaining` gets today's grants of edit_domain and
 * returns those that survive the change.
 */
export async function requireAdministratorRemains(remaining: (grants: AdministratorGrant[]) => AdministratorGrant[], field = "non_field_errors"): Promise<void> {
  const grants = await store().users.administrators();
  if (grants.length > 0 && remaining(grants).length === 0) {
    const message = msg("identity.errors.last_administrator");
    throw new AppError("validation_error", message, { fieldErrors: { [field]: [message] } });
  }
}
