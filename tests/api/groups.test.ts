// User groups (§2.14): CRUD with permissions, members, batch add — through real HTTP, checked against the official
// document; members get the group's permissions on their next request and lose them on removal.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody, type ApiResponse } from "../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../support/fixtures";
import { officialSchemaErrors } from "../support/official-openapi";

const backend = inject("backend");

describe.skipIf(!!backend.skipReason)(`groups API (${backend.provider})`, () => {
  const admin = apiClient(backend.baseUrl, backend.adminKey);
  const anonymous = apiClient(backend.baseUrl);
  const official = (method: string, path: string, status: number | "default", res: ApiResponse) => expect(officialSchemaErrors(method, path, status, res.body)).toEqual([]);
  let plain: TestUser;
  let member: TestUser;
  let title: string;
  let uid: string;

  beforeAll(async () => {
    plain = await createTestUser({ prefix: "grpplain", permissions: ["create_dataset"] });
    member = await createTestUser({ prefix: "grpmember", permissions: [], keyPermissions: ["create_dataset", "edit_dataset"] });
    title = `Content Designers ${uniqueName("t")}`;
  });

  it.each([
    ["GET", "/groups/"],
    ["POST", "/groups/"],
    ["GET", "/groups/x/"],
    ["PUT", "/groups/x/"],
    ["DELETE", "/groups/x/"],
    ["GET", "/groups/x/users/"],
    ["POST", "/groups/x/users/"],
    ["POST", "/groups/x/users/batch/"],
    ["DELETE", "/groups/x/users/y/"],
  ])("%s %s: 401 anonymous, 403 without edit_domain", async (method, path) => {
    const body = method === "POST" || method === "PUT" ? (path.endsWith("batch/") ? [{ username: "y" }] : { title: "x", username: "y" }) : undefined;
    expect((await anonymous.request(method, path, { body })).status).toBe(401);
    expect((await apiClient(backend.baseUrl, plain.apiKey).request(method, path, { body })).status).toBe(403);
  });

  it("creates a group whose uid is its slugified title", async () => {
    const res = await admin.post("/groups/", { title, description: "Designers only.", permissions: ["create_dataset"], uid: "chosen", user_count: 99 });
    expect(res.status).toBe(201);
    official("POST", "/groups/", 201, res);
    uid = res.body.uid;
    expect(uid).toBe(title.toLowerCase().replace(/[^a-z0-9]+/g, "_"));
    expect(res.body).toMatchObject({ title, description: "Designers only.", permissions: ["create_dataset"], user_count: 0, created_by: { username: "admin" } });
    const again = await admin.post("/groups/", { title });
    expect(again.status).toBe(400);
    expect(again.body.detail.title).toBeDefined();
    const bad = await admin.post("/groups/", { title: "", permissions: ["fly"] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.detail).sort()).toEqual(["permissions.0", "title"]);
  });

  it("lists, searches, filters and sorts groups", async () => {
    const res = await admin.get(`/groups/?search=${encodeURIComponent(title.split(" ").pop()!)}`);
    expect(res.status).toBe(200);
    official("GET", "/groups/", 200, res);
    expect(res.body.results.map((g: { uid: string }) => g.uid)).toEqual([uid]);
    const byPermission = await admin.get("/groups/?permissions=create_dataset&limit=1000&sort=-group__title");
    const uids = byPermission.body.results.map((g: { uid: string }) => g.uid);
    expect(uids).toContain(uid);
    const titles = byPermission.body.results.map((g: { title: string }) => g.title);
    expect(titles).toEqual([...titles].sort().reverse());
    expect((await admin.get("/groups/?sort=password")).status).toBe(400);
  });

  it("retrieves and updates a group (omitted properties keep their value)", async () => {
    const got = await admin.get(`/groups/${uid}/`);
    expect(got.status).toBe(200);
    official("GET", "/groups/{group_uid}/", 200, got);
    const res = await admin.put(`/groups/${uid}/`, { description: "Changed.", permissions: ["create_dataset", "edit_dataset"], uid: "renamed" });
    expect(res.status).toBe(200);
    official("PUT", "/groups/{group_uid}/", 200, res);
    expect(res.body).toMatchObject({ uid, title, description: "Changed.", permissions: ["create_dataset", "edit_dataset"] });
    expect((await admin.get("/groups/no_such_group/")).status).toBe(404);
  });

  it("adds a member, who gets the group's permissions on the next request", async () => {
    const client = apiClient(backend.baseUrl, member.apiKey);
    expect((await client.post("/datasets/", datasetBody("Before joining"))).status).toBe(403);
    const res = await admin.post(`/groups/${uid}/users/`, { username: member.username });
    expect(res.status).toBe(201);
    official("POST", "/groups/{group_uid}/users/", 201, res);
    expect(res.body.groups).toEqual([{ uid }]);
    expect((await client.post("/datasets/", datasetBody("After joining"))).status).toBe(201);
    const members = await admin.get(`/groups/${uid}/users/`);
    expect(members.status).toBe(200);
    official("GET", "/groups/{group_uid}/users/", 200, members);
    expect(members.body.results.map((u: { username: string }) => u.username)).toEqual([member.username]);
    expect((await admin.get(`/groups/${uid}/`)).body.user_count).toBe(1);
    const unknown = await admin.post(`/groups/${uid}/users/`, { username: "no-such-user-xyz" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail.username).toBeDefined();
  });

  it("adds users in batch, each with its own status", async () => {
    const other = await createTestUser({ prefix: "grpbatch" });
    const res = await admin.post(`/groups/${uid}/users/batch/`, [{ username: other.username }, { username: "no-such-user-xyz" }, { nope: 1 }]);
    expect(res.status).toBe(200);
    official("POST", "/groups/{group_uid}/users/batch/", 200, res);
    expect(res.body["0"]).toMatchObject({ status_code: "success", data: { username: other.username } });
    expect(res.body["1"]).toMatchObject({ status_code: "error", error: { error_code: "validation_error" } });
    expect(res.body["2"]).toMatchObject({ status_code: "error", error: { detail: { username: [expect.any(String)] } } });
    expect((await admin.post("/groups/no_such_group/users/batch/", [{ username: other.username }])).status).toBe(404);
  });

  it("refuses to grant, through a group, permissions the caller lacks", async () => {
    const limited = await createTestUser({ prefix: "grplim", permissions: ["edit_domain", "create_dataset"] });
    const client = apiClient(backend.baseUrl, limited.apiKey);
    const create = await client.post("/groups/", { title: uniqueName("Escalation"), permissions: ["manage_dataset"] });
    expect(create.status).toBe(400);
    expect(create.body.detail.permissions).toBeDefined();
    // joining a group that grants edit_dataset would give it to the new member: refused for this caller
    const target = await createTestUser({ prefix: "grptarget" });
    const join = await client.post(`/groups/${uid}/users/`, { username: target.username });
    expect(join.status).toBe(400);
  });

  it("removes a member, who loses the permissions at once", async () => {
    const res = await admin.delete(`/groups/${uid}/users/${member.username}/`);
    expect(res.status).toBe(204);
    expect((await apiClient(backend.baseUrl, member.apiKey).post("/datasets/", datasetBody("After leaving"))).status).toBe(403);
    expect((await admin.delete(`/groups/${uid}/users/${member.username}/`)).status).toBe(404);
  });

  it("deletes a group", async () => {
    const res = await admin.delete(`/groups/${uid}/`);
    expect(res.status).toBe(204);
    expect((await admin.get(`/groups/${uid}/`)).status).toBe(404);
    expect((await admin.delete(`/groups/${uid}/`)).status).toBe(404);
  });
});
