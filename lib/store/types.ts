// The store interface the embedded service layer talks to, in the Automation API's terms (lib/store/prisma).
// Access control is decided by the services; stores only apply the scope they are given. In proxy mode the
// services call the upstream instead (lib/store/remote, docs/decisions/0010-proxy-mode.md) and this store keeps
// only the console's own tables: upstream sessions and sign-in throttling.
import type {
  Dataset,
  DatasetListQuery,
  DatasetMetadata,
  DatasetSecurity,
  DatasetStatus,
} from "@/lib/datasets/schema";
import type { DatasetFile, Datasource } from "@/lib/resources/schema";
import type { PublishJobStore, RecordsStore } from "@/lib/store/publishing-types";
import type { MetadataTemplateField, MetadataTemplateType } from "@/lib/metadata/template-schema";
import type { IdentityAdminStores } from "@/lib/store/identity-types";
import type { AppliedRuleset } from "@/lib/dataset-security/effective-access";
import type { ApiCallCounterStore, RulesetStore } from "@/lib/store/security-types";

export type Page<T> = { total_count: number; results: T[] };

/** Which datasets an operation may touch: all of them, none, or those a user created plus some named ones. */
export type DatasetScope = { kind: "all" } | { kind: "none" } | { kind: "some"; owner_id: string | null; dataset_uids: readonly string[] };

export type NewDataset = {
  dataset_id: string;
  created_at: Date;
  is_restricted: boolean;
  metadata: DatasetMetadata;
  default_security: DatasetSecurity;
  created_by_id: string | null;
};

export type DatasetChanges = Partial<Pick<NewDataset, "dataset_id" | "is_restricted" | "metadata" | "default_security">>;

/**
 * How a read treats datasets in the trash (udata's soft delete, lib/datasets/trash.ts): every read leaves them out
 * unless it asks for them.
 */
export type TrashFilter = "exclude" | "include" | "only";

/** Narrower lists than the scope: the trash, restricted or not, published or not. */
export type DatasetListFilter = { trash?: TrashFilter; is_restricted?: boolean; is_published?: boolean };

export interface DatasetStore {
  list(query: DatasetListQuery, scope: DatasetScope, filter?: DatasetListFilter): Promise<Page<Dataset>>;
  get(uid: string, scope: DatasetScope, options?: { trash?: TrashFilter }): Promise<Dataset | null>;
  /** Throws AppError("conflict") with a dataset_id field error when the dataset_id is taken. */
  create(input: NewDataset): Promise<Dataset>;
  /**
   * Applies `changes` when the dataset is in `scope` and, if given, still has `expected_updated_at`.
   * Returns null when the dataset is not in scope; throws AppError("conflict") on a stale `expected_updated_at`
   * or a taken dataset_id.
   */
  update(uid: string, changes: DatasetChanges, options: { scope: DatasetScope; expected_updated_at?: string }): Promise<Dataset | null>;
  /** Deletes the dataset, in the trash or not. */
  delete(uid: string, scope: DatasetScope): Promise<boolean>;
  /** Puts the dataset in the trash (`trashed`) or takes it out (null); null when there is no such dataset. */
  setTrashed(uid: string, trashed: { at: Date; by_id: string | null } | null): Promise<Dataset | null>;
  /** uids of the datasets put in the trash before `before`, oldest first (the purge's work). */
  trashedBefore(before: Date, limit: number): Promise<string[]>;
  status(uid: string, scope: DatasetScope): Promise<DatasetStatus | null>;
}

/** An uploaded file with where its bytes are kept (storage_name, under DATA_DIR/files/). */
/** A file this instance holds: its size is always known (only a remote DatasetFile may lack one). */
export type StoredFile = DatasetFile & { dataset_uid: string; storage_name: string; sha256: string; size: number };
export type NewStoredFile = Omit<StoredFile, "uid" | "created_at"> & { created_by_id: string | null };

/** A resource as stored: its datasource includes secrets (basic-auth password) that answers leave out. */
export type StoredResource = {
  uid: string;
  dataset_uid: string;
  type: string;
  title: string;
  /** what it holds, in words (udata's resource description; the Automation API has none) */
  description: string | null;
  params: Record<string, unknown>;
  datasource: Datasource;
  /** the uploaded file of an `uploaded_file` datasource */
  file: StoredFile | null;
  created_at: string;
  updated_at: string;
};
/** `description` left out: none on create, unchanged on update. */
export type ResourceInput = Pick<StoredResource, "type" | "title" | "params" | "datasource"> & { description?: string | null };

