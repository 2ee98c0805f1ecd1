// The actors and the objects the authorization matrix acts on, made fresh for each run: users, groups and keys
// with the shared fixtures, datasets with the dataset service (as the demo seed does, so that a dataset can be
// "created by" an actor who may not create datasets any more), everything else through the API as a referee
// administrator who is none of the actors.
import { expect } from "vitest";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { datasetWriteSchema } from "@/lib/datasets/schema";
import { createDataset } from "@/lib/datasets/service";
import { fieldConfigurationWriteSchema } from "@/lib/fields/schema";
import { fieldConfigurations } from "@/lib/fields/service";
import { processorWriteSchema } from "@/lib/processors/schema";
import { processors } from "@/lib/processors/service";
import { createResource, saveFile } from "@/lib/resources/service";
import { createApiKey as registerApiKey } from "@/lib/users/accounts";
import { apiClient, type ApiResponse } from "../../support/api-client";
import { createTestGroup, createTestUser, uniqueName, type TestUser } from "../../support/fixtures";
import { pollUntil, SETTLED } from "../../support/publishing";
import { EFFECTIVE_PERMISSIONS, RULESET_ON_OWN, type ActorName, type DatasetPermission, type Ownership, type SignedInActor } from "./requirements";

export const EXPLORE_BASE = "/api/explore/v2.1";
export const CSV = "id;name;value\n1;alpha;10\n2;beta;20\n";

type Key = { uid: string; secret: string };

export type Actor = {
  name: ActorName;
  /** null: anonymous */
  key: string | null;
  user: TestUser | null;
  /** a group the actor belongs to (the group member's is the one granting their rights) */
  group: string | null;
  /** another key of the actor's user, to act on as "own key" */
  spareKey: Key | null;
  /** how to make another user with the same rights (destructive calls on oneself) */
  profile: { permissions: Permission[]; keyPermissions: Permission[] };
};

export type DatasetObjects = {
  dataset_uid: string;
  dataset_id: string;
  title: string;
  file_uid: string;
  resource_uid: string;
  processor_uid: string;
  field_uid: string;
  record_id: string;
  /** the user and the group holding a ruleset on this dataset (bystanders: it grants them, not the actors) */
  ruleset_user: string;
  ruleset_group: string;
};

/** What a path placeholder or a body may name, for one actor and one ownership. */
export type Objects = DatasetObjects & {
  username: string;
  group_uid: string;
  /** a member of group_uid */
  member: string;
  /** a user in no group and without rulesets: the one to add */
  newcomer: string;
  newcomer_group: string;
  apikey_uid: string;
  apikey_secret: string;
  template_name: string;
  template_field_name: string;
  default_template: string;
  title_field: string;
  optional_field: string;
  dataset_format: string;
  catalog_format: string;
  /** unique to the call: names what it creates */
  marker: string;
};

export type World = {
  baseUrl: string;
  referee: ReturnType<typeof apiClient>;
  refereeUser: TestUser;
  actors: Record<ActorName, Actor>;
  ownDatasets: Record<SignedInActor, DatasetObjects>;
  foreignDataset: DatasetObjects;
  publicDataset: DatasetObjects;
  bystander: { username: string; user_id: string; group: string; key: Key };
  newcomer: string;
  newcomerGroup: string;
  template: string;
  /** the referee's first reading of each shared object: nothing may change them during the run */
  baseline: Map<string, Promise<string>>;
};

type DatasetParts = { restricted?: boolean; resource?: boolean; processor?: boolean; field?: boolean; rulesets?: boolean; grant?: { username: string; permission: DatasetPermission } };

const principalOf = (user: TestUser, permissions: Permission[]): Principal => ({
  user_id: user.user_id,
  username: user.username,
  permissions: new Set(permissions),
  via: "apikey",
  locale: null,
});

const check = (res: ApiResponse, status: number, what: string) => expect(res.status, `${what}: ${res.text}`).toBe(status);

/** The user's own permissions and their group's; every actor's key holds exactly what the actor may do. */
const USERS: Record<SignedInActor, { permissions: Permission[]; viaGroup: Permission[] }> = {
  plain: { permissions: [], viaGroup: [] },
  groupMember: { permissions: [], viaGroup: ["edit_dataset", "publish_dataset"] },
  restricted: { permissions: ["create_dataset"], viaGroup: [] },
  scopedKey: { permissions: [...PERMISSIONS], viaGroup: [] },
  administrator: { permissions: [...PERMISSIONS], viaGroup: [] },
  rulesetHolder: { permissions: [], viaGroup: [] },
};

