// A stored group as the API shows it (UserGroup). Pure: used by the users and groups services alike.
import { isPermission } from "@/lib/auth/permissions";
import type { UserGroup } from "@/lib/groups/schema";
import type { StoredGroup } from "@/lib/store/identity-types";

export function presentGroup(group: StoredGroup): UserGroup {
  return {
    uid: group.uid,
    title: group.title,
    description: group.description,
    user_count: group.user_count,
    permissions: group.permissions.filter(isPermission),
    explore_limits: (group.explore_limits as UserGroup["explore_limits"] | null) ?? {},
    management_limits: {},
    created_at: group.created_at,
    updated_at: group.updated_at,
    ...(group.created_by ? { created_by: { username: group.created_by } } : {}),
    ...(group.updated_by ? { updated_by: { username: group.updated_by } } : {}),
  };
}