/**
 * Resources and files of one dataset. The service checks access to the dataset first; stores only match the
 * dataset_uid. A file no resource uses any more after an update or a delete is removed in the same
 * transaction and returned (`released_file`) so its bytes can be deleted.
 */
export interface ResourceStore {
  list(dataset_uid: string, page: { limit: number; offset: number }): Promise<Page<StoredResource>>;
  get(dataset_uid: string, resource_uid: string): Promise<StoredResource | null>;
  /** Throws AppError("validation_error") on datasource.file when the file is not one of the dataset's. */
  create(dataset_uid: string, input: ResourceInput): Promise<StoredResource>;
  update(dataset_uid: string, resource_uid: string, input: ResourceInput): Promise<{ resource: StoredResource; released_file: StoredFile | null } | null>;
  delete(dataset_uid: string, resource_uid: string): Promise<{ released_file: StoredFile | null } | null>;
  createFile(input: NewStoredFile): Promise<StoredFile>;
  getFile(dataset_uid: string, file_uid: string): Promise<StoredFile | null>;
  /** Every file of the dataset (to delete their bytes with the dataset). */
  listFiles(dataset_uid: string): Promise<StoredFile[]>;
  /** Removes files uploaded before `before` that no resource uses (abandoned uploads) and returns them. */
  deleteUnusedFiles(before: Date): Promise<StoredFile[]>;
}

/** A processor or a field configuration of a dataset: the `pr_` objects of the Automation API, in order. */
export type StackItem = {
  uid: string;
  dataset_uid: string;
  type: string;
  label: string;
  /** the type's own properties */
  params: Record<string, unknown>;
  created_at: string;
  updated_at: string;
};
export type StackItemInput = Pick<StackItem, "type" | "label" | "params">;

/** One ordered list per dataset (its processors, or its field configurations). */
export interface StackStore {
  list(dataset_uid: string, page: { limit: number; offset: number }): Promise<Page<StackItem>>;
  all(dataset_uid: string): Promise<StackItem[]>;
  get(dataset_uid: string, uid: string): Promise<StackItem | null>;
  /** Adds at the end of the list. */
  append(dataset_uid: string, input: StackItemInput): Promise<StackItem>;
  update(dataset_uid: string, uid: string, input: StackItemInput): Promise<StackItem | null>;
  delete(dataset_uid: string, uid: string): Promise<boolean>;
  /** Puts the items in the order of `uids`, which must name each item of the list exactly once (else null). */
  reorder(dataset_uid: string, uids: string[]): Promise<StackItem[] | null>;
}

export type PrincipalRecord = {
  user_id: string;
  username: string;
  is_active: boolean;
  locale: string | null;
  expires_at: string | null;
  /** direct grants ∪ grants of the user's groups */
  permissions: string[];
  /** dataset rulesets of the user and of their groups */
  rulesets: AppliedRuleset[];
};

export type SessionRecord = {
  id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  user: PrincipalRecord;
};

export type ApiKeyRecord = {
  uid: string;
  label: string;
  permissions: string[];
  revoked_at: Date | null;
  last_used_at: Date | null;
  user: PrincipalRecord;
};

export type NewUser = {
  username: string;
  email?: string | null;
  first_name?: string;
  last_name?: string;
  password_hash?: string | null;
  permissions: string[];
  locale?: string | null;
};

export type NewGroup = { uid: string; title: string; description?: string; permissions: string[] };

/**
 * Accounts, sessions and keys of the console itself. Always local (our database), also in proxy mode:
 * whoever signs in to this console is one of its own users.
 */
export interface IdentityStore {
  countUsers(): Promise<number>;
  findUserForSignIn(username: string): Promise<{ user: PrincipalRecord; password_hash: string | null } | null>;
  createUser(input: NewUser): Promise<PrincipalRecord>;
  setUserLocale(user_id: string, locale: string | null): Promise<void>;
  recordSignIn(user_id: string, at: Date): Promise<void>;
  createGroup(input: NewGroup): Promise<void>;
  addMember(group_uid: string, user_id: string): Promise<void>;

  createSession(input: { id: string; user_id: string; expires_at: Date; user_agent: string | null }): Promise<void>;
  findSession(id: string): Promise<SessionRecord | null>;
  touchSession(id: string, at: Date): Promise<void>;
  revokeSession(id: string, at: Date): Promise<void>;