async function makeActor(name: SignedInActor): Promise<Actor> {
  const ruleset = RULESET_ON_OWN[name];
  const profile = { permissions: USERS[name].permissions, keyPermissions: [...EFFECTIVE_PERMISSIONS[name], ...(ruleset ? [ruleset] : [])] };
  const group = await createTestGroup(USERS[name].viaGroup);
  const user = await createTestUser({ prefix: `mx_${name.toLowerCase()}`, permissions: profile.permissions, groups: [group], keyPermissions: profile.keyPermissions });
  const spareKey = await registerApiKey({ user_id: user.user_id, label: "spare", permissions: profile.keyPermissions });
  return { name, key: user.apiKey, user, group, spareKey, profile };
}

/**
 * Another user with the actor's domain rights (same group, same key permissions), for deleting or changing "oneself"
 * in the identity operations; rulesets are not copied.
 */
export async function twinOf(actor: Actor): Promise<Actor> {
  const user = await createTestUser({ prefix: `mx_twin`, permissions: actor.profile.permissions, groups: actor.group ? [actor.group] : [], keyPermissions: actor.profile.keyPermissions });
  return { ...actor, key: user.apiKey, user, spareKey: null };
}

export class Fixtures {
  constructor(readonly world: Pick<World, "baseUrl" | "referee" | "refereeUser">) {}

  /** The actor's own dataset: made by them, or — for the ruleset holder — by the referee, with their ruleset on it. */
  async ownDataset(actor: Actor, parts: DatasetParts = {}): Promise<DatasetObjects> {
    const ruleset = RULESET_ON_OWN[actor.name as SignedInActor];
    if (!ruleset) return this.dataset(actor.user!, parts);
    return this.dataset(this.world.refereeUser, { ...parts, grant: { username: actor.user!.username, permission: ruleset } });
  }

  /** A dataset created by `owner` (an actor's user or the referee), with what `parts` asks for. */
  async dataset(owner: TestUser, parts: DatasetParts = {}): Promise<DatasetObjects> {
    const title = `Matrix ${uniqueName("title")}`;
    const creator = principalOf(owner, ["create_dataset"]);
    const input = datasetWriteSchema.parse({
      dataset_id: uniqueName("mx").replace(/_/g, "-"),
      is_restricted: parts.restricted ?? false,
      metadata: { default: { title: { value: title }, description: { value: "Made by the authorization matrix." } } },
    });
    const { uid, dataset_id } = await createDataset(creator, input);
    // the parts are the referee's doing: whoever adds them does not make the dataset theirs
    const referee = principalOf(this.world.refereeUser, [...PERMISSIONS]);
    const [resource, processor, field] = await Promise.all([
      parts.resource
        ? saveFile(referee, uid, "matrix.csv", Buffer.from(CSV), "text/csv").then(async (file) => ({
            file_uid: file.uid,
            resource_uid: (await createResource(referee, uid, { type: "csvfile", title: "Matrix", datasource: { type: "uploaded_file", file: { uid: file.uid } } })).uid,
          }))
        : null,
      parts.processor ? processors.create(referee, uid, processorWriteSchema.parse({ type: "string_replace", label: "Matrix", field: "name", old: "x", new: "y" })) : null,
      parts.field ? fieldConfigurations.create(referee, uid, fieldConfigurationWriteSchema.parse({ type: "annotate", label: "Matrix facet", field: "name", annotation: "facet" })) : null,
    ]);
    const objects: DatasetObjects = {
      dataset_uid: uid,
      dataset_id,
      title,
      file_uid: resource?.file_uid ?? "fi_none00",
      resource_uid: resource?.resource_uid ?? "re_none00",
      processor_uid: processor?.uid ?? "pr_none00",
      field_uid: field?.uid ?? "pr_none01",
      record_id: "0".repeat(40),
      ruleset_user: "nobody",
      ruleset_group: "nobody",
    };
    if (parts.grant) {
      const granted = await this.world.referee.post(`/datasets/${uid}/security/users/`, { user: { username: parts.grant.username }, permissions: [parts.grant.permission] });
      check(granted, 201, "granting ruleset");
    }
    if (parts.rulesets) {
      const [user, group] = await Promise.all([createTestUser({ prefix: "mx_target" }), createTestGroup([])]);
      const base = `/datasets/${uid}/security`;
      const [u, g] = await Promise.all([
        this.world.referee.post(`${base}/users/`, { user: { username: user.username }, permissions: [] }),
        this.world.referee.post(`${base}/groups/`, { group: { uid: group }, permissions: [] }),
      ]);
      check(u, 201, "user ruleset");
      check(g, 201, "group ruleset");
      objects.ruleset_user = user.username;
      objects.ruleset_group = group;
    }
    return objects;
  }

