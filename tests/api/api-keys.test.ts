// API keys (§2.15): own keys only (another user's key is 404), the secret shown once and stored hashed, never
// more permissions than the caller holds, revocation with a reason, search_key for administrators.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody, type ApiResponse } from "../support/api-client";
import { createTestUser, type TestUser } from "../support/fixtures";
import { officialSchemaErrors } from "../support/official-openapi";
import { consoleSession } from "../support/session";

const backend = inject("backend");

describe.skipIf(!!backend.skipReason)(`API keys API (${backend.provider})`, () => {
  const admin = apiClient(backend.baseUrl, backend.adminKey);
  const anonymous = apiClient(backend.baseUrl);
  const official = (method: string, path: string, status: number | "default", res: ApiResponse) => expect(officialSchemaErrors(method, path, status, res.body)).toEqual([]);
  let owner: TestUser;
  let other: TestUser;
  let ownerApi: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    owner = await createTestUser({ prefix: "keyowner", permissions: ["create_dataset", "edit_dataset"] });
    other = await createTestUser({ prefix: "keyother", permissions: ["create_dataset"] });
    ownerApi = apiClient(backend.baseUrl, owner.apiKey);
  });

  it("refuses anonymous callers with 401", async () => {
    for (const [method, path] of [["GET", "/apikeys/"], ["POST", "/apikeys/"], ["GET", "/apikeys/ak_aaaaaa/"], ["PUT", "/apikeys/ak_aaaaaa/"], ["POST", "/apikeys/ak_aaaaaa/revoke/"], ["POST", "/apikeys/search_key/"]]) {
      expect((await anonymous.request(method!, path!, { body: method === "GET" ? undefined : {} })).status, `${method} ${path}`).toBe(401);
    }
  });

  it("creates a key whose secret is shown once and works as the owner, narrowed", async () => {
    const res = await ownerApi.post("/apikeys/", { label: "CI", permissions: ["create_dataset"], key: "chosen-secret", is_revoked: true, user: { username: "admin" } });
    expect(res.status).toBe(201);
    official("POST", "/apikeys/", 201, res);
    expect(res.body).toMatchObject({ label: "CI", permissions: ["create_dataset"], user: { username: owner.username }, is_revoked: false, revocation_status: { revoked_at: null } });
    expect(res.body.uid).toMatch(/^ak_[a-z0-9]{6}$/);
    expect(res.body.key).toMatch(/^[a-f0-9]{56}$/);
    const key = apiClient(backend.baseUrl, res.body.key);
    expect((await key.post("/datasets/", datasetBody("By the new key"))).status).toBe(201);
    const got = await ownerApi.get(`/apikeys/${res.body.uid}/`);
    expect(got.status).toBe(200);
    official("GET", "/apikeys/{apikey_uid}/", 200, got);
    expect(got.body).not.toHaveProperty("key");
    expect(got.body.key_prefix).toBe(res.body.key.slice(0, 6));
    const expanded = await ownerApi.get(`/apikeys/${res.body.uid}/?expand=user`);
    expect(expanded.body.user).toMatchObject({ username: owner.username, email: expect.any(String) });
  });

  it("GET /me/ (extension) names the caller and the effective permissions: a key's own, narrowed to its owner's", async () => {
    const narrowed = await ownerApi.post("/apikeys/", { label: "me", permissions: ["create_dataset", "edit_dataset"] });
    const me = await apiClient(backend.baseUrl, narrowed.body.key).get("/me/");
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ username: owner.username, via: "apikey", permissions: ["create_dataset", "edit_dataset"], api_key: { uid: narrowed.body.uid } });
    // the owner loses edit_dataset: the key loses it too
    const onlyCreate = await createTestUser({ prefix: "meuser", permissions: ["create_dataset"], keyPermissions: ["create_dataset", "publish_dataset"] });
    expect((await apiClient(backend.baseUrl, onlyCreate.apiKey).get("/me/")).body.permissions).toEqual(["create_dataset"]);
    expect((await anonymous.get("/me/")).status).toBe(401);
    expect((await apiClient(backend.baseUrl, "0".repeat(56)).get("/me/")).status).toBe(401);
    const session = await consoleSession(backend.baseUrl, owner, !!backend.proxy);
    // a proxy console's session is an upstream key: that is what the upstream answers for
    const viaSession = backend.proxy ? { username: owner.username, via: "apikey" } : { username: owner.username, via: "session", api_key: null };
    expect((await anonymous.get("/me/", { headers: { Cookie: session } })).body).toMatchObject(viaSession);
  });

  it("lists only the caller's own keys", async () => {
    await apiClient(backend.baseUrl, other.apiKey).post("/apikeys/", { label: "Other's" });
    const res = await ownerApi.get("/apikeys/?limit=100");
    expect(res.status).toBe(200);
    official("GET", "/apikeys/", 200, res);
    expect(res.body.results.length).toBeGreaterThanOrEqual(2);
    expect(res.body.results.every((k: { user: { username: string } }) => k.user.username === owner.username)).toBe(true);
    expect(res.body.results.some((k: { key?: string }) => k.key !== undefined)).toBe(false);
  });

  it("never gives a key more than the caller holds: user's rights, or a narrowed key's", async () => {
    const beyondUser = await ownerApi.post("/apikeys/", { label: "x", permissions: ["edit_domain"] });
    expect(beyondUser.status).toBe(400);
    expect(beyondUser.body).toMatchObject({ error_code: "validation_error", detail: { permissions: [expect.stringContaining("edit_domain")] } });
    // the test key of `owner` holds create_dataset and edit_dataset; a key created by a key narrowed to create_dataset gets no more
    const narrow = (await ownerApi.post("/apikeys/", { label: "narrow", permissions: ["create_dataset"] })).body.key as string;
    const minted = await apiClient(backend.baseUrl, narrow).post("/apikeys/", { label: "wider", permissions: ["create_dataset", "edit_dataset"] });
    expect(minted.status).toBe(400);
    const widened = await apiClient(backend.baseUrl, narrow).put(`/apikeys/${(await ownerApi.get("/apikeys/")).body.results[0].uid}/`, { permissions: ["edit_dataset", "create_dataset"] });
    expect(widened.status).toBe(400);
  });

  it("updates label and permissions", async () => {
    const created = await ownerApi.post("/apikeys/", { label: "Old", permissions: ["create_dataset"] });
    const res = await ownerApi.put(`/apikeys/${created.body.uid}/`, { label: "New", permissions: ["edit_dataset"], uid: "ak_zzzzzz" });
    expect(res.status).toBe(200);
    official("PUT", "/apikeys/{apikey_uid}/", 200, res);
    expect(res.body).toMatchObject({ uid: created.body.uid, label: "New", permissions: ["edit_dataset"] });
    const key = apiClient(backend.baseUrl, created.body.key);
    expect((await key.post("/datasets/", datasetBody("Now forbidden"))).status).toBe(403);
  });

  it("answers 404 for another user's key: read, update and revoke", async () => {
    const theirs = (await apiClient(backend.baseUrl, other.apiKey).post("/apikeys/", { label: "Theirs" })).body.uid as string;
    for (const res of [
      await ownerApi.get(`/apikeys/${theirs}/`),
      await ownerApi.put(`/apikeys/${theirs}/`, { label: "Mine now" }),
      await ownerApi.post(`/apikeys/${theirs}/revoke/`, { reason: "no" }),
      await admin.post(`/apikeys/${theirs}/revoke/`, { reason: "even admins use search_key, not this" }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error_code: "not_found", message: "Not found." });
    }
    expect((await apiClient(backend.baseUrl, other.apiKey).get(`/apikeys/${theirs}/`)).body.is_revoked).toBe(false);
  });

  it("revokes with a reason: the key fails authentication at once, and stays revoked", async () => {
    const created = await ownerApi.post("/apikeys/", { label: "To revoke", permissions: ["create_dataset"] });
    const key = apiClient(backend.baseUrl, created.body.key);
    expect((await key.get("/datasets/?limit=0")).status).toBe(200);
    const res = await ownerApi.post(`/apikeys/${created.body.uid}/revoke/`, { reason: "Leaked in a log" });
    expect(res.status).toBe(200);
    official("POST", "/apikeys/{apikey_uid}/revoke/", 200, res);
    expect(res.body).toMatchObject({ is_revoked: true, revocation_status: { revocation_reason: "Leaked in a log", revoked_at: expect.any(String) } });
    expect((await key.get("/datasets/?limit=0")).status).toBe(401);
    const again = await ownerApi.post(`/apikeys/${created.body.uid}/revoke/`, { reason: "Second time" });
    expect(again.body.revocation_status.revocation_reason).toBe("Leaked in a log");
  });

  it("lets a console user manage their own keys with the session and the console header", async () => {
    const cookie = await consoleSession(backend.baseUrl, owner, !!backend.proxy);
    const res = await anonymous.post("/apikeys/", { label: "From the console" }, { headers: { Cookie: cookie, "X-DPC-Console": "1" } });
    expect(res.status).toBe(201);
    expect((await anonymous.post("/apikeys/", { label: "Forged" }, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  describe("search_key", () => {
    it("finds any key, active or revoked, for administrators only", async () => {
      const created = await apiClient(backend.baseUrl, other.apiKey).post("/apikeys/", { label: "Findable" });
      const res = await admin.post("/apikeys/search_key/", { key: created.body.key });
      expect(res.status).toBe(200);
      official("POST", "/apikeys/search_key/", 200, res);
      expect(res.body).toMatchObject({ found: true, result: { uid: created.body.uid, user: { username: other.username }, is_revoked: false } });
      expect(res.body.result).not.toHaveProperty("key");
      await apiClient(backend.baseUrl, other.apiKey).post(`/apikeys/${created.body.uid}/revoke/`, { reason: "r" });
      expect((await admin.post("/apikeys/search_key/", { key: created.body.key })).body.result.is_revoked).toBe(true);
      const missing = await admin.post("/apikeys/search_key/", { key: "0".repeat(56) });
      expect(missing.body).toEqual({ found: false, result: null });
      official("POST", "/apikeys/search_key/", 200, missing);
      expect((await ownerApi.post("/apikeys/search_key/", { key: created.body.key })).status).toBe(403);
      expect((await admin.post("/apikeys/search_key/", {})).status).toBe(400);
    });
  });
});
