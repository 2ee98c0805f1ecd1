// The console's service layer — what its pages and server actions call — on an upstream that has only the
// official operations: each write lands on the upstream (read back from the instance itself), and where the
// console would use one of our extensions it falls back or refuses clearly.
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { allRulesets, createRuleset, getRuleset, securableFieldNames, setDatasetAccess } from "@/lib/dataset-security/service";
import { DEFAULT_DATASET_SECURITY } from "@/lib/datasets/schema";
import { createDataset, getDataset, listDatasets, updateDataset } from "@/lib/datasets/service";
import { isAppError } from "@/lib/errors/app-error";
import { consoleFeatures } from "@/lib/features/service";
import { fieldConfigurations } from "@/lib/fields/service";
import type { FieldConfigurationWrite } from "@/lib/fields/schema";
import { getDatasetMetadata, putFieldMetadata } from "@/lib/metadata/dataset-metadata";
import { processors, processorTypes } from "@/lib/processors/service";
import { listPublishJobs, startPublishAction } from "@/lib/publishing/service";
import { liveStatusSnapshot } from "@/lib/publishing/status-stream";
import { createResource, getResource, listResources, previewSaved, uploadFile } from "@/lib/resources/service";
import { datasetBody } from "../../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../../support/fixtures";
import { pollUntil } from "../../support/publishing";
import { BASE, principalOf, upstreamAdmin } from "./principal";

const backend = inject("backend");
const CSV = "code;name\n1;one\n2;two\n";

