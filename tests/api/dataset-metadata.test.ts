// A dataset's metadata by template and field (API-CONTRACT.md §2.2) through real HTTP, on the real server and
// database; the mandatory-metadata check the publish endpoint relies on, on the same store.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody } from "../support/api-client";
import { createTestUser, uniqueName } from "../support/fixtures";
import { officialSchemaErrors } from "../support/official-openapi";
import { missingMandatoryMetadata } from "@/lib/metadata/publish-check";
import { store } from "@/lib/store/store";
import type { DatasetMetadata } from "@/lib/datasets/schema";

const backend = inject("backend");

describe.skipIf(!!backend.skipReason)(`dataset metadata API (${backend.provider})`, () => {
  const admin = apiClient(backend.baseUrl, backend.adminKey);
  const official = (method: string, path: string, status: number | "default", body: unknown) => expect(officialSchemaErrors(method, path, status, body)).toEqual([]);
  const template = uniqueName("survey");

  async function newDataset(extra: Record<string, unknown> = {}): Promise<string> {
    const res = await admin.post("/datasets/", { metadata: { default: { title: { value: uniqueName("Metadata") }, ...extra } } });
    expect(res.status).toBe(201);
    return res.body.uid;
  }

  beforeAll(async () => {
    const res = await admin.post("/metadata/templates/", {
      name: template,
      title: "Survey",
      type: "basic",
      is_active: true,
      schema: [
        { name: "method", type: "enum", choices: ["census", "sample"], requirement_level: "mandatory", label: "Method" },
        { name: "sample_size", type: "int" },
        { name: "summary", type: "text", i18n: true },
        { name: "collected", type: "date" },
        { name: "tags", type: "enumlist", choices: ["a", "b"] },
        { name: "area", type: "geo_shape" },
        { name: "ratio", type: "double", choices: ["0.5", "1"] },
      ],
    });
    expect(res.status).toBe(201);
  });

  describe("reads", () => {
    it("answers all the metadata, one template and one value, in the official shapes", async () => {
      const uid = await newDataset({ keyword: { value: ["a", "b"] } });
      const all = await admin.get(`/datasets/${uid}/metadata/`);
      expect(all.status).toBe(200);
      official("GET", "/datasets/{dataset_uid}/metadata/", 200, all.body);
      expect(all.body.default).toMatchObject({ keyword: { value: ["a", "b"] }, language: { value: "en" } });

      const tpl = await admin.get(`/datasets/${uid}/metadata/default/`);
      expect(tpl.status).toBe(200);
      // (the official answer is a oneOf of template schemas that all accept any object: no body can match exactly
      // one of them, so each value is checked against DatasetMetadataValue instead)
      for (const value of Object.values(tpl.body)) official("GET", "/datasets/{dataset_uid}/metadata/{template_name}/{template_field_name}/", 200, value);
      expect(tpl.body).toEqual(all.body.default);

      const field = await admin.get(`/datasets/${uid}/metadata/default/keyword/`);
      expect(field.status).toBe(200);
      official("GET", "/datasets/{dataset_uid}/metadata/{template_name}/{template_field_name}/", 200, field.body);
      expect(field.body).toEqual({ value: ["a", "b"] });
      // a known field without a value
      expect((await admin.get(`/datasets/${uid}/metadata/default/publisher/`)).body).toEqual({ value: null });
      // a known template without values
      expect((await admin.get(`/datasets/${uid}/metadata/${template}/`)).body).toEqual({});
    });

    it("answers 404 for an unknown dataset, template or field", async () => {
      const uid = await newDataset();
      for (const path of [`/datasets/da_nope00/metadata/`, `/datasets/${uid}/metadata/nope/`, `/datasets/${uid}/metadata/default/nope/`, `/datasets/${uid}/metadata/nope/title/`]) {
        const res = await admin.get(path);
        expect(res.status, path).toBe(404);
        expect(res.body.error_code).toBe("not_found");
      }
      expect((await admin.put(`/datasets/${uid}/metadata/nope/`, {})).status).toBe(404);
      expect((await admin.put(`/datasets/${uid}/metadata/default/nope/`, { value: 1 })).status).toBe(404);
      expect((await admin.delete(`/datasets/${uid}/metadata/default/nope/`)).status).toBe(404);
    });
  });

  describe("one value", () => {
    it("sets, types and removes a value", async () => {
      const uid = await newDataset();
      const set = await admin.put(`/datasets/${uid}/metadata/${template}/sample_size/`, { value: 1200 });
      expect(set.status).toBe(200);
      official("PUT", "/datasets/{dataset_uid}/metadata/{template_name}/{template_field_name}/", 200, set.body);
      expect(set.body).toEqual({ value: 1200 });
      expect((await admin.get(`/datasets/${uid}/`)).body.metadata[template]).toEqual({ sample_size: { value: 1200 } });

      const deleted = await admin.delete(`/datasets/${uid}/metadata/${template}/sample_size/`);
      expect(deleted.status).toBe(204);
      expect((await admin.get(`/datasets/${uid}/metadata/${template}/sample_size/`)).body).toEqual({ value: null });
      // a blank value removes it too
      await admin.put(`/datasets/${uid}/metadata/default/publisher/`, { value: "Agency" });
      expect((await admin.put(`/datasets/${uid}/metadata/default/publisher/`, { value: "  " })).body).toEqual({ value: null });
      expect((await admin.get(`/datasets/${uid}/metadata/default/`)).body.publisher).toBeUndefined();
    });

    it.each([
      ["text for an int", "sample_size", "many"],
      ["a decimal for an int", "sample_size", 1.5],
      ["a choice that is not one", "method", "guess"],
      ["a bad date", "collected", "2024-02-30"],
      ["a list item that is not a choice", "tags", ["a", "z"]],
      ["a geometry without type", "area", { coordinates: [1, 2] }],
      ["a number that is not a choice", "ratio", 0.25],
      ["an unknown language", "summary", { xx: "hello" }],
    ])("refuses %s, naming metadata.<template>.<field>.value", async (_case, field, value) => {
      const uid = await newDataset();
      const res = await admin.put(`/datasets/${uid}/metadata/${template}/${field}/`, { value });
      expect(res.status).toBe(400);
      official("PUT", "/datasets/{dataset_uid}/metadata/{template_name}/{template_field_name}/", 400, res.body);
      expect(res.body.error_code).toBe("validation_error");
      expect(Object.keys(res.body.detail)).toEqual([`metadata.${template}.${field}.value`]);
    });

    it("accepts values of every kind that fit", async () => {
      const uid = await newDataset();
      const values: Record<string, unknown> = {
        method: "census",
        sample_size: 3,
        summary: { en: "Counts", fr: "Comptages" },
        collected: "2024-02-29",
        tags: ["b", "a"],
        area: { type: "Point", coordinates: [2.35, 48.85] },
        ratio: 0.5,
      };
      for (const [field, value] of Object.entries(values)) {
        const res = await admin.put(`/datasets/${uid}/metadata/${template}/${field}/`, { value });
        expect(res.status, field).toBe(200);
        expect(res.body.value, field).toEqual(value);
      }
    });

    it("needs `value`, refuses to remove the title", async () => {
      const uid = await newDataset();
      const noValue = await admin.put(`/datasets/${uid}/metadata/default/publisher/`, { override_remote_value: true });
      expect(noValue.status).toBe(400);
      expect(noValue.body.detail).toHaveProperty("value");
      const title = await admin.delete(`/datasets/${uid}/metadata/default/title/`);
      expect(title.status).toBe(400);
      expect(title.body.detail).toHaveProperty(["metadata.default.title.value"]);
    });

    it("moves `modified` when the dataset asks for it, and keeps it otherwise", async () => {
      const follows = await newDataset({ modified_updates_on_metadata_change: { value: true } });
      const before = (await admin.get(`/datasets/${follows}/metadata/default/modified/`)).body.value;
      await new Promise((r) => setTimeout(r, 20));
      await admin.put(`/datasets/${follows}/metadata/default/description/`, { value: "New description" });
      const after = (await admin.get(`/datasets/${follows}/metadata/default/modified/`)).body.value;
      expect(new Date(after).getTime()).toBeGreaterThan(new Date(before).getTime());

      const still = await newDataset();
      const kept = (await admin.get(`/datasets/${still}/metadata/default/modified/`)).body.value;
      await admin.put(`/datasets/${still}/metadata/default/description/`, { value: "New description" });
      expect((await admin.get(`/datasets/${still}/metadata/default/modified/`)).body.value).toBe(kept);
      // a client may set it
      await admin.put(`/datasets/${still}/metadata/default/modified/`, { value: "2020-01-01T02:00:00+02:00" });
      expect((await admin.get(`/datasets/${still}/metadata/default/modified/`)).body.value).toBe("2020-01-01T00:00:00.000Z");
    });
  });

  describe("whole template and whole metadata", () => {
    it("replaces one template's values, refusing unknown fields", async () => {
      const uid = await newDataset();
      await admin.put(`/datasets/${uid}/metadata/${template}/sample_size/`, { value: 5 });
      const res = await admin.put(`/datasets/${uid}/metadata/${template}/`, { method: { value: "sample" }, summary: { value: "Plain" } });
      expect(res.status).toBe(200);
      for (const value of Object.values(res.body)) official("PUT", "/datasets/{dataset_uid}/metadata/{template_name}/{template_field_name}/", 200, value);
      expect(res.body).toEqual({ method: { value: "sample" }, summary: { value: "Plain" } });
      const bad = await admin.put(`/datasets/${uid}/metadata/${template}/`, { method: { value: "sample" }, colour: { value: "red" } });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.detail)).toEqual([`metadata.${template}.colour`]);
      // the default template still needs its title
      const noTitle = await admin.put(`/datasets/${uid}/metadata/default/`, { description: { value: "d" } });
      expect(noTitle.status).toBe(400);
      expect(noTitle.body.detail).toHaveProperty(["metadata.default.title.value"]);
    });

    it("replaces all the metadata: omitted templates go, unknown ones are refused", async () => {
      const uid = await newDataset();
      await admin.put(`/datasets/${uid}/metadata/${template}/sample_size/`, { value: 5 });
      const res = await admin.put(`/datasets/${uid}/metadata/`, { default: { title: { value: "Replaced" } }, internal: { draft: { value: true } } });
      expect(res.status).toBe(200);
      official("PUT", "/datasets/{dataset_uid}/metadata/", 200, res.body);
      expect(res.body[template]).toBeUndefined();
      expect(res.body.internal).toEqual({ draft: { value: true } });
      expect(res.body.default).toMatchObject({ title: { value: "Replaced" }, language: { value: "en" } });
      expect((await admin.get(`/datasets/${uid}/`)).body.metadata.default.title.value).toBe("Replaced");

      const unknown = await admin.put(`/datasets/${uid}/metadata/`, { default: { title: { value: "T" } }, nope: { a: { value: 1 } } });
      expect(unknown.status).toBe(400);
      official("PUT", "/datasets/{dataset_uid}/metadata/", 400, unknown.body);
      expect(unknown.body.detail).toHaveProperty(["metadata.nope"]);
      expect((await admin.put(`/datasets/${uid}/metadata/`, { internal: {} })).body.detail).toHaveProperty(["metadata.default"]);
    });
  });

  describe("values linked to a remote source", () => {
    async function linkedDataset(): Promise<string> {
      const uid = await newDataset();
      const dataset = (await store().datasets.get(uid, { kind: "all" }))!;
      const metadata = structuredClone(dataset.metadata) as DatasetMetadata;
      metadata.default.publisher = { value: "Remote agency", remote_value: "Remote agency", override_remote_value: false };
      await store().datasets.update(uid, { metadata }, { scope: { kind: "all" } });
      return uid;
    }

    it("keeps value equal to remote_value unless overridden; removing goes back to the remote value", async () => {
      const uid = await linkedDataset();
      const read = await admin.get(`/datasets/${uid}/metadata/default/publisher/`);
      official("GET", "/datasets/{dataset_uid}/metadata/{template_name}/{template_field_name}/", 200, read.body);
      expect(read.body).toEqual({ value: "Remote agency", remote_value: "Remote agency", override_remote_value: false });

      const ignored = await admin.put(`/datasets/${uid}/metadata/default/publisher/`, { value: "Local agency" });
      expect(ignored.body).toEqual({ value: "Remote agency", remote_value: "Remote agency", override_remote_value: false });

      const overridden = await admin.put(`/datasets/${uid}/metadata/default/publisher/`, { value: "Local agency", override_remote_value: true });
      expect(overridden.body).toEqual({ value: "Local agency", remote_value: "Remote agency", override_remote_value: true });
      // the flag stays while clients send values without it
      const again = await admin.put(`/datasets/${uid}/metadata/default/publisher/`, { value: "Local 2" });
      expect(again.body).toEqual({ value: "Local 2", remote_value: "Remote agency", override_remote_value: true });
      // remote_value is read-only
      const sneaky = await admin.put(`/datasets/${uid}/metadata/default/publisher/`, { value: "Local 3", remote_value: "Hacked" });
      expect(sneaky.body.remote_value).toBe("Remote agency");

      expect((await admin.delete(`/datasets/${uid}/metadata/default/publisher/`)).status).toBe(204);
      expect((await admin.get(`/datasets/${uid}/metadata/default/publisher/`)).body).toEqual({ value: "Remote agency", remote_value: "Remote agency", override_remote_value: false });
      // a full replace that omits it resets it too, and the flag means nothing on values that are not linked
      const all = await admin.put(`/datasets/${uid}/metadata/`, { default: { title: { value: "T" }, description: { value: "d", override_remote_value: true } } });
      expect(all.body.default.publisher).toEqual({ value: "Remote agency", remote_value: "Remote agency", override_remote_value: false });
      expect(all.body.default.description).toEqual({ value: "d" });
    });
  });

  describe("access", () => {
    it("lets readers read and only editors write", async () => {
      const uid = await newDataset();
      const reviewer = apiClient(backend.baseUrl, (await createTestUser({ prefix: "reviewer", permissions: ["explore_restricted_dataset"] })).apiKey);
      const nobody = apiClient(backend.baseUrl, (await createTestUser({ prefix: "nobody" })).apiKey);
      const editor = apiClient(backend.baseUrl, (await createTestUser({ prefix: "editor", permissions: ["edit_dataset"] })).apiKey);
      expect((await reviewer.get(`/datasets/${uid}/metadata/`)).status).toBe(200);
      expect((await reviewer.put(`/datasets/${uid}/metadata/default/publisher/`, { value: "x" })).status).toBe(403);
      expect((await reviewer.delete(`/datasets/${uid}/metadata/default/title/`)).status).toBe(403);
      expect((await nobody.get(`/datasets/${uid}/metadata/`)).status).toBe(404);
      expect((await nobody.put(`/datasets/${uid}/metadata/default/`, {})).status).toBe(404);
      expect((await editor.put(`/datasets/${uid}/metadata/default/publisher/`, { value: "Editor" })).status).toBe(200);
    });
  });

  describe("mandatory metadata before publishing", () => {
    it("names the mandatory fields of active templates that are blank", async () => {
      // (other suites' templates may be active meanwhile: look at this suite's and the system ones)
      const mine = async (uid: string) => (await missingMandatoryMetadata(uid)).filter((m) => m.template === template || m.template === "default");
      const uid = await newDataset();
      expect(await mine(uid)).toEqual([{ template, field: "method", label: "Method" }]);
      await admin.put(`/datasets/${uid}/metadata/${template}/method/`, { value: "census" });
      expect(await mine(uid)).toEqual([]);

      // inactive templates do not count
      const other = await newDataset();
      await admin.put(`/metadata/templates/${template}/`, { is_active: false });
      try {
        expect((await missingMandatoryMetadata(other)).filter((m) => m.template === template)).toEqual([]);
      } finally {
        await admin.put(`/metadata/templates/${template}/`, { is_active: true });
      }
      expect(await missingMandatoryMetadata("da_nope00")).toEqual([]);
    });
  });

  it("dataset create and update keep their metadata rules", async () => {
    const res = await admin.post("/datasets/", datasetBody("Rules", { dataset_id: uniqueName("rules").replace("_", "-") }));
    expect(res.status).toBe(201);
    const updated = await admin.put(`/datasets/${res.body.uid}/`, { metadata: { default: { title: { value: "Rules 2" } }, [template]: { method: { value: "nope" } } } });
    expect(updated.status).toBe(400);
    expect(Object.keys(updated.body.detail)).toEqual([`metadata.${template}.method.value`]);
  });
});
