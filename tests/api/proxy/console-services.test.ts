// What the console's pages and server actions do in proxy mode: the service layer (lib/) with a proxy-mode
// principal calls the upstream's Automation API with the caller's own key (lib/store/remote/). Each write is read
// back from the upstream instance itself, with the administrator's key, to prove it landed there.
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { createDataset, getDataset, getDatasetStatus, listDatasets, updateDataset } from "@/lib/datasets/service";
import { fieldConfigurations } from "@/lib/fields/service";
import { consoleFeatures } from "@/lib/features/service";
import { createGroup, listGroups } from "@/lib/groups/service";
import { replaceDatasetMetadata } from "@/lib/metadata/dataset-metadata";
import { previewProcessing } from "@/lib/processing/preview";
import { processors, processorTypes } from "@/lib/processors/service";
import { startPublishAction } from "@/lib/publishing/service";
import { createResource, listResources, previewSaved, saveFile } from "@/lib/resources/service";
import { createRuleset, getRuleset } from "@/lib/dataset-security/service";
import { listUsers } from "@/lib/users/service";
import { apiClient } from "../../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../../support/fixtures";
import { principalOfUpstreamKey } from "../../support/upstream-principal";

const backend = inject("backend");
const upstreamUrl = backend.proxy!.upstreamUrl;
const CSV = "code;commune;population\n75001;Paris 1er arrondissement;16252\n75002;Paris 2e arrondissement;21042\n75003;Paris 3e arrondissement;33900\n";