/** The rejection of `promise`, which must be an AppError. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), `expected an AppError, got ${String(error)}`).toBe(true);
  return error as { code: string; text: unknown };
}

describe("the console's services on an official-only upstream", () => {
  const upstream = upstreamAdmin();
  let editor: TestUser;
  let reader: TestUser;
  let principal: Principal;
  let dataset: { uid: string; dataset_id: string };
  let resource_uid: string;

  beforeAll(async () => {
    editor = await createTestUser({ prefix: "svc", permissions: ["create_dataset", "edit_dataset", "publish_dataset", "manage_dataset"] });
    reader = await createTestUser({ prefix: "svc_reader" });
    ({ principal } = await principalOf(editor.apiKey));
    const created = await createDataset(principal, { ...datasetBody("Service layer"), dataset_id: uniqueName("svc") });
    dataset = { uid: created.uid, dataset_id: created.dataset_id };
  });

  it("reports every extension missing, so pages hide those controls", async () => {
    const features = await consoleFeatures(principal);
    expect(features).toMatchObject({ upstream: principal.upstream!.client.origin });
    const { upstream: _host, ...flags } = features;
    expect(Object.values(flags).every((on) => on === false), JSON.stringify(flags)).toBe(true);
  });

  it("created the dataset on the upstream, and reads and updates it there", async () => {
    const direct = await upstream.get(`/datasets/${dataset.uid}/`);
    expect(direct.status, direct.text).toBe(200);
    expect(direct.body).toMatchObject({ dataset_id: dataset.dataset_id, metadata: { default: { title: { value: "Service layer" } } } });

    const read = await getDataset(principal, dataset.uid);
    expect(read).toMatchObject({ uid: dataset.uid, status: "idle", rights: { view: true, edit: true } });
    await updateDataset(principal, dataset.uid, { metadata: { default: { title: { value: "Service layer, renamed" } } } }, { expected_updated_at: read.updated_at });
    expect((await upstream.get(`/datasets/${dataset.uid}/`)).body.metadata.default.title.value).toBe("Service layer, renamed");
  });

  it("lists datasets without search or sort, which the upstream does not have", async () => {
    const page = await listDatasets(principal, { limit: 1000, offset: 0, search: `matches-nothing-${Date.now()}`, sort: "title" }, "view");
    expect(page.results.map((d) => d.uid)).toContain(dataset.uid);
    expect(page.results.find((d) => d.uid === dataset.uid)?.status).toBe("idle");
  });

  it("uploads a file and adds a resource, listed and previewed from the upstream", async () => {
    // the console's browser uploads through the relayed API (official-ly, see the known gaps below)
    const form = new FormData();
    form.append("file", new Blob([CSV], { type: "text/csv" }), "numbers.csv");
    const uploaded = await fetch(`${backend.baseUrl}${BASE}/datasets/${dataset.uid}/resources/files/`, { method: "POST", headers: { Authorization: `Apikey ${editor.apiKey}` }, body: form });
    const file = (await uploaded.json()) as { uid: string; filename: string };
    expect(uploaded.status, JSON.stringify(file)).toBe(201);

    const created = await createResource(principal, dataset.uid, { type: "csvfile", title: "Numbers", datasource: { type: "uploaded_file", file: { uid: file.uid } } });
    resource_uid = created.uid;
    const direct = await upstream.get(`/datasets/${dataset.uid}/resources/${resource_uid}/`);
    expect(direct.status, direct.text).toBe(200);
    expect(direct.body).toMatchObject({ title: "Numbers", datasource: { type: "uploaded_file", file: { uid: file.uid } } });

    expect((await listResources(principal, dataset.uid, { limit: 10, offset: 0 })).results.map((r) => r.uid)).toEqual([resource_uid]);
    expect((await getResource(principal, dataset.uid, resource_uid)).title).toBe("Numbers");
  });

  // The official DatasetFile has no size: the console reads it as unknown (null).
  it("uploads a file through the service layer (the official DatasetFile has no size)", async () => {
    const form = new FormData();
    form.append("file", new Blob([CSV], { type: "text/csv" }), "again.csv");
    const file = await uploadFile(principal, dataset.uid, new Request("http://console.test/upload", { method: "POST", body: form }));
    expect(file).toMatchObject({ filename: "again.csv", size: null });
  });

  it("names a resource's uploaded file, its size unknown", async () => {
    const { datasource } = await getResource(principal, dataset.uid, resource_uid);
    expect(datasource).toMatchObject({ type: "uploaded_file", file: { filename: "numbers.csv", size: null } });
  });

  it("adds processors and field configurations on the upstream, and refuses to reorder them", async () => {
    expect((await processorTypes(principal)).map((t) => t.type)).toContain("string_replace");
    const processor = await processors.create(principal, dataset.uid, { type: "string_replace", label: "Shout", field: "name", old: "o", new: "O" });
    const field = await fieldConfigurations.create(principal, dataset.uid, { type: "rename", label: "Code", from_name: "code", to_name: "number", field_label: "Number" } as FieldConfigurationWrite);
    expect((await upstream.get(`/datasets/${dataset.uid}/processors/${processor.uid}/`)).body).toMatchObject({ type: "string_replace", field: "name", old: "o", new: "O" });
    expect((await upstream.get(`/datasets/${dataset.uid}/fields/${field.uid}/`)).body).toMatchObject({ type: "rename", from_name: "code", to_name: "number" });
    expect((await processors.list(principal, dataset.uid, { limit: 100, offset: 0 })).results.map((p) => p.uid)).toEqual([processor.uid]);

    for (const reorder of [() => processors.reorder(principal, dataset.uid, [processor.uid]), () => fieldConfigurations.reorder(principal, dataset.uid, [field.uid])]) {
      const refused = await refusal(reorder());
      expect(refused.code).toBe("bad_request");
      expect(refused.text).toMatchObject({ key: "proxy.missing_extension" });
    }
  });

  it("previews the resource itself where the per-step preview is missing", async () => {
    expect((await consoleFeatures(principal)).stepPreview).toBe(false);
    const preview = await previewSaved(principal, dataset.uid, resource_uid);
    expect(preview.fields.map((f) => f.name)).toEqual(["code", "name"]);
    expect(preview.records).toEqual([
      { code: "1", name: "one" },
      { code: "2", name: "two" },
    ]);
  });

  it("publishes, and the status is read by polling the official status", async () => {
    expect(await startPublishAction(principal, dataset.uid, "publish")).toBeNull();
    const settled = await pollUntil(
      () => liveStatusSnapshot(principal, dataset.uid),
      (s) => s.status.status === "idle" && s.status.is_published === true,
      "the publish to settle",
      30_000,
    );
    expect(settled.job).toBeNull();
    expect(await listPublishJobs(principal, dataset.uid, 10)).toEqual([]);
    expect((await upstream.get(`/datasets/${dataset.uid}/status/`)).body).toMatchObject({ status: "idle", is_published: true });
    // the processor and the field configuration were applied by the upstream's publish
    expect(await securableFieldNames(principal, dataset.uid)).toEqual(["number", "name"]);
  });

  it("writes metadata values on the upstream", async () => {
    await putFieldMetadata(principal, dataset.uid, "default", "description", { value: "Written by the console" });
    const direct = await upstream.get(`/datasets/${dataset.uid}/metadata/default/description/`);
    expect(direct.status, direct.text).toBe(200);
    expect(direct.body.value).toBe("Written by the console");
    expect((await getDatasetMetadata(principal, dataset.uid)).default.description?.value).toBe("Written by the console");
  });

  it("writes security rulesets and the restriction switch on the upstream", async () => {
    const security = { ...DEFAULT_DATASET_SECURITY, filter_query: "code = 1" };
    await createRuleset(principal, dataset.uid, { kind: "user", username: reader.username }, { security, permissions: [] });
    const direct = await upstream.get(`/datasets/${dataset.uid}/security/users/${reader.username}/`);
    expect(direct.status, direct.text).toBe(200);
    expect(direct.body).toMatchObject({ user: { username: reader.username }, security: { filter_query: "code = 1" } });
    expect((await getRuleset(principal, dataset.uid, { kind: "user", username: reader.username })).security.filter_query).toBe("code = 1");
    expect((await allRulesets(principal, dataset.uid)).map((r) => r.target)).toEqual([{ kind: "user", user_id: reader.username, username: reader.username }]);

    await setDatasetAccess(principal, dataset.uid, { is_restricted: true });
    const restricted = (await upstream.get(`/datasets/${dataset.uid}/`)).body;
    expect(restricted.is_restricted).toBe(true);
    // the switch sends the dataset back whole: its metadata is untouched
    expect(restricted.metadata.default.description.value).toBe("Written by the console");
  });
});
