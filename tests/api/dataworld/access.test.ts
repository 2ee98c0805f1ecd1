// PUT /v0/datasets/{owner}/{id}: who may replace what. The bearer token is one of our API keys; {owner} must be
// the dataset's creator; a key that may see the dataset but not change it is refused with 403. Nothing changes.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createTestUser, type TestUser } from "../../support/fixtures";
import { createOwnedDataset, createOwner, dataworldClient, expectRefused, snapshot, validBody, type Snapshot } from "./dataworld-client";

const backend = inject("backend");

describe.skipIf(!!backend.skipReason)(`data.world replace: access (${backend.provider})`, () => {
  const dw = dataworldClient(backend.baseUrl);
  let owner: TestUser;
  let other: TestUser;
  let dataset: { uid: string; dataset_id: string };
  let before: Snapshot;
  const unchanged = async () => expect(await snapshot(backend.baseUrl, backend.adminKey, dataset.uid)).toEqual(before);

  beforeAll(async () => {
    owner = await createOwner();
    other = await createOwner(["create_dataset", "edit_dataset", "manage_dataset"]);
    dataset = await createOwnedDataset(backend.baseUrl, owner);
    before = await snapshot(backend.baseUrl, backend.adminKey, dataset.uid);
  });

  it("refuses a request without a token (401, WWW-Authenticate: Bearer)", async () => {
    const res = await dw.replace(owner.username, dataset.dataset_id, validBody(), null);
    expectRefused(res, 401, "unauthorized");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
    await unchanged();
  });

  it.each([
    ["an unknown key", `Bearer ${"0".repeat(56)}`],
    ["an empty bearer", "Bearer "],
    ["the Automation API's scheme", `Apikey ${"0".repeat(56)}`],
  ])("refuses %s (401)", async (_case, authorization) => {
    const res = await dw.replace(owner.username, dataset.dataset_id, validBody(), null, { headers: { Authorization: authorization } });
    expectRefused(res, 401, "unauthorized");
    await unchanged();
  });

  it("says so when the token is a shell variable left unexpanded", async () => {
    const res = await dw.replace(owner.username, dataset.dataset_id, validBody(), null, { headers: { Authorization: "Bearer ${DW_API_TOKEN}" } });
    expectRefused(res, 401, "unauthorized");
    expect(res.body.message).toContain("${DW_API_TOKEN}");
    expect(res.body.message).toMatch(/double quotes/);
  });

  it("refuses an unknown owner, an unknown dataset, and an owner who did not create the dataset (404)", async () => {
    for (const [ownerName, id] of [
      ["nobody-here", dataset.dataset_id],
      [owner.username, "no-such-dataset"],
      // `other` exists, may see and change every dataset, but did not create this one
      [other.username, dataset.dataset_id],
    ]) {
      const res = await dw.replace(ownerName!, id!, validBody(), other.apiKey);
      expectRefused(res, 404, "not_found");
    }
    await unchanged();
  });

  it("answers 404 to a caller who cannot see the dataset, even with the right owner", async () => {
    const stranger = await createOwner();
    const res = await dw.replace(owner.username, dataset.dataset_id, validBody(), stranger.apiKey);
    expectRefused(res, 404, "not_found");
    await unchanged();
  });

  it("refuses a key that may see the dataset but not edit it (403)", async () => {
    const reviewer = await createTestUser({ prefix: "reviewer", permissions: ["explore_restricted_dataset"] });
    const res = await dw.replace(owner.username, dataset.dataset_id, validBody({ title: "Changed" }), reviewer.apiKey);
    expectRefused(res, 403, "forbidden");
    await unchanged();
  });

  it("refuses a key narrowed below its owner's rights (403)", async () => {
    const narrowed = await createTestUser({ prefix: "narrowed", permissions: ["edit_dataset", "explore_restricted_dataset"], keyPermissions: ["explore_restricted_dataset"] });
    const res = await dw.replace(owner.username, dataset.dataset_id, validBody({ title: "Changed" }), narrowed.apiKey);
    expectRefused(res, 403, "forbidden");
    await unchanged();
  });

  it("lets an editor replace but not restrict: PRIVATE needs the manage right, and the refusal changes nothing", async () => {
    const editor = await createTestUser({ prefix: "editor", permissions: ["edit_dataset"] });
    const refused = await dw.replace(owner.username, dataset.dataset_id, { title: "Hidden", tags: ["secret"], visibility: "PRIVATE" }, editor.apiKey);
    expectRefused(refused, 403, "forbidden");
    await unchanged();
    const done = await dw.replace(owner.username, dataset.dataset_id, { title: "Edited", visibility: "OPEN" }, editor.apiKey);
    expect(done.status).toBe(200);
    const after = (await snapshot(backend.baseUrl, backend.adminKey, dataset.uid)).dataset as { metadata: { default: { title: { value: string } } } };
    expect(after.metadata.default.title.value).toBe("Edited");
  });

  it("answers 404 on other paths and 405 on other methods, in its own error shape", async () => {
    const unknown = await dw.raw.get("/users/me", { headers: { Authorization: `Bearer ${owner.apiKey}` }, key: null });
    expectRefused(unknown, 404, "not_found");
    const get = await dw.raw.get(`/datasets/${owner.username}/${dataset.dataset_id}`, { headers: { Authorization: `Bearer ${owner.apiKey}` }, key: null });
    expectRefused(get, 405, "method_not_allowed");
  });
});