  /** Publishes (as the referee), waits, and notes the id of one record. */
  async publish(objects: DatasetObjects): Promise<void> {
    const { referee, baseUrl, refereeUser } = this.world;
    check(await referee.post(`/datasets/${objects.dataset_uid}/publish/`), 200, "publish");
    const status = await pollUntil(
      () => referee.get(`/datasets/${objects.dataset_uid}/status/`),
      (res) => SETTLED.includes(res.body?.status),
      `publish of ${objects.dataset_id}`,
    );
    expect(status.body, status.text).toMatchObject({ status: "idle", is_published: true });
    const records = await apiClient(baseUrl, refereeUser.apiKey, EXPLORE_BASE).get(`/catalog/datasets/${objects.dataset_id}/records/?limit=1`);
    check(records, 200, "records");
    objects.record_id = records.body.results[0]._id;
  }

  async template(): Promise<string> {
    const name = uniqueName("mx_template");
    const res = await this.world.referee.post("/metadata/templates/", { name, title: `Template ${name}`, type: "basic", is_active: true, schema: [{ name: "note", type: "text" }] });
    check(res, 201, "template");
    return name;
  }

  /** A user of nobody's concern, in a group of their own. */
  async bystander(): Promise<{ username: string; user_id: string; group: string }> {
    const group = await createTestGroup([]);
    const user = await createTestUser({ prefix: "mx_bystander", groups: [group] });
    return { username: user.username, user_id: user.user_id, group };
  }
}

export async function buildWorld(baseUrl: string): Promise<{ world: World; fixtures: Fixtures }> {
  const refereeUser = await createTestUser({ prefix: "mx_referee", permissions: [...PERMISSIONS] });
  const referee = apiClient(baseUrl, refereeUser.apiKey);
  const fixtures = new Fixtures({ baseUrl, referee, refereeUser });
  const signedIn = ["plain", "groupMember", "restricted", "scopedKey", "administrator", "rulesetHolder"] as const;
  const [actorList, bystanderUser, newcomer, newcomerGroup] = await Promise.all([
    Promise.all(signedIn.map(makeActor)),
    fixtures.bystander().then(async (b) => ({ ...b, key: await registerApiKey({ user_id: b.user_id, label: "bystander", permissions: [] }) })),
    createTestUser({ prefix: "mx_newcomer" }),
    createTestGroup([]),
  ]);
  const actors = Object.fromEntries([
    ["anonymous", { name: "anonymous", key: null, user: null, group: null, spareKey: null, profile: { permissions: [], keyPermissions: [] } } satisfies Actor],
    ...actorList.map((a) => [a.name, a] as const),
  ]) as Record<ActorName, Actor>;
  const everything = { restricted: true, resource: true, processor: true, field: true, rulesets: true };
  const [ownList, foreignDataset, publicDataset, template] = await Promise.all([
    Promise.all(actorList.map((a) => fixtures.ownDataset(a, everything))),
    fixtures.dataset(refereeUser, everything),
    fixtures.dataset(refereeUser, { ...everything, restricted: false }),
    fixtures.template(),
  ]);
  await Promise.all([...ownList, foreignDataset, publicDataset].map((objects) => fixtures.publish(objects)));
  const ownDatasets = Object.fromEntries(actorList.map((a, i) => [a.name, ownList[i]!])) as Record<SignedInActor, DatasetObjects>;
  const world: World = {
    baseUrl, referee, refereeUser, actors, ownDatasets, foreignDataset, publicDataset, template,
    bystander: bystanderUser, newcomer: newcomer.username, newcomerGroup, baseline: new Map(),
  };
  return { world, fixtures };
}

/** The shared objects one actor acts on for one ownership (`none`: the foreign ones, for bodies that name some). */
export function objectsFor(world: World, actor: Actor, ownership: Ownership): Objects {
  const own = ownership === "own" && actor.user !== null;
  const datasetObjects = ownership === "public" ? world.publicDataset : own ? world.ownDatasets[actor.name as SignedInActor] : world.foreignDataset;
  return {
    ...datasetObjects,
    username: own ? actor.user!.username : world.bystander.username,
    group_uid: own ? actor.group! : world.bystander.group,
    member: own ? actor.user!.username : world.bystander.username,
    newcomer: world.newcomer,
    newcomer_group: world.newcomerGroup,
    apikey_uid: own ? actor.spareKey!.uid : world.bystander.key.uid,
    apikey_secret: own ? actor.spareKey!.secret : world.bystander.key.secret,
    template_name: world.template,
    template_field_name: "note",
    default_template: "default",
    title_field: "title",
    optional_field: "description",
    dataset_format: "csv",
    catalog_format: "json",
    marker: uniqueName("mx_marker"),
  };
}
