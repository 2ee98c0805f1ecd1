// Test data built with the same functions as the demo seed (lib/users/accounts.ts), straight into the store the
// server under test uses. Every call makes a new, uniquely named user so tests never depend on each other.
import { randomBytes } from "node:crypto";
import type { Permission } from "@/lib/auth/permissions";
import { createApiKey, createGroup, createUserAccount } from "@/lib/users/accounts";

export type TestUser = { username: string; user_id: string; password: string; apiKey: string };

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString("hex")}`;
}

export async function createTestUser(
  options: {
    prefix?: string;
    permissions?: Permission[];
    groups?: string[];
    /** the key's own permissions (narrowing the user's); default: the same as the user's direct permissions */
    keyPermissions?: Permission[];
  } = {},
): Promise<TestUser> {
  const username = uniqueName(options.prefix ?? "user");
  const password = `pw-${randomBytes(6).toString("hex")}`;
  const user = await createUserAccount({ username, password, permissions: options.permissions ?? [], groups: options.groups });
  const { secret } = await createApiKey({
    user_id: user.user_id,
    label: "test",
    permissions: options.keyPermissions ?? options.permissions ?? [],
  });
  return { username, user_id: user.user_id, password, apiKey: secret };
}

export async function createTestGroup(permissions: Permission[]): Promise<string> {
  const uid = uniqueName("group");
  await createGroup({ uid, title: uid, permissions });
  return uid;
}
