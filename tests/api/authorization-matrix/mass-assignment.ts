// Mass assignment: read-only properties sent back in a write (uid, timestamps, is_published, is_ods, joined_at,
// user, key, is_revoked, created_by, user_count…) are ignored or refused, never applied; permissions a caller does
// not hold are never granted; properties reserved to a stronger right stay out of reach of a weaker one.
import { expect, it } from "vitest";
import { createApiKey as registerApiKey } from "@/lib/users/accounts";
import { apiClient } from "../../support/api-client";
import { uniqueName } from "../../support/fixtures";
import type { Fixtures, World } from "./world";

const OLD = "2000-01-01T00:00:00.000Z";
const title = (value: string) => ({ metadata: { default: { title: { value } } } });

export function massAssignmentTests(context: () => { world: World; fixtures: Fixtures }) {
  const as = (world: World, name: "restricted" | "groupMember" | "scopedKey" | "administrator") => apiClient(world.baseUrl, world.actors[name].key!);

  it("datasets: uid, timestamps, is_published, status and the creator", async () => {
    const { world } = context();
    const restricted = as(world, "restricted");
    const readOnly = { uid: "da_zzzzzz", created_at: OLD, updated_at: OLD, is_published: true, status: "processing", created_by: { username: world.bystander.username } };
    const created = await restricted.post("/datasets/", { ...readOnly, ...title("Mass assignment") });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ is_published: false });
    expect(created.body.uid).not.toBe("da_zzzzzz");
    expect(created.body.created_at).not.toBe(OLD);
    // still the restricted user's own: create_dataset lets them edit nothing else
    const edited = await restricted.put(`/datasets/${created.body.uid}/`, { ...readOnly, ...title("Mass assignment, edited") });
    expect(edited.status, edited.text).toBe(200);
    const reread = await world.referee.get(`/datasets/${created.body.uid}/`);
    expect(reread.body).toMatchObject({ uid: created.body.uid, created_at: created.body.created_at, is_published: false });
    expect(reread.body.updated_at).not.toBe(OLD);
    expect((await world.referee.get(`/datasets/${created.body.uid}/status/`)).body.status).toBe("idle");
  });

  it("datasets: an editor who may not manage a dataset cannot restrict it or change its default security", async () => {
    const { world, fixtures } = context();
    const dataset = await fixtures.dataset(world.refereeUser);
    const res = await as(world, "groupMember").put(`/datasets/${dataset.dataset_uid}/`, { is_restricted: true, default_security: { is_data_visible: false }, ...title(dataset.title) });
    expect([200, 403], res.text).toContain(res.status);
    const reread = await world.referee.get(`/datasets/${dataset.dataset_uid}/`);
    expect(reread.body, "is_restricted and default_security are the manager's decision").toMatchObject({ is_restricted: false, default_security: { is_data_visible: true } });
  });

  it("users: username, is_active, is_ods, joined_at, account_type, groups and identity providers", async () => {
    const { world, fixtures } = context();
    const { username } = await fixtures.bystander();
    const before = await world.referee.get(`/users/${username}/?expand=groups`);
    const granting = world.actors.groupMember.group;
    const readOnly = { username: "hijacked", is_active: false, is_ods: true, joined_at: OLD, account_type: "global", is_pending: true, last_login_at: OLD };
    const body = { ...readOnly, groups: [{ uid: granting }], identity_providers: [{ uid: "elsewhere" }], first_name: "Kept" };
    const res = await as(world, "administrator").put(`/users/${username}/`, body);
    expect(res.status, res.text).toBe(200);
    const after = await world.referee.get(`/users/${username}/?expand=groups`);
    expect(after.body).toMatchObject({ username, is_active: true, is_ods: false, joined_at: before.body.joined_at, account_type: "local", first_name: "Kept" });
    expect(after.body).toMatchObject({ groups: before.body.groups, identity_providers: [{ uid: "local" }] });
    expect(after.body.last_login_at).toBeUndefined();
    expect((await world.referee.get("/users/hijacked/")).status).toBe(404);
  });

  it("users and groups: an administrator narrowed to edit_domain grants no other permission", async () => {
    const { world, fixtures } = context();
    const narrowed = apiClient(world.baseUrl, (await registerApiKey({ user_id: world.actors.administrator.user!.user_id, label: "narrowed", permissions: ["edit_domain"] })).secret);
    const { username, group } = await fixtures.bystander();
    const granting = world.actors.groupMember.group!;
    const attempts = await Promise.all([
      narrowed.put(`/users/${username}/`, { permissions: ["manage_dataset"] }),
      narrowed.post("/groups/", { title: uniqueName("Escalation"), permissions: ["manage_dataset"] }),
      narrowed.put(`/groups/${group}/`, { permissions: ["manage_dataset"] }),
      narrowed.post(`/groups/${granting}/users/`, { username }),
    ]);
    for (const res of attempts) expect(res.status, res.text).toBe(400);
    const invite = await narrowed.post("/users/invite/", [{ email: `${uniqueName("escalation")}@example.org`, permissions: ["manage_dataset"] }]);
    expect(invite.body?.["0"]?.status_code, invite.text).toBe("error");
    expect((await world.referee.get(`/users/${username}/`)).body).toMatchObject({ permissions: [], groups: [{ uid: group }] });
    expect((await world.referee.get(`/groups/${group}/`)).body.permissions).toEqual([]);
  });

  it("groups: uid, user_count and the audit fields", async () => {
    const { world, fixtures } = context();
    const { group } = await fixtures.bystander();
    const before = await world.referee.get(`/groups/${group}/`);
    const someoneElse = { username: world.bystander.username };
    const readOnly = { uid: "renamed", user_count: 99, created_at: OLD, updated_at: OLD, created_by: someoneElse, updated_by: someoneElse };
    const admin = as(world, "administrator");
    const res = await admin.put(`/groups/${group}/`, { ...readOnly, description: "Kept" });
    expect(res.status, res.text).toBe(200);
    const after = await world.referee.get(`/groups/${group}/`);
    expect(after.body).toMatchObject({ uid: group, user_count: 1, created_at: before.body.created_at, description: "Kept" });
    expect(after.body.updated_by).toEqual({ username: world.actors.administrator.user!.username });
    expect(after.body.created_by).toEqual(before.body.created_by);
    expect((await world.referee.get("/groups/renamed/")).status).toBe(404);
    const created = await admin.post("/groups/", { ...readOnly, title: uniqueName("Chosen") });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ user_count: 0, created_by: { username: world.actors.administrator.user!.username } });
    expect(created.body.uid).not.toBe("renamed");
  });

  it("API keys: owner, secret, uid and revocation; no key grants more than its caller holds", async () => {
    const { world } = context();
    const restricted = as(world, "restricted");
    const chosen = "c".repeat(40);
    const revocation_status = { revoked_at: OLD, revocation_reason: "x" };
    const readOnly = { uid: "ak_zzzzzz", key: chosen, user: { username: world.bystander.username }, is_revoked: true, revocation_status, created_at: OLD };
    const created = await restricted.post("/apikeys/", { ...readOnly, label: "mass assignment" });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ user: { username: world.actors.restricted.user!.username }, is_revoked: false });
    expect(created.body.key).not.toBe(chosen);
    expect(created.body.uid).not.toBe("ak_zzzzzz");
    expect((await apiClient(world.baseUrl, chosen).get("/apikeys/")).status).toBe(401);

    const updated = await restricted.put(`/apikeys/${created.body.uid}/`, { ...readOnly, label: "still mine" });
    expect(updated.status, updated.text).toBe(200);
    const found = await world.referee.post("/apikeys/search_key/", { key: created.body.key });
    expect(found.body).toMatchObject({ found: true, result: { uid: created.body.uid, label: "still mine", is_revoked: false, user: { username: world.actors.restricted.user!.username } } });
    expect((await apiClient(world.baseUrl, created.body.key).get("/apikeys/")).status).toBe(200);

    const escalations = await Promise.all([
      restricted.post("/apikeys/", { permissions: ["edit_domain"] }),
      restricted.put(`/apikeys/${created.body.uid}/`, { permissions: ["manage_dataset"] }),
      // the scoped key's user holds everything, the key does not
      as(world, "scopedKey").post("/apikeys/", { permissions: ["edit_domain"] }),
      as(world, "scopedKey").put(`/apikeys/${world.actors.scopedKey.spareKey!.uid}/`, { permissions: ["manage_dataset"] }),
      as(world, "groupMember").post("/apikeys/", { permissions: ["manage_dataset"] }),
    ]);
    for (const res of escalations) expect(res.status, res.text).toBe(400);
    // what comes through a group may be given
    expect((await as(world, "groupMember").post("/apikeys/", { permissions: ["edit_dataset"] })).status).toBe(201);
  });

  it("resources and processors: uids and derived properties", async () => {
    const { world, fixtures } = context();
    const dataset = await fixtures.dataset(world.actors.restricted.user!, { resource: true, processor: true });
    const restricted = as(world, "restricted");
    const d = `/datasets/${dataset.dataset_uid}`;
    const readOnly = { uid: "re_zzzzzz", display_name: "Chosen", updated_at: OLD, extraction_infos: { label: "x", type: "x" }, origin: { label: "x", type: "x" } };
    const resource = { type: "csvfile", title: "Kept", datasource: { type: "uploaded_file", file: { uid: dataset.file_uid } } };
    const created = await restricted.post(`${d}/resources/`, { ...readOnly, ...resource });
    expect(created.status, created.text).toBe(201);
    expect(created.body.uid).not.toBe("re_zzzzzz");
    expect(created.body.updated_at).not.toBe(OLD);
    const updated = await restricted.put(`${d}/resources/${dataset.resource_uid}/`, { ...readOnly, ...resource });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body.uid).toBe(dataset.resource_uid);
    expect((await world.referee.get(`${d}/resources/re_zzzzzz/`)).status).toBe(404);
    const processor = await restricted.put(`${d}/processors/${dataset.processor_uid}/`, { uid: "pr_zzzzzz", type: "string_replace", label: "Kept", field: "name", old: "a", new: "b" });
    expect(processor.status, processor.text).toBe(200);
    expect((await world.referee.get(`${d}/processors/${dataset.processor_uid}/`)).body.label).toBe("Kept");
    expect((await world.referee.get(`${d}/processors/pr_zzzzzz/`)).status).toBe(404);
  });

  it("rulesets: a PUT naming another user or group does not move the ruleset", async () => {
    const { world, fixtures } = context();
    const dataset = await fixtures.dataset(world.refereeUser, { rulesets: true });
    const admin = as(world, "administrator");
    const d = `/datasets/${dataset.dataset_uid}/security`;
    const moves = await Promise.all([
      admin.put(`${d}/users/${dataset.ruleset_user}/`, { user: { username: world.newcomer }, permissions: ["manage_dataset"] }),
      admin.put(`${d}/groups/${dataset.ruleset_group}/`, { group: { uid: world.newcomerGroup }, permissions: ["manage_dataset"] }),
    ]);
    for (const res of moves) expect([200, 400], res.text).toContain(res.status);
    expect((await world.referee.get(`${d}/users/${world.newcomer}/`)).status).toBe(404);
    expect((await world.referee.get(`${d}/groups/${world.newcomerGroup}/`)).status).toBe(404);
    expect((await world.referee.get(`${d}/users/${dataset.ruleset_user}/`)).status).toBe(200);
  });
}
