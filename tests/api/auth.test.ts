// Authentication and authorization at the API edge: API key schemes, session cookies, key narrowing.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody } from "../support/api-client";
import { createTestUser, type TestUser } from "../support/fixtures";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { officialSchemaErrors } from "../support/official-openapi";
import { signInCookie } from "../support/session";

const backend = inject("backend");

describe.skipIf(!!backend.skipReason)(`authentication (${backend.provider})`, () => {
  const anonymous = apiClient(backend.baseUrl);
  const admin = apiClient(backend.baseUrl, backend.adminKey);

  it("refuses a request without credentials with 401 and the error shape", async () => {
    const res = await anonymous.get("/datasets/");
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error_code: "unauthorized", message: expect.any(String) });
    expect(res.headers.get("www-authenticate")).toMatch(/apikey/i);
    expect(officialSchemaErrors("GET", "/datasets/", 401, res.body)).toEqual([]);
  });

  it.each(["Apikey", "apikey", "ApiKey", "APIKEY"])("accepts the %s scheme", async (scheme) => {
    const res = await anonymous.get("/datasets/?limit=1", { headers: { Authorization: `${scheme} ${backend.adminKey}` } });
    expect(res.status).toBe(200);
  });

  it("accepts the key as ?apikey=", async () => {
    const res = await anonymous.get(`/datasets/?apikey=${backend.adminKey}`);
    expect(res.status).toBe(200);
  });

  it("refuses a wrong, empty or malformed key with 401", async () => {
    expect((await anonymous.get("/datasets/", { headers: { Authorization: "Apikey nope" } })).status).toBe(401);
    expect((await anonymous.get("/datasets/", { headers: { Authorization: "Apikey" } })).status).toBe(401);
    expect((await anonymous.get("/datasets/?apikey=nope")).status).toBe(401);
    expect((await anonymous.get("/datasets/?apikey=")).status).toBe(401);
    // a scheme we do not speak is no credential at all
    expect((await anonymous.get("/datasets/", { headers: { Authorization: `Bearer ${backend.adminKey}` } })).status).toBe(401);
  });

  it("prefers the header when both header and query carry a key", async () => {
    expect((await anonymous.get(`/datasets/?apikey=nope`, { headers: { Authorization: `Apikey ${backend.adminKey}` } })).status).toBe(200);
    expect((await anonymous.get(`/datasets/?apikey=${backend.adminKey}`, { headers: { Authorization: "Apikey nope" } })).status).toBe(401);
  });

  describe("a key acts with its owner's permissions, narrowed to its own", () => {
    let creator: TestUser;
    let narrowed: TestUser;
    let pretender: TestUser;
    beforeAll(async () => {
      creator = await createTestUser({ prefix: "creator", permissions: ["create_dataset"] });
      narrowed = await createTestUser({ prefix: "narrowed", permissions: ["create_dataset", "edit_dataset"], keyPermissions: [] });
      pretender = await createTestUser({ prefix: "pretender", permissions: [], keyPermissions: ["create_dataset", "manage_dataset"] });
    });

    it("lets a key with create_dataset create", async () => {
      const res = await apiClient(backend.baseUrl, creator.apiKey).post("/datasets/", datasetBody("Created by a key"));
      expect(res.status).toBe(201);
    });

    it("refuses a key without the permission, even when its user has it", async () => {
      const res = await apiClient(backend.baseUrl, narrowed.apiKey).post("/datasets/", datasetBody("Nope"));
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error_code: "forbidden", message: expect.any(String) });
    });

    it("refuses a key claiming a permission its user lacks", async () => {
      const res = await apiClient(backend.baseUrl, pretender.apiKey).post("/datasets/", datasetBody("Nope"));
      expect(res.status).toBe(403);
    });
  });

  describe("console session", () => {
    let cookie: string;
    let user: TestUser;
    beforeAll(async () => {
      user = await createTestUser({ prefix: "sessionuser", permissions: ["create_dataset", "edit_dataset"] });
      cookie = await signInCookie(backend.baseUrl, user.username, user.password);
    });

    it("reads the API with the session cookie", async () => {
      const res = await anonymous.get("/datasets/?limit=1", { headers: { Cookie: cookie } });
      expect(res.status).toBe(200);
    });

    it("does not accept the cookie for writes (those go through server actions or need a key)", async () => {
      const res = await anonymous.post("/datasets/", datasetBody("Cookie write"), { headers: { Cookie: cookie } });
      expect(res.status).toBe(401);
    });

    it("accepts the cookie for writes only with the console's header and from our own origin", async () => {
      const headers = { Cookie: cookie, "X-DPC-Console": "1" };
      const own = await anonymous.post("/datasets/", datasetBody("Console write"), { headers: { ...headers, Origin: backend.baseUrl } });
      expect(own.status).toBe(201);
      const noOrigin = await anonymous.post("/datasets/", datasetBody("Console write"), { headers });
      expect(noOrigin.status).toBe(201);
      const crossSite = await anonymous.post("/datasets/", datasetBody("Forged write"), { headers: { ...headers, Origin: "https://evil.example" } });
      expect(crossSite.status).toBe(401);
      const badOrigin = await anonymous.post("/datasets/", datasetBody("Forged write"), { headers: { ...headers, Origin: "null" } });
      expect(badOrigin.status).toBe(401);
    });

    it("answers the console's errors in the user's language, and scripts' in English", async () => {
      const headers = { Cookie: `${cookie}; ${LOCALE_COOKIE}=fr`, "X-DPC-Console": "1" };
      const french = await anonymous.post("/datasets/", { metadata: { default: {} } }, { headers });
      expect(french.status).toBe(400);
      expect(french.body.detail["metadata.default.title.value"]).toEqual(["Ce champ est obligatoire."]);
      const missing = await anonymous.get("/datasets/da_zzzzzz/", { headers });
      expect(missing.body).toEqual({ error_code: "not_found", message: "Introuvable." });
      const english = await anonymous.post("/datasets/", { metadata: { default: {} } }, { headers: { Cookie: `${LOCALE_COOKIE}=fr` }, key: user.apiKey });
      expect(english.body.detail["metadata.default.title.value"]).toEqual(["This field is required."]);
    });

    it("refuses a wrong password without telling whether the user exists", async () => {
      await expect(signInCookie(backend.baseUrl, user.username, "wrong-password")).rejects.toThrow(/Sign-in failed/);
      await expect(signInCookie(backend.baseUrl, "no-such-user-xyz", "wrong-password")).rejects.toThrow(/Sign-in failed/);
    });

    it("sends signed-out visitors of console pages to the sign-in page", async () => {
      const res = await fetch(`${backend.baseUrl}/datasets?q=x`, { redirect: "manual" });
      expect(res.status).toBe(307);
      expect(res.headers.get("location")).toContain("/sign-in?callbackUrl=%2Fdatasets%3Fq%3Dx");
    });

    it("serves console pages to a signed-in user", async () => {
      const res = await fetch(`${backend.baseUrl}/datasets`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(res.status).toBe(200);
    });
  });

  it("does not authenticate the administrator with a wrong password", async () => {
    await expect(signInCookie(backend.baseUrl, "admin", "not-the-password")).rejects.toThrow();
  });

  it("keeps admin access working", async () => {
    expect((await admin.get("/datasets/?limit=0")).status).toBe(200);
  });
});
