// Proxy-mode sign-in through next-auth's real flow: an API key of the upstream, checked there before the session
// starts, kept server-side only (sealed at rest, never in the cookie, never in a page), forgotten at sign-out and
// as soon as the upstream refuses it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody } from "../../support/api-client";
import { createTestUser, type TestUser } from "../../support/fixtures";
import { signInWithKey } from "../../support/session";

const backend = inject("backend");
const { upstreamUrl, proxyEnv } = backend.proxy!;

/** Every byte the proxy keeps on disk: its SQLite store and journal. */
function proxyFilesContain(needle: string): boolean {
  const bytes = Buffer.from(needle);
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return walk(proxyEnv.DATA_DIR!).some((file) => readFileSync(file).includes(bytes));
}

async function signOut(cookie: string): Promise<void> {
  const csrf = await fetch(`${backend.baseUrl}/api/auth/csrf`, { headers: { Cookie: cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const response = await fetch(`${backend.baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: [cookie, csrfCookie].filter(Boolean).join("; ") },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  expect(response.status).toBeLessThan(400);
}

describe("proxy-mode sign-in with an upstream API key", () => {
  const anonymous = apiClient(backend.baseUrl);
  const upstream = apiClient(upstreamUrl, backend.adminKey);
  let user: TestUser;

  beforeAll(async () => {
    user = await createTestUser({ prefix: "proxied", permissions: ["create_dataset", "edit_dataset"] });
  });

  it("starts a session for a key the upstream accepts; the key stays on the server, sealed", async () => {
    const cookie = await signInWithKey(backend.baseUrl, user.apiKey, "typed name");
    expect(cookie).not.toContain(user.apiKey);
    expect(cookie).not.toContain(Buffer.from(user.apiKey).toString("base64url"));
    expect(proxyFilesContain(user.username)).toBe(true); // the scan does read the session rows
    expect(proxyFilesContain(user.apiKey)).toBe(false);
    // the name is the upstream's, not the one typed
    const session = await (await fetch(`${backend.baseUrl}/api/auth/session`, { headers: { Cookie: cookie } })).json();
    expect(session.user.name).toBe(user.username);
    expect(JSON.stringify(session)).not.toContain(user.apiKey);
    const page = await fetch(`${backend.baseUrl}/datasets`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(new URL(upstreamUrl).host); // the shell names the upstream it drives
    expect(html).not.toContain(user.apiKey);
  });

  it("refuses a key the upstream refuses, and a malformed one, without a session", async () => {
    await expect(signInWithKey(backend.baseUrl, "f".repeat(56))).rejects.toThrow(/Sign-in failed/);
    await expect(signInWithKey(backend.baseUrl, "has spaces in it")).rejects.toThrow(/Sign-in failed/);
    await expect(signInWithKey(backend.baseUrl, "")).rejects.toThrow(/Sign-in failed/);
    const page = await fetch(`${backend.baseUrl}/datasets`, { redirect: "manual" });
    expect([302, 303, 307]).toContain(page.status);
    expect(page.headers.get("location")).toContain("/sign-in");
  });

  it("relays the console's calls with the session's key: reads always, writes only with the console header", async () => {
    const cookie = await signInWithKey(backend.baseUrl, user.apiKey);
    const me = await anonymous.get("/me/", { headers: { Cookie: cookie } });
    expect(me.body).toMatchObject({ username: user.username, via: "apikey" });
    const forged = await anonymous.post("/datasets/", datasetBody("Forged from another site"), { headers: { Cookie: cookie } });
    expect(forged.status).toBe(401);
    const created = await anonymous.post("/datasets/", datasetBody("From the proxy console"), { headers: { Cookie: cookie, "X-DPC-Console": "1", Origin: backend.baseUrl } });
    expect(created.status).toBe(201);
    expect((await upstream.get(`/datasets/${created.body.uid}/`)).body.metadata.default.title.value).toBe("From the proxy console");
  });

  it("forgets the key at sign-out: the old cookie opens nothing", async () => {
    const cookie = await signInWithKey(backend.baseUrl, user.apiKey);
    expect((await anonymous.get("/me/", { headers: { Cookie: cookie } })).status).toBe(200);
    await signOut(cookie);
    expect((await anonymous.get("/me/", { headers: { Cookie: cookie } })).status).toBe(401);
    const page = await fetch(`${backend.baseUrl}/datasets`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(page.headers.get("location") ?? "").toContain("/sign-in");
  });

  it("ends the session when the upstream revokes the key", async () => {
    const owner = await createTestUser({ prefix: "revoked", permissions: ["create_dataset"] });
    const key = await apiClient(upstreamUrl, owner.apiKey).post("/apikeys/", { label: "console", permissions: ["create_dataset"] });
    const cookie = await signInWithKey(backend.baseUrl, key.body.key);
    expect((await anonymous.get("/datasets/?limit=0", { headers: { Cookie: cookie } })).status).toBe(200);
    await apiClient(upstreamUrl, owner.apiKey).post(`/apikeys/${key.body.uid}/revoke/`, { reason: "rotated" });
    expect((await anonymous.get("/datasets/?limit=0", { headers: { Cookie: cookie } })).status).toBe(401);
    const page = await fetch(`${backend.baseUrl}/datasets`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(page.headers.get("location") ?? "").toContain("/sign-in");
  });

  it("keeps the embedded administrator out: ADMIN_API_KEY and passwords do not sign in to a proxy", async () => {
    const response = await fetch(`${backend.baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    const attempt = await fetch(`${backend.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams({ csrfToken, username: user.username, password: user.password, json: "true" }),
    });
    expect(attempt.headers.getSetCookie().some((line) => line.includes("session-token"))).toBe(false);
  });
});
