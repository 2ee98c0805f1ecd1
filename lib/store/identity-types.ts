// Store interfaces for managing identities (Automation API §2.13–2.15): the user directory, groups, API keys,
// one-time links and sign-in throttling. lib/store/types.ts declares the principal lookups used on every request.
// Services decide who may call these; stores only apply the scope they are given (the owner of a key…).
import type { Page, PrincipalRecord } from "@/lib/store/types";

export type StoredGroupRef = { uid: string; title: string; permissions: string[] };

/** A user as the directory shows it: direct permissions and, separately, the groups (with theirs). */
export type StoredUser = {
  user_id: string;
  username: string;
  email: string | null;
  first_name: string;
  last_name: string;
  is_active: boolean;
  /** set for provisioned accounts (POST /users/provision/) */
  identity_provider: string | null;
  /** direct grants only */
  permissions: string[];
  groups: StoredGroupRef[];
  has_password: boolean;
  /** the unaccepted invitation of a pending account, if any */
  invitation_expires_at: string | null;
  joined_at: string;
  last_seen_at: string | null;
  last_login_at: string | null;
  expires_at: string | null;
  explore_limits: unknown;
};

export const USER_SORT_FIELDS = ["username", "first_name", "last_name", "last_seen_at"] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];
export type SortKey<F extends string> = { field: F; desc: boolean };

export type UserFilter = {
  /** case-insensitive substring of username, first name, last name or email */
  search?: string;
  /** every one of these, granted directly */
  permissions?: string[];
  /** every one of these, granted directly or through a group */
  all_permissions?: string[];
  /** member of this group */
  group?: string;
};

export type UserChanges = {
  email?: string | null;
  first_name?: string;
  last_name?: string;
  /** replaces the direct grants */
  permissions?: string[];
  explore_limits?: unknown;
  is_active?: boolean;
};

/** Who holds edit_domain today (active users only), and how: the last-administrator rule simulates changes on it. */
export type AdministratorGrant = { user_id: string; direct: boolean; groups: string[] };

export interface UserDirectoryStore {
  list(filter: UserFilter, sort: SortKey<UserSortField>[], page: { limit: number; offset: number }): Promise<Page<StoredUser>>;
  get(username: string): Promise<StoredUser | null>;
  /** Throws AppError("validation_error") on a taken email. */
  update(username: string, changes: UserChanges): Promise<StoredUser | null>;
  delete(username: string): Promise<boolean>;
  setPassword(user_id: string, password_hash: string): Promise<void>;
  setIdentityProvider(user_id: string, identity_provider: string): Promise<void>;
  /** Ends every open session of the user now. */
  revokeSessions(user_id: string, at: Date): Promise<number>;
  administrators(): Promise<AdministratorGrant[]>;
  createToken(input: { token_hash: string; user_id: string; purpose: "invitation"; expires_at: Date; created_by: string | null }): Promise<void>;
  findToken(token_hash: string): Promise<{ purpose: string; expires_at: Date; user: StoredUser } | null>;
  /** Deletes the token; false when it was already used (so two concurrent uses cannot both succeed). */
  consumeToken(token_hash: string): Promise<boolean>;
  deleteTokens(user_id: string): Promise<void>;
}

export type StoredGroup = {
  uid: string;
  title: string;
  description: string;
  permissions: string[];
  explore_limits: unknown;
  user_count: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  updated_by: string | null;
};

export const GROUP_SORT_FIELDS = ["created_at", "updated_at", "created_by__username", "updated_by__username", "user_count", "group__title"] as const;
export type GroupSortField = (typeof GROUP_SORT_FIELDS)[number];

export type GroupInput = { title: string; description: string; permissions: string[]; explore_limits: unknown };

export interface GroupStore {
  list(filter: { search?: string; permissions?: string[] }, sort: SortKey<GroupSortField>, page: { limit: number; offset: number }): Promise<Page<StoredGroup>>;
  get(uid: string): Promise<StoredGroup | null>;
  /** Throws AppError("validation_error") on `title` when the uid derived from it is taken. */
  create(uid: string, input: GroupInput, by: string | null): Promise<StoredGroup>;
  update(uid: string, changes: Partial<GroupInput>, by: string | null): Promise<StoredGroup | null>;
  delete(uid: string): Promise<boolean>;
  members(uid: string, page: { limit: number; offset: number }): Promise<Page<StoredUser>>;
  /** false when the user already was a member */
  addMember(uid: string, user_id: string, by: string | null): Promise<boolean>;
  removeMember(uid: string, user_id: string, by: string | null): Promise<boolean>;
}

export type StoredApiKey = {
  uid: string;
  label: string;
  key_prefix: string;
  permissions: string[];
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revocation_reason: string | null;
  user: { user_id: string; username: string };
};

export interface ApiKeyStore {
  create(input: { uid: string; key_hash: string; key_prefix: string; label: string; user_id: string; permissions: string[] }): Promise<StoredApiKey>;
  /** The keys of one user, newest first. */
  list(user_id: string, page: { limit: number; offset: number }): Promise<Page<StoredApiKey>>;
  /** Only among the keys of `user_id`. */
  get(uid: string, user_id: string): Promise<StoredApiKey | null>;
  update(uid: string, user_id: string, changes: { label?: string; permissions?: string[] }): Promise<StoredApiKey | null>;
  /** Revokes once: a revoked key keeps its first revocation. */
  revoke(uid: string, user_id: string, reason: string, at: Date): Promise<StoredApiKey | null>;
  findByHash(key_hash: string): Promise<StoredApiKey | null>;
  /** Every user's keys, newest first (administrators choosing one to "View as"). */
  listAll(page: { limit: number; offset: number }): Promise<Page<StoredApiKey>>;
}

export type ThrottleRecord = { key: string; failures: number; window_started_at: Date; blocked_until: Date | null };

export interface SignInThrottleStore {
  get(keys: string[]): Promise<ThrottleRecord[]>;
  /** Counts one failure atomically and returns the row as it is now. */
  increment(key: string, now: Date): Promise<ThrottleRecord>;
  /** Starts a new window at `now` with one failure, unless another request already did. */
  restartWindow(key: string, previous_start: Date, now: Date): Promise<void>;
  block(key: string, until: Date): Promise<void>;
  clear(key: string): Promise<void>;
  /** Removes rows whose window started before `before` and that are not blocked any more. */
  sweep(before: Date): Promise<number>;
}

export type IdentityAdminStores = {
  users: UserDirectoryStore;
  groups: GroupStore;
  apiKeys: ApiKeyStore;
  signInThrottle: SignInThrottleStore;
};

export type { PrincipalRecord };