const title = (value: string) => ({ metadata: { default: { title: { value } } } });

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the console's services in proxy mode", () => {
  // the upstream itself, as its own administrator: where every write must be found
  const upstream = apiClient(upstreamUrl, backend.adminKey);
  let publisherUser: TestUser;
  let publisher: Principal;
  let reviewer: Principal;
  let admin: Principal;

  beforeAll(async () => {
    publisherUser = await createTestUser({ prefix: "pub", permissions: ["create_dataset", "edit_dataset", "publish_dataset"] });
    const reviewerUser = await createTestUser({ prefix: "rev", permissions: ["explore_restricted_dataset"] });
    publisher = await principalOfUpstreamKey(upstreamUrl, publisherUser.apiKey);
    reviewer = await principalOfUpstreamKey(upstreamUrl, reviewerUser.apiKey);
    admin = await principalOfUpstreamKey(upstreamUrl, backend.adminKey);
  });

  it("knows the key's owner and permissions from the upstream, and every extension of an instance of ours", async () => {
    expect(publisher).toMatchObject({ username: publisherUser.username, via: "apikey" });
    expect([...publisher.permissions].sort()).toEqual(["create_dataset", "edit_dataset", "publish_dataset"]);
    expect(publisher.upstream!.permissionsKnown).toBe(true);
    expect(await consoleFeatures(publisher)).toMatchObject({ upstream: new URL(upstreamUrl).host, datasetSearch: true, stepPreview: true, liveStatus: true, reorderProcessors: true });
  });

  it("builds a dataset end to end on the upstream: dataset, file, resource, processors, fields, metadata, publish", async () => {
    const name = uniqueName("Communes");
    const dataset = await createDataset(publisher, title(name));
    expect((await upstream.get(`/datasets/${dataset.uid}/`)).body.metadata.default.title.value).toBe(name);
    const listed = await listDatasets(publisher, { limit: 10, offset: 0, search: name, sort: "-updated_at" });
    expect(listed.results.map((d) => d.uid)).toEqual([dataset.uid]);

    const file = await saveFile(publisher, dataset.uid, "communes.csv", Buffer.from(CSV), "text/csv");
    const resource = await createResource(publisher, dataset.uid, { type: "csvfile", title: "Communes", datasource: { type: "uploaded_file", file: { uid: file.uid } }, params: { separator: ";" } } as never);
    expect((await upstream.get(`/datasets/${dataset.uid}/resources/`)).body.results.map((r: { uid: string }) => r.uid)).toEqual([resource.uid]);
    expect((await listResources(publisher, dataset.uid, { limit: 10, offset: 0 } as never)).total_count).toBe(1);
    const preview = await previewSaved(publisher, dataset.uid, resource.uid);
    expect(preview.records.map((r) => r.commune)).toEqual(["Paris 1er arrondissement", "Paris 2e arrondissement", "Paris 3e arrondissement"]);

    const types = await processorTypes(publisher);
    expect(types.map((t) => t.type)).toContain("string_replace");
    const replace = await processors.create(publisher, dataset.uid, { type: "string_replace", label: "Short names", field: "commune", old: " arrondissement", new: "" });
    const upper = await processors.create(publisher, dataset.uid, { type: "normalize_number", label: "Population", field: "population", decimal_separator: "," });
    await processors.reorder(publisher, dataset.uid, [upper.uid as string, replace.uid as string]);
    const stack = (await upstream.get(`/datasets/${dataset.uid}/processors/`)).body.results.map((p: { uid: string }) => p.uid);
    expect(stack).toEqual([upper.uid, replace.uid]);
    await fieldConfigurations.create(publisher, dataset.uid, { type: "rename", label: "Town", from_name: "commune", to_name: "town", field_label: "Town" });
    expect((await upstream.get(`/datasets/${dataset.uid}/fields/`)).body.results).toEqual([expect.objectContaining({ type: "rename", from_name: "commune", to_name: "town" })]);
    const processed = await previewProcessing(publisher, dataset.uid, {});
    expect(processed.steps.map((step) => step.uid)).toEqual([upper.uid, replace.uid]);
    expect(processed.result.records).toEqual([
      { code: 75001, town: "Paris 1er", population: 16252 },
      { code: 75002, town: "Paris 2e", population: 21042 },
      { code: 75003, town: "Paris 3e", population: 33900 },
    ]);

    await replaceDatasetMetadata(publisher, dataset.uid, { default: { title: { value: `${name} (final)` }, description: { value: "Through the proxy" } } });
    expect((await upstream.get(`/datasets/${dataset.uid}/metadata/`)).body.default).toMatchObject({ title: { value: `${name} (final)` }, description: { value: "Through the proxy" } });

    expect(await startPublishAction(publisher, dataset.uid, "publish")).toBeNull(); // the official action answers only that it is queued
    const status = await eventually(() => getDatasetStatus(publisher, dataset.uid), (s) => s.is_published === true && s.status === "idle");
    expect(status).toMatchObject({ status: "idle", is_published: true });
    expect((await upstream.get(`/datasets/${dataset.uid}/status/`)).body.is_published).toBe(true);
    const explore = await fetch(`${upstreamUrl}/api/explore/v2.1/catalog/datasets/${dataset.dataset_id}/records?limit=10&order_by=town`, { headers: { Authorization: `Apikey ${backend.adminKey}` } });
    const records = ((await explore.json()) as { results: { town: string }[] }).results;
    expect(records.map((r) => r.town)).toEqual(["Paris 1er", "Paris 2e", "Paris 3e"]);
  });

  it("sets security on the upstream: a ruleset for a user, read back there", async () => {
    const dataset = await createDataset(admin, title(uniqueName("Secured")));
    const target = await createTestUser({ prefix: "target" });
    await createRuleset(admin, dataset.uid, { kind: "user", username: target.username }, { security: { is_data_visible: true, visible_fields: null, filter_query: "code != '75001'", api_calls_quota: null } as never, permissions: [] });
    expect((await getRuleset(admin, dataset.uid, { kind: "user", username: target.username })).security.filter_query).toBe("code != '75001'");
    const there = await upstream.get(`/datasets/${dataset.uid}/security/users/${target.username}/`);
    expect(there.status).toBe(200);
    expect(there.body.security.filter_query).toBe("code != '75001'");
  });

  it("manages groups and lists users on the upstream as its administrator", async () => {
    const groupTitle = uniqueName("Editors");
    const group = await createGroup(admin, { title: groupTitle, description: "", permissions: ["edit_dataset"] });
    expect((await upstream.get(`/groups/${group.uid}/`)).body).toMatchObject({ title: groupTitle, permissions: ["edit_dataset"] });
    expect((await listGroups(admin, { limit: 100, offset: 0 } as never)).results.map((g) => g.uid)).toContain(group.uid);
    const users = await listUsers(admin, { limit: 100, offset: 0, search: publisherUser.username } as never);
    expect(users.results.map((u) => u.username)).toEqual([publisherUser.username]);
  });

  it("passes on the upstream's refusals as our errors: not found, forbidden, invalid input with its field errors", async () => {
    await expect(getDataset(publisher, "da_zzzzzz")).rejects.toMatchObject({ code: "not_found" });
    await expect(createDataset(reviewer, title("Not mine to create"))).rejects.toMatchObject({ code: "forbidden" });
    await expect(listUsers(publisher, { limit: 10, offset: 0 } as never)).rejects.toMatchObject({ code: "forbidden" });
    const dataset = await createDataset(publisher, title(uniqueName("Invalid")));
    const invalid = updateDataset(publisher, dataset.uid, { dataset_id: "not a valid id!" } as never);
    await expect(invalid).rejects.toMatchObject({ code: "validation_error", fieldTexts: { dataset_id: [expect.anything()] } });
    // the reviewer sees the dataset through the upstream's own rights, and cannot change it
    expect((await getDataset(reviewer, dataset.uid)).uid).toBe(dataset.uid);
    await expect(processors.create(reviewer, dataset.uid, { type: "string_replace", label: "x", field: "a", old: "b", new: "c" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
