// A dataset's security on the upstream (proxy mode): the ruleset operations of lib/dataset-security/service.ts
// as official Automation API calls, the fields a ruleset may show (the published fields, from the upstream's
// Explore API), and the restriction switch and default ruleset (part of the dataset object).
import { z } from "zod";
import type { DatasetSecurity, DatasetWrite } from "@/lib/datasets/schema";
import { groupRulesetSchema, userRulesetSchema, type DatasetPermission, type RulesetListQuery } from "@/lib/dataset-security/schema";
import { isAppError } from "@/lib/errors/app-error";
import { paginatedSchema } from "@/lib/http/pagination";
import type { RulesetTargetRef, StoredRuleset } from "@/lib/store/security-types";
import type { Page } from "@/lib/store/types";
import { datasetPath, type RemoteDatasets } from "@/lib/store/remote/datasets";
import { parseAnswer } from "@/lib/store/remote/parse-answer";
import { seg, type UpstreamCaller } from "@/lib/store/remote/upstream-client";

type Change = { security: DatasetSecurity; permissions: DatasetPermission[] };
type UserRuleset = z.infer<typeof userRulesetSchema>;
type GroupRuleset = z.infer<typeof groupRulesetSchema>;

const ALL_PAGE = 1000;

/** The official object has no timestamps: the stored shape's are left empty. */
function toStored(dataset_uid: string, ruleset: UserRuleset | GroupRuleset): StoredRuleset {
  const target: StoredRuleset["target"] =
    "user" in ruleset
      ? { kind: "user", user_id: ruleset.user.username, username: ruleset.user.username }
      : { kind: "group", group_uid: ruleset.group.uid, title: ruleset.group.title ?? ruleset.group.uid };
  return { dataset_uid, target, security: ruleset.security, permissions: ruleset.permissions, created_at: "", updated_at: "" };
}

export type RemoteSecurity = ReturnType<typeof remoteSecurity>;

export function remoteSecurity(up: UpstreamCaller, datasets: RemoteDatasets) {
  const kindPath = (dataset_uid: string, kind: RulesetTargetRef["kind"]) => `${datasetPath(dataset_uid)}security/${kind === "user" ? "users" : "groups"}/`;
  const targetPath = (dataset_uid: string, target: RulesetTargetRef) =>
    `${kindPath(dataset_uid, target.kind)}${seg(target.kind === "user" ? target.username : target.group_uid)}/`;
  const schemaOf = (kind: RulesetTargetRef["kind"]) => (kind === "user" ? userRulesetSchema : groupRulesetSchema);
  const noun = (kind: RulesetTargetRef["kind"]) => (kind === "user" ? "user" : "group");
  const body = (target: RulesetTargetRef, change: Change) => ({ ...(target.kind === "user" ? { user: { username: target.username } } : { group: { uid: target.group_uid } }), ...change });

  async function list(dataset_uid: string, kind: RulesetTargetRef["kind"], page: RulesetListQuery): Promise<Page<StoredRuleset>> {
    const answer = await up.json({ method: "GET", path: kindPath(dataset_uid, kind), query: { limit: page.limit, offset: page.offset } });
    const parsed = parseAnswer(up.client, paginatedSchema(schemaOf(kind) as z.ZodType<UserRuleset | GroupRuleset>), answer, `list-dataset-${noun(kind)}-security`);
    return { total_count: parsed.total_count, results: parsed.results.map((r) => toStored(dataset_uid, r)) };
  }

  async function every(dataset_uid: string, kind: RulesetTargetRef["kind"]): Promise<StoredRuleset[]> {
    const out: StoredRuleset[] = [];
    for (let offset = 0; ; offset += ALL_PAGE) {
      const page = await list(dataset_uid, kind, { limit: ALL_PAGE, offset });
      out.push(...page.results);
      if (page.results.length < ALL_PAGE || out.length >= page.total_count) return out;
    }
  }

  const one = (dataset_uid: string, kind: RulesetTargetRef["kind"], value: unknown, operation: string) =>
    toStored(dataset_uid, parseAnswer(up.client, schemaOf(kind) as z.ZodType<UserRuleset | GroupRuleset>, value, `${operation}-dataset-${noun(kind)}-security`));

  return {
    list,
    async all(dataset_uid: string): Promise<StoredRuleset[]> {
      const [users, groups] = await Promise.all([every(dataset_uid, "user"), every(dataset_uid, "group")]);
      return [...users, ...groups];
    },
    async get(dataset_uid: string, target: RulesetTargetRef): Promise<StoredRuleset> {
      return one(dataset_uid, target.kind, await up.json({ method: "GET", path: targetPath(dataset_uid, target) }), "retrieve");
    },
    async create(dataset_uid: string, target: RulesetTargetRef, change: Change): Promise<StoredRuleset> {
      return one(dataset_uid, target.kind, await up.json({ method: "POST", path: kindPath(dataset_uid, target.kind), body: body(target, change) }), "create");
    },
    async update(dataset_uid: string, target: RulesetTargetRef, change: Change): Promise<StoredRuleset> {
      return one(dataset_uid, target.kind, await up.json({ method: "PUT", path: targetPath(dataset_uid, target), body: body(target, change) }), "update");
    },
    async delete(dataset_uid: string, target: RulesetTargetRef): Promise<void> {
      await up.json({ method: "DELETE", path: targetPath(dataset_uid, target) });
    },

    /** The published fields' names (the upstream's Explore catalog); null while the dataset is not published. */
    async securableFieldNames(dataset_uid: string): Promise<string[] | null> {
      const dataset = await datasets.get(dataset_uid);
      if (!dataset.is_published) return null;
      try {
        const answer = await up.json({ method: "GET", api: "explore", path: `/catalog/datasets/${seg(dataset.dataset_id)}/` });
        return parseAnswer(up.client, z.object({ fields: z.array(z.object({ name: z.string() }).loose()) }).loose(), answer, "explore-catalog-dataset").fields.map((f) => f.name);
      } catch (error) {
        if (isAppError(error) && error.code === "not_found") return null;
        throw error;
      }
    },

    /** PUT /datasets/{uid}/ replaces the metadata too: the current one is sent back with the change. */
    async setAccess(dataset_uid: string, change: { is_restricted?: boolean; default_security?: DatasetSecurity }): Promise<void> {
      const current = await datasets.get(dataset_uid);
      await datasets.update(
        dataset_uid,
        { metadata: current.metadata as DatasetWrite["metadata"], is_restricted: change.is_restricted ?? current.is_restricted, default_security: change.default_security ?? current.default_security },
        { expected_updated_at: current.updated_at },
      );
    },
  };
}