  createApiKey(input: { uid: string; key_hash: string; key_prefix: string; label: string; user_id: string; permissions: string[] }): Promise<void>;
  findApiKeyByHash(key_hash: string): Promise<ApiKeyRecord | null>;
  /** "View as": a user's record as a request would load it, and a key (revoked or not) with its owner's. */
  findPrincipal(username: string): Promise<PrincipalRecord | null>;
  findApiKeyByUid(uid: string): Promise<ApiKeyRecord | null>;
  touchApiKey(uid: string, at: Date): Promise<void>;
}

/** Proxy mode: a console session signed in with an upstream API key (sealed in key_box, lib/auth/secret-box.ts). */
export type UpstreamSessionRecord = {
  id: string;
  username: string;
  permissions: string[];
  permissions_known: boolean;
  key_box: string;
  locale: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
};

export interface UpstreamSessionStore {
  create(input: Omit<UpstreamSessionRecord, "created_at" | "last_seen_at"> & { user_agent: string | null }): Promise<void>;
  find(id: string): Promise<UpstreamSessionRecord | null>;
  touch(id: string, at: Date): Promise<void>;
  setLocale(id: string, locale: string | null): Promise<void>;
  /** Forgets the session and its key (sign-out, end of the session, a key the upstream refuses). */
  delete(id: string): Promise<void>;
  /** Deletes sessions that have expired, or have been idle since before `idleBefore`. */
  sweep(now: Date, idleBefore: Date): Promise<number>;
}

/** A metadata template with its fields in order, as stored (lib/metadata/template-schema.ts describes them). */
export type StoredMetadataTemplate = {
  name: string;
  title: string;
  type: MetadataTemplateType;
  is_active: boolean;
  is_system: boolean;
  is_always_active: boolean;
  fields: StoredTemplateField[];
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
};
export type StoredTemplateField = Omit<MetadataTemplateField, "suggest_url" | "label"> & { label: string | null };
export type MetadataTemplateInput = Pick<StoredMetadataTemplate, "name" | "title" | "type" | "is_active" | "fields"> & {
  is_system?: boolean;
  is_always_active?: boolean;
};

/** Metadata templates of the domain, and the values datasets already use (for suggestions). */
export interface MetadataTemplateStore {
  list(filter: { is_active?: boolean; type?: MetadataTemplateType }, page: { limit: number; offset: number }): Promise<Page<StoredMetadataTemplate>>;
  /** Every template, in display order (small: validation and forms read them all). */
  all(): Promise<StoredMetadataTemplate[]>;
  get(name: string): Promise<StoredMetadataTemplate | null>;
  /** Throws AppError("validation_error") on `name` when the name is taken. */
  create(input: MetadataTemplateInput, by: string | null): Promise<StoredMetadataTemplate>;
  /** Replaces title, type, is_active and the fields (all of them, in the given order). */
  replace(name: string, input: Omit<MetadataTemplateInput, "name">, by: string | null): Promise<StoredMetadataTemplate | null>;
  setActive(name: string, is_active: boolean, by: string | null): Promise<StoredMetadataTemplate | null>;
  delete(name: string): Promise<boolean>;
  /** Writes a system template's definition, keeping is_active once it exists. Safe to run at every start. */
  upsertSystem(input: MetadataTemplateInput & { active_by_default: boolean; position: number }): Promise<void>;
  /** Distinct values (or list items) of metadata.<template>.<field>.value across datasets starting with `prefix`, most used first. */
  suggest(template: string, field: string, prefix: string, count: number, scope: DatasetScope): Promise<string[]>;
}

/** What a store transaction may write (Store.transaction). */
export type TransactionStores = { datasets: DatasetStore; resources: ResourceStore };

export type Store = {
  kind: "prisma";
  datasets: DatasetStore;
  resources: ResourceStore;
  processors: StackStore;
  fieldConfigurations: StackStore;
  identity: IdentityStore;
  /** users, groups, API keys and sign-in throttling, as administrators and owners manage them */
  users: IdentityAdminStores["users"];
  groups: IdentityAdminStores["groups"];
  apiKeys: IdentityAdminStores["apiKeys"];
  signInThrottle: IdentityAdminStores["signInThrottle"];
  metadataTemplates: MetadataTemplateStore;
  publishJobs: PublishJobStore;
  records: RecordsStore;
  rulesets: RulesetStore;
  apiCallCounters: ApiCallCounterStore;
  upstreamSessions: UpstreamSessionStore;
  /**
   * Runs `work` in one database transaction over the dataset and resource stores: all of its writes, or none
   * when it throws. For operations made of several writes (the data.world replace); no network calls inside.
   */
  transaction<T>(work: (tx: TransactionStores) => Promise<T>): Promise<T>;
  /** Cheap round trip used by the health check. */
  ping(): Promise<void>;
};
