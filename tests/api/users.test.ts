// Users (§2.13): list filters, retrieve, update, delete, export, invite (and the invitation page's action through
// the store), provision — through real HTTP, answers checked against the official document.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, type ApiResponse } from "../support/api-client";
import { createTestGroup, createTestUser, uniqueName, type TestUser } from "../support/fixtures";
import { officialSchemaErrors } from "../support/official-openapi";
import { dropSchema, freshSchemaUrl } from "../support/postgres";
import { startServer, type TestServer } from "../support/server";
import { signInCookie } from "../support/session";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const backend = inject("backend");
// Through a proxy console invitations are the upstream's: their links lead to its own invitation page and sign-in.
const invitationOrigin = backend.proxy?.upstreamUrl ?? backend.baseUrl;

describe.skipIf(!!backend.skipReason)(`users API (${backend.provider})`, () => {
  const admin = apiClient(backend.baseUrl, backend.adminKey);
  const anonymous = apiClient(backend.baseUrl);
  const official = (method: string, path: string, status: number | "default", res: ApiResponse) => expect(officialSchemaErrors(method, path, status, res.body)).toEqual([]);
  let plain: TestUser;
  let publisher: TestUser;
  let group: string;

  beforeAll(async () => {
    group = await createTestGroup(["publish_dataset", "edit_dataset"]);
    plain = await createTestUser({ prefix: "plainuser", permissions: ["create_dataset"] });
    publisher = await createTestUser({ prefix: "usrpub", permissions: ["create_dataset"], groups: [group] });
  });

  describe("access", () => {
    it.each([
      ["GET", "/users/"],
      ["GET", "/users/export/"],
      ["POST", "/users/invite/"],
      ["POST", "/users/provision/"],
      ["GET", "/users/admin/"],
      ["PUT", "/users/admin/"],
      ["DELETE", "/users/admin/"],
    ])("%s %s: 401 anonymous, 403 for a user without edit_domain", async (method, path) => {
      const body = method === "GET" || method === "DELETE" ? undefined : [{ email: "x@example.org" }];
      const none = await anonymous.request(method, path, { body });
      expect(none.status).toBe(401);
      const denied = await apiClient(backend.baseUrl, plain.apiKey).request(method, path, { body });
      expect(denied.status).toBe(403);
      expect(denied.body).toEqual({ error_code: "forbidden", message: expect.any(String) });
    });

    it("refuses an administrator's key narrowed away from edit_domain", async () => {
      const narrowed = await createTestUser({ prefix: "narrowadm", permissions: ["edit_domain", "create_dataset"], keyPermissions: ["create_dataset"] });
      expect((await apiClient(backend.baseUrl, narrowed.apiKey).get("/users/")).status).toBe(403);
    });
  });

  describe("list", () => {
    it("lists users in the paginated envelope", async () => {
      const res = await admin.get("/users/?limit=2");
      expect(res.status).toBe(200);
      official("GET", "/users/", 200, res);
      expect(res.body.results).toHaveLength(2);
      expect(res.body.total_count).toBeGreaterThanOrEqual(3);
      expect(res.body.next).toContain("offset=2");
      const user = res.body.results[0];
      expect(user).toMatchObject({ account_type: "local", is_ods: false, management_limits: {}, identity_providers: [{ uid: "local" }] });
      expect(user).not.toHaveProperty("password_hash");
    });

    it("searches username, names and email case-insensitively", async () => {
      const res = await admin.get(`/users/?search=${plain.username.toUpperCase()}`);
      expect(res.body.results.map((u: { username: string }) => u.username)).toEqual([plain.username]);
    });

    it("filters by direct permissions, and by permissions through groups with all_permissions", async () => {
      const direct = await admin.get("/users/?permissions=publish_dataset&limit=1000");
      expect(direct.body.results.map((u: { username: string }) => u.username)).not.toContain(publisher.username);
      const all = await admin.get("/users/?all_permissions=publish_dataset&all_permissions=create_dataset&limit=1000");
      const names = all.body.results.map((u: { username: string }) => u.username);
      expect(names).toContain(publisher.username);
      expect(names).not.toContain(plain.username);
      const byGroup = await admin.get(`/users/?group=${group}`);
      expect(byGroup.body.results.map((u: { username: string }) => u.username)).toEqual([publisher.username]);
    });

    it("sorts, descending with a leading -", async () => {
      const asc = await admin.get("/users/?sort=username&limit=1000");
      const names = asc.body.results.map((u: { username: string }) => u.username);
      expect(names).toEqual([...names].sort());
      const desc = await admin.get("/users/?sort=-username&limit=1000");
      expect(desc.body.results.map((u: { username: string }) => u.username)).toEqual([...names].reverse());
      const seen = await admin.get("/users/?sort=-last_seen_at,first_name&limit=1000");
      expect(seen.status).toBe(200);
      const times = seen.body.results.map((u: { last_seen_at?: string }) => u.last_seen_at ?? "");
      const withTime = times.filter(Boolean);
      expect(withTime).toEqual([...withTime].sort().reverse());
      expect(times.indexOf("") === -1 || times.slice(times.indexOf("")).every((t: string) => t === "")).toBe(true);
    });

    it("refuses an unknown permission filter or sort key with 400", async () => {
      expect((await admin.get("/users/?permissions=fly")).status).toBe(400);
      expect((await admin.get("/users/?sort=password_hash")).status).toBe(400);
    });
  });

  describe("retrieve and update", () => {
    it("retrieves a user with its groups as references, or expanded", async () => {
      const res = await admin.get(`/users/${publisher.username}/`);
      expect(res.status).toBe(200);
      official("GET", "/users/{username}/", 200, res);
      expect(res.body).toMatchObject({ username: publisher.username, permissions: ["create_dataset"], groups: [{ uid: group }], is_active: true });
      const expanded = await admin.get(`/users/${publisher.username}/?expand=groups`);
      // not checked against the official schema: its `groups` is a oneOf of [{uid}] and [UserGroup], and a
      // UserGroup (which has a uid) satisfies both, so no expanded answer can ever match exactly one
      expect(expanded.status).toBe(200);
      expect(expanded.body.groups[0]).toMatchObject({ uid: group, title: group, permissions: ["edit_dataset", "publish_dataset"], user_count: 1 });
    });

    it("answers 404 for an unknown user", async () => {
      const res = await admin.get("/users/no-such-user-xyz/");
      expect(res.status).toBe(404);
      official("GET", "/users/{username}/", 404, res);
    });

    it("updates names, email and direct permissions; read-only properties are ignored", async () => {
      const target = await createTestUser({ prefix: "upd" });
      const res = await admin.put(`/users/${target.username}/`, {
        first_name: "Louise",
        last_name: "Data",
        email: `${target.username}@example.org`,
        permissions: ["create_dataset", "explore_restricted_dataset"],
        is_active: false,
        joined_at: "2000-01-01T00:00:00Z",
        username: "renamed",
        account_type: "global",
      });
      expect(res.status).toBe(200);
      official("PUT", "/users/{username}/", 200, res);
      expect(res.body).toMatchObject({
        username: target.username,
        first_name: "Louise",
        email: `${target.username}@example.org`,
        permissions: ["create_dataset", "explore_restricted_dataset"],
        is_active: true,
        account_type: "local",
      });
      expect(res.body.joined_at).not.toBe("2000-01-01T00:00:00Z");
    });

    it("applies a permission change on the user's next request", async () => {
      const target = await createTestUser({ prefix: "nextreq", permissions: ["create_dataset"] });
      const client = apiClient(backend.baseUrl, target.apiKey);
      expect((await client.post("/datasets/", { metadata: { default: { title: { value: "Before" } } } })).status).toBe(201);
      expect((await admin.put(`/users/${target.username}/`, { permissions: [] })).status).toBe(200);
      expect((await client.post("/datasets/", { metadata: { default: { title: { value: "After" } } } })).status).toBe(403);
    });

    it("refuses an invalid email and a taken one with 400 validation_error", async () => {
      const bad = await admin.put(`/users/${plain.username}/`, { email: "not-an-email" });
      expect(bad.status).toBe(400);
      expect(bad.body.detail.email).toBeDefined();
      await admin.put(`/users/${publisher.username}/`, { email: `${publisher.username}@example.org` });
      const taken = await admin.put(`/users/${plain.username}/`, { email: `${publisher.username}@example.org` });
      expect(taken.status).toBe(400);
      expect(taken.body).toMatchObject({ error_code: "validation_error", detail: { email: [expect.any(String)] } });
    });

    it("lets an administrator grant only permissions they hold (no escalation through a narrowed key)", async () => {
      const limited = await createTestUser({ prefix: "limadm", permissions: ["edit_domain", "create_dataset"] });
      const target = await createTestUser({ prefix: "esc" });
      const res = await apiClient(backend.baseUrl, limited.apiKey).put(`/users/${target.username}/`, { permissions: ["manage_dataset"] });
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe("validation_error");
      expect(res.body.detail.permissions[0]).toContain("manage_dataset");
      // nor to themselves
      const self = await apiClient(backend.baseUrl, limited.apiKey).put(`/users/${limited.username}/`, { permissions: ["edit_domain", "create_dataset", "publish_dataset"] });
      expect(self.status).toBe(400);
      const ok = await apiClient(backend.baseUrl, limited.apiKey).put(`/users/${target.username}/`, { permissions: ["create_dataset"] });
      expect(ok.status).toBe(200);
    });
  });

  describe("delete", () => {
    it("deletes a user: their key stops working", async () => {
      const target = await createTestUser({ prefix: "del", permissions: ["create_dataset"] });
      const res = await admin.delete(`/users/${target.username}/`);
      expect(res.status).toBe(204);
      expect((await admin.get(`/users/${target.username}/`)).status).toBe(404);
      expect((await apiClient(backend.baseUrl, target.apiKey).get("/datasets/")).status).toBe(401);
      expect((await admin.delete(`/users/${target.username}/`)).status).toBe(404);
    });
  });

  describe("export", () => {
    it("exports the documented columns, with the delimiter asked for", async () => {
      const res = await fetch(`${backend.baseUrl}/api/automation/v1/users/export/?delimiter=;`, { headers: { Authorization: `Apikey ${backend.adminKey}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
      const lines = (await res.text()).trim().split("\r\n");
      expect(lines[0]).toBe("username;last_name;first_name;email;date_joined;last_seen;groups;permissions");
      const line = lines.find((l) => l.startsWith(`${publisher.username};`))!;
      const cells = line.split(";");
      expect(cells[4]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
      expect(line).toContain(`;${group};create_dataset`);
      expect((await admin.get("/users/export/?delimiter=;;")).status).toBe(400);
    });
  });

  describe("invite", () => {
    it("creates pending accounts with a one-time link, and reports each item on its own", async () => {
      const email = `${uniqueName("invitee")}@example.org`;
      const res = await admin.post("/users/invite/", [
        { email, first_name: "Ina", permissions: ["create_dataset"], groups: [{ uid: group }] },
        { email: "not-an-email" },
        { email, username: uniqueName("dup") },
        { email: `${uniqueName("x")}@example.org`, groups: [{ uid: "no_such_group" }] },
      ]);
      expect(res.status).toBe(200);
      official("POST", "/users/invite/", 200, res);
      expect(Object.keys(res.body)).toEqual(["0", "1", "2", "3"]);
      expect(res.body["0"]).toMatchObject({ status_code: "success", data: { email, first_name: "Ina", permissions: ["create_dataset"], groups: [{ uid: group }], is_pending: true } });
      expect(res.body["0"].data.invitation_url).toMatch(new RegExp(`^${invitationOrigin}/invitation/[a-f0-9]{64}$`));
      expect(res.body["0"].data.username).toBe(email.split("@")[0]);
      for (const i of ["1", "2", "3"]) expect(res.body[i]).toMatchObject({ status_code: "error", error: { error_code: "validation_error" } });
      expect(res.body["1"].error.detail.email).toBeDefined();
      expect(res.body["2"].error.detail.email).toBeDefined();
      expect(res.body["3"].error.detail.groups).toBeDefined();
    });

    it("accepts a single object, and refuses to grant what the caller lacks", async () => {
      const limited = await createTestUser({ prefix: "invlim", permissions: ["edit_domain"] });
      const res = await apiClient(backend.baseUrl, limited.apiKey).post("/users/invite/", { email: `${uniqueName("y")}@example.org`, permissions: ["publish_dataset"] });
      expect(res.status).toBe(200);
      expect(res.body["0"]).toMatchObject({ status_code: "error", error: { error_code: "validation_error", detail: { permissions: [expect.any(String)] } } });
    });

    it("lets the invitee choose a password once through the invitation page, then sign in", async () => {
      const email = `${uniqueName("acc")}@example.org`;
      const res = await admin.post("/users/invite/", [{ email }]);
      const { username, invitation_url } = res.body["0"].data as { username: string; invitation_url: string };
      const page = await fetch(invitation_url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(username);
      // pending accounts cannot sign in before
      await expect(signInCookie(invitationOrigin, username, "anything-at-all")).rejects.toThrow();
      const { acceptInvitation } = await import("@/lib/users/invitations");
      const token = invitation_url.split("/").pop()!;
      await expect(acceptInvitation(token, "password")).rejects.toMatchObject({ code: "validation_error" });
      await expect(acceptInvitation(token, "short")).rejects.toMatchObject({ code: "validation_error" });
      await expect(acceptInvitation(token, "correct horse battery staple")).resolves.toEqual({ username });
      await expect(acceptInvitation(token, "another good passphrase")).rejects.toMatchObject({ code: "not_found" });
      expect(await signInCookie(invitationOrigin, username, "correct horse battery staple")).toContain("session-token");
      expect((await admin.get(`/users/${username}/`)).body.is_pending).toBe(false);
      const spent = await fetch(invitation_url);
      expect(await spent.text()).not.toContain(`name="password"`);
    });
  });

  describe("provision", () => {
    it("creates linked accounts for an identity provider", async () => {
      const email = `${uniqueName("prov")}@example.org`;
      const res = await admin.post("/users/provision/", [{ email, identity_provider: { uid: "corporate-sso" } }, { email: `${uniqueName("p")}@example.org` }]);
      expect(res.status).toBe(200);
      official("POST", "/users/provision/", 200, res);
      expect(res.body["0"]).toMatchObject({ status_code: "success", data: { email, account_type: "linked", identity_providers: [{ uid: "corporate-sso" }], is_pending: false } });
      expect(res.body["0"].data).not.toHaveProperty("invitation_url");
      expect(res.body["1"]).toMatchObject({ status_code: "error", error: { detail: { identity_provider: [expect.any(String)] } } });
    });
  });
});

// The last-administrator rule needs a domain of its own: on the shared server, deleting `admin` would succeed as
// soon as another test has created an administrator.
describe.skipIf(!!backend.skipReason)(`the last administrator (${backend.provider})`, () => {
  const key = "b".repeat(40);
  let server: TestServer;
  let dataDir: string;
  let schema: string | null = null;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "dpc-lastadmin-"));
    const env: Record<string, string> = { ...backend.env, DATA_DIR: dataDir, ADMIN_API_KEY: key, SEED_DEMO: "false", JOBS: "off" };
    if (backend.provider === "postgresql") {
      const fresh = freshSchemaUrl("dpc_lastadmin");
      schema = fresh.schema;
      env.DATABASE_URL = fresh.url;
    } else delete env.DATABASE_URL;
    server = await startServer({ env });
  });
  afterAll(async () => {
    await server?.stop();
    if (schema) await dropSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses to delete, disable or demote the only administrator, and allows it once another exists", async () => {
    const api = apiClient(server.url, key);
    const del = await api.delete("/users/admin/");
    expect(del.status).toBe(400);
    expect(del.body).toMatchObject({ error_code: "validation_error", message: expect.stringContaining("administrator") });
    expect(officialSchemaErrors("DELETE", "/users/{username}/", "default", del.body)).toEqual([]);
    const demote = await api.put("/users/admin/", { permissions: ["create_dataset"] });
    expect(demote.status).toBe(400);
    expect(demote.body.detail.permissions).toBeDefined();

    // an administrators group with a second member: the admin may now go
    const created = await api.post("/groups/", { title: "Domain administrators", permissions: ["edit_domain"] });
    expect(created.status).toBe(201);
    const invite = await api.post("/users/invite/", [{ email: "second@example.org", username: "second" }]);
    expect(invite.body["0"].status_code).toBe("success");
    expect((await api.post("/groups/domain_administrators/users/", { username: "second" })).status).toBe(201);
    const demoteOk = await api.put("/users/admin/", { permissions: [] });
    expect(demoteOk.status).toBe(200);
    // admin's key lost edit_domain: the request after the change is refused
    expect((await api.get("/groups/")).status).toBe(403);
  });
});
