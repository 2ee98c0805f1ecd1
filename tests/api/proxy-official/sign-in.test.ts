// Signing in to the proxy console with a key of an upstream that has only the official operations: no GET /me/,
// so who the key is comes from the fallbacks (its owner's key list, search_key, the owner's user record).
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody } from "../../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../../support/fixtures";
import { attemptKeySignIn } from "./key-sign-in";

const backend = inject("backend");
const BASE = "/api/automation/v1.0";

/** The console's dataset list page as the session sees it (its header names who is signed in). */
async function datasetsPage(cookie: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${backend.baseUrl}/datasets`, { headers: { Cookie: cookie }, redirect: "manual" });
  return { status: response.status, html: await response.text() };
}

describe("proxy-mode sign-in against an official-only upstream", () => {
  let editor: TestUser;

  beforeAll(async () => {
    editor = await createTestUser({ prefix: "signin", permissions: ["create_dataset", "edit_dataset", "publish_dataset"] });
  });

  it("has no GET /me/ to ask: the upstream answers 404 there", async () => {
    const me = await apiClient(backend.proxy!.officialUrl!, editor.apiKey, BASE).get("/me/");
    expect(me.status).toBe(404);
  });

  it("signs the administrator in, named from the upstream's own records", async () => {
    const signedIn = await attemptKeySignIn(backend.baseUrl, backend.adminKey);
    expect(signedIn.error).toBeNull();
    expect(signedIn.cookie).not.toBeNull();
    const page = await datasetsPage(signedIn.cookie!);
    expect(page.status).toBe(200);
    expect(page.html).toContain(">admin<");
  });

  it("signs an editor in with the key alone, and the session acts with that key", async () => {
    const signedIn = await attemptKeySignIn(backend.baseUrl, editor.apiKey);
    expect(signedIn.error).toBeNull();
    expect(signedIn.cookie).not.toBeNull();
    // the username was not typed: it is the key owner's, found in the owner's key list
    const page = await datasetsPage(signedIn.cookie!);
    expect(page.status).toBe(200);
    expect(page.html).toContain(editor.username);

    // a dataset the editor creates with the key is the one the session's relayed reads see
    const dataset_id = uniqueName("signin_ds");
    const created = await apiClient(backend.proxy!.upstreamUrl, editor.apiKey, BASE).post("/datasets/", datasetBody("Signed in", { dataset_id }));
    expect(created.status, created.text).toBe(201);
    const listed = await apiClient(backend.baseUrl, undefined, BASE).get(`/datasets/?dataset_id=${dataset_id}`, { headers: { Cookie: signedIn.cookie! } });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.results.map((d: { uid: string }) => d.uid)).toEqual([created.body.uid]);
  });

  it("refuses a key the upstream refuses, and starts no session", async () => {
    const signedIn = await attemptKeySignIn(backend.baseUrl, `${"f".repeat(8)}-not-a-key-of-the-upstream`, "someone");
    expect(signedIn.status).toBe(401);
    expect(signedIn.error).toBe("CredentialsSignin");
    expect(signedIn.cookie).toBeNull();
  });
});
