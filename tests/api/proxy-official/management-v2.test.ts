// The Management API v2 of a proxy console in front of an official-only upstream: datasets and metadata work
// through the upstream's official operations; what needs jobs refuses before acting, saying why (decision 0012).
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody } from "../../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../../support/fixtures";
import { BASE, expectV2Error } from "../management-v2/support";

const backend = inject("backend");

describe("the Management API v2 in front of an official-only upstream", () => {
  let editor: TestUser;
  let v2: ReturnType<typeof apiClient>;
  let uid: string;

  beforeAll(async () => {
    editor = await createTestUser({ prefix: "v2official", permissions: ["create_dataset", "edit_dataset", "publish_dataset", "manage_dataset"] });
    v2 = apiClient(backend.baseUrl, editor.apiKey, BASE);
    const created = await apiClient(backend.baseUrl, editor.apiKey, "/api/automation/v1.0").post("/datasets/", datasetBody("Official v2", { dataset_id: uniqueName("offv2") }));
    expect(created.status, created.text).toBe(201);
    uid = created.body.uid;
  });

  it("reads the dataset and its metadata in the v2 shapes", async () => {
    const dataset = await v2.get(`/datasets/${uid}?expand=metadata,status`);
    expect(dataset.status, dataset.text).toBe(200);
    expect(dataset.body).toMatchObject({ dataset_uid: uid, metas: { default: { title: "Official v2" } }, status: { name: "idle" } });
    const title = await v2.get(`/datasets/${uid}/metadata/default/title`);
    expect(title.status, title.text).toBe(200);
    expect(title.body.value).toBe("Official v2");
  });

  it("refuses the actions and the job list before acting: the upstream keeps no jobs we can read", async () => {
    for (const action of ["publish", "abort_processing", "save_version"]) {
      const res = await v2.put(`/datasets/${uid}/${action}`);
      expectV2Error(res, 501, "not_implemented", "NotImplementedException");
    }
    expectV2Error(await v2.get("/jobs"), 501, "not_implemented");
    const status = await apiClient(backend.baseUrl, editor.apiKey, "/api/automation/v1.0").get(`/datasets/${uid}/status/`);
    expect(status.body.status).toBe("idle");
  });
});
