// The data.world replace through a console in proxy mode: the upstream's Automation API does not say who created
// a dataset, so the {owner} of the path cannot be checked. The proxy answers 501 saying so (after the key and
// the body are checked), and never relays /v0 to the upstream; the upstream's dataset is left as it was.
import { describe, expect, inject, it } from "vitest";
import { apiClient } from "../../support/api-client";
import { createTestUser } from "../../support/fixtures";
import { dataworldClient } from "../dataworld/dataworld-client";

const backend = inject("backend");
const { upstreamUrl } = backend.proxy!;

describe("the data.world replace through a proxy console", () => {
  const dw = dataworldClient(backend.baseUrl);

  it("answers 501 with the reason, and changes nothing upstream", async () => {
    const owner = await createTestUser({ prefix: "owner", permissions: ["create_dataset"] });
    const created = await apiClient(upstreamUrl, owner.apiKey).post("/datasets/", { metadata: { default: { title: { value: "Upstream" } } } });
    expect(created.status).toBe(201);
    const before = (await apiClient(upstreamUrl, backend.adminKey).get(`/datasets/${created.body.uid}/`)).body;

    const res = await dw.replace(owner.username, created.body.dataset_id, { title: "Replaced", visibility: "OPEN" }, owner.apiKey);
    expect(res.status).toBe(501);
    expect(res.body).toMatchObject({ error_code: "not_implemented", message: expect.stringContaining("does not say who created a dataset") });
    expect((await apiClient(upstreamUrl, backend.adminKey).get(`/datasets/${created.body.uid}/`)).body).toEqual(before);
  });

  it("still checks the key and the body first", async () => {
    const owner = await createTestUser({ prefix: "owner", permissions: ["create_dataset"] });
    expect((await dw.replace(owner.username, "x", { visibility: "OPEN" }, "0".repeat(56))).status).toBe(401);
    const invalid = await dw.replace(owner.username, "x", { title: "t".repeat(61) }, owner.apiKey);
    expect(invalid.status).toBe(422);
    expect(invalid.body.message).toContain("title: ");
  });

  it("serves its OpenAPI document", async () => {
    expect((await dw.raw.get("/openapi.json", { key: null })).status).toBe(200);
  });
});
