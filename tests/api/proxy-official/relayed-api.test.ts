// A script's view of the proxy console in front of an official-only upstream: the relayed Automation API answers
// the official operations as the upstream does (validated against the official document), and none of ours.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody } from "../../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../../support/fixtures";
import { officialSchemaErrors } from "../../support/official-openapi";
import { pollUntil, SETTLED } from "../../support/publishing";

const backend = inject("backend");
const BASE = "/api/automation/v1.0";
const CSV = "code;name\n1;one\n2;two\n3;three\n";

const official = (method: string, path: string, status: number, body: unknown) => expect(officialSchemaErrors(method, path, status, body)).toEqual([]);

describe("the relayed API in front of an official-only upstream", () => {
  let editor: TestUser;
  let api: ReturnType<typeof apiClient>;
  let dataset: { uid: string; dataset_id: string };

  beforeAll(async () => {
    editor = await createTestUser({ prefix: "relayed", permissions: ["create_dataset", "edit_dataset", "publish_dataset"] });
    api = apiClient(backend.baseUrl, editor.apiKey, BASE);
    const created = await api.post("/datasets/", datasetBody("Relayed", { dataset_id: uniqueName("relayed") }));
    expect(created.status, created.text).toBe(201);
    official("POST", "/datasets/", 201, created.body);
    dataset = { uid: created.body.uid, dataset_id: created.body.dataset_id };
  });

  it("lists and reads the dataset as the official document describes it", async () => {
    const listed = await api.get(`/datasets/?dataset_id=${dataset.dataset_id}`);
    expect(listed.status, listed.text).toBe(200);
    official("GET", "/datasets/", 200, listed.body);
    expect(listed.body.results.map((d: { uid: string }) => d.uid)).toEqual([dataset.uid]);

    const read = await api.get(`/datasets/${dataset.uid}/`);
    expect(read.status, read.text).toBe(200);
    official("GET", "/datasets/{dataset_uid}/", 200, read.body);
    expect(read.body.metadata.default.title.value).toBe("Relayed");
    // what the script gets through the proxy is what the upstream answers, unchanged
    const direct = await apiClient(backend.proxy!.officialUrl!, editor.apiKey, BASE).get(`/datasets/${dataset.uid}/`);
    expect(read.body).toEqual(direct.body);
  });

  it("ignores our extension parameters: the list is neither searched nor narrowed", async () => {
    const searched = await api.get(`/datasets/?dataset_id=${dataset.dataset_id}&search=matches-nothing-${Date.now()}&sort=title`);
    expect(searched.status, searched.text).toBe(200);
    expect(searched.body.results.map((d: { uid: string }) => d.uid)).toEqual([dataset.uid]);
  });

  it("uploads a file and adds it as a resource, both streamed through", async () => {
    // (tests/support/publishing.ts uploads to /api/automation/v1/, which an official-only upstream does not have)
    const form = new FormData();
    form.append("file", new Blob([CSV], { type: "text/csv" }), "numbers.csv");
    const response = await fetch(`${backend.baseUrl}${BASE}/datasets/${dataset.uid}/resources/files/`, { method: "POST", headers: { Authorization: `Apikey ${editor.apiKey}` }, body: form });
    const file = await response.json();
    expect(response.status, JSON.stringify(file)).toBe(201);
    official("POST", "/datasets/{dataset_uid}/resources/files/", 201, file);
    const resource = await api.post(`/datasets/${dataset.uid}/resources/`, { type: "csvfile", title: "Numbers", datasource: { type: "uploaded_file", file: { uid: file.uid } } });
    expect(resource.status, resource.text).toBe(201);
    official("POST", "/datasets/{dataset_uid}/resources/", 201, resource.body);

    const preview = await api.get(`/datasets/${dataset.uid}/resources/${resource.body.uid}/preview/`);
    expect(preview.status, preview.text).toBe(200);
    official("GET", "/datasets/{dataset_uid}/resources/{resource_uid}/preview/", 200, preview.body);
  });

  it("publishes, and the official status shows it published", async () => {
    const published = await api.post(`/datasets/${dataset.uid}/publish/`);
    expect(published.status, published.text).toBe(200);
    official("POST", "/datasets/{dataset_uid}/publish/", 200, published.body);
    const status = await pollUntil(
      async () => (await api.get(`/datasets/${dataset.uid}/status/`)).body,
      (s: { status: string }) => SETTLED.includes(s.status),
      "the publish to settle",
      30_000,
    );
    official("GET", "/datasets/{dataset_uid}/status/", 200, status);
    expect(status).toMatchObject({ status: "idle", is_published: true });

    // Explore is relayed too, untouched
    const records = await apiClient(backend.baseUrl, editor.apiKey, "/api/explore/v2.1").get(`/catalog/datasets/${dataset.dataset_id}/records/?order_by=code`);
    expect(records.status, records.text).toBe(200);
    expect(records.body.results.map((r: { name: string }) => r.name)).toEqual(["one", "two", "three"]);
  });

  it("answers 404 for our extensions and for a version the upstream does not have", async () => {
    for (const path of ["/me/", "/openapi.json", `/datasets/${dataset.uid}/publish_jobs/`, `/datasets/${dataset.uid}/status/live/`]) {
      const answer = await api.get(path);
      expect(answer.status, `GET ${path}: ${answer.text}`).toBe(404);
      expect(answer.body).toMatchObject({ error_code: "not_found" });
    }
    const preview = await api.post(`/datasets/${dataset.uid}/processing/preview/`, {});
    expect(preview.status).toBe(404);
    const unversioned = await apiClient(backend.baseUrl, editor.apiKey).get("/datasets/");
    expect(unversioned.status).toBe(404);
  });
});
