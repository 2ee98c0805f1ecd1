// Management API v2 — the dataset object (HEAD shape, API-CONTRACT.md §4.3), creation with and without strict,
// deletion, and the metadata objects and their writes (§4.4), through the dataset services.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createTestUser, uniqueName, type TestUser } from "../../support/fixtures";
import { publishingHelpers } from "../../support/publishing";
import { expectV2Error, keyClient, ownDocumentValidator } from "./support";

const backend = inject("backend");

describe.skipIf(!!backend.skipReason)(`Management API v2 datasets and metadata (${backend.provider})`, () => {
  const h = publishingHelpers(backend.baseUrl, backend.adminKey);
  let publisher: TestUser;
  let v2: ReturnType<typeof keyClient>;
  let validator: Awaited<ReturnType<typeof ownDocumentValidator>>;
  const valid = (method: string, path: string, status: number, body: unknown) => expect(validator.errors(method, path, status, body)).toEqual([]);

  beforeAll(async () => {
    publisher = await createTestUser({ prefix: "v2ds", permissions: ["create_dataset", "edit_dataset", "publish_dataset", "manage_dataset"] });
    v2 = keyClient(backend.baseUrl, publisher.apiKey);
    validator = await ownDocumentValidator(backend.baseUrl);
  });

  describe("datasets", () => {
    it("creates a dataset from metas, deriving dataset_id from the title, and answers the HEAD shape", async () => {
      const title = `Qualité de l'air ${uniqueName("t")}`;
      const res = await v2.post("/datasets/", { metas: { default: { title, keyword: ["air"] } } });
      expect(res.status, res.text).toBe(201);
      valid("POST", "/datasets/", 201, res.body);
      expect(res.body).toMatchObject({
        dataset_id: title.toLowerCase().replace("é", "e").replace(/[^a-z0-9]+/g, "-"),
        dataset_uid: expect.stringMatching(/^da_/),
        metas: { default: { title, keyword: ["air"], language: "en", modified: expect.any(String) }, publishing: { published: false } },
        visibility: "domain",
        status: { name: "idle" },
      });
      expect(Date.parse(res.body.last_modified)).not.toBeNaN();
      // the same dataset through the Automation API
      const v1 = await h.admin.get(`/datasets/${res.body.dataset_uid}/`);
      expect(v1.body).toMatchObject({ dataset_id: res.body.dataset_id, metadata: { default: { title: { value: title } } } });
    });

    it("alters a taken dataset_id unless strict=true, where dataset_id is mandatory and must be free", async () => {
      const id = uniqueName("taken");
      const first = await v2.post("/datasets", { dataset_id: id, metas: { default: { title: "First" } } });
      expect(first.status, first.text).toBe(201);
      const second = await v2.post("/datasets/", { dataset_id: id, metas: { default: { title: "Second" } } });
      expect(second.status, second.text).toBe(201);
      expect(second.body.dataset_id).toBe(`${id}-1`);

      const missing = await v2.post("/datasets/?strict=true", { metas: { default: { title: "No id" } } });
      expectV2Error(missing, 400, "bad_request", "ODSException");
      expect(missing.body.message).toBe("Dataset identifier (dataset_id) is mandatory");
      valid("POST", "/datasets/", 400, missing.body);

      const taken = await v2.post("/datasets/?strict=true", { dataset_id: id, metas: { default: { title: "Third" } } });
      expectV2Error(taken, 400, "validation_error", "InvalidManagementAPIRequestException");
      expect(taken.body.errors).toEqual([expect.objectContaining({ field: "dataset_id", error_code: "validation_error", status_code: 400 })]);
      valid("POST", "/datasets/", 400, taken.body);
      expect((await h.admin.get(`/datasets/?dataset_id=${id}-2`)).body.total_count).toBe(0);
    });

    it("names each invalid property in errors, in the caller's terms", async () => {
      const res = await v2.post("/datasets/", { dataset_id: "Not Valid!", metas: { default: { keyword: "not-a-list" } } });
      expectV2Error(res, 400, "validation_error", "InvalidManagementAPIRequestException");
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
      expect(fields).toContain("dataset_id");
      const noTitle = await v2.post("/datasets/", { metas: { default: { description: "untitled" } } });
      expectV2Error(noTitle, 400, "validation_error");
      expect((noTitle.body.errors as { field: string }[]).map((e) => e.field)).toContain("metas.default.title");
      const nothing = await v2.post("/datasets/", {});
      expectV2Error(nothing, 400, "validation_error");
    });

    it("expands metadata and status; refuses changes (dataset versions do not exist yet)", async () => {
      const ds = await h.createDataset("v2 expand", { dataset_id: uniqueName("v2exp") });
      for (const path of [`/datasets/${ds.uid}?expand=metadata,status`, `/datasets/${ds.uid}/?expand=status,metadata`]) {
        const res = await v2.get(path);
        expect(res.status, res.text).toBe(200);
        valid("GET", "/datasets/{dataset_uid}/", 200, res.body);
        expect(res.body.status).toMatchObject({ name: "idle", published: false, records_errors: 0 });
        expect(res.body.metadata).toContainEqual(expect.objectContaining({ name: "title", value: "v2 expand", template: { name: "default", label: expect.any(String), purpose: "general" } }));
      }
      const plain = await v2.get(`/datasets/${ds.uid}`);
      expect(plain.body).not.toHaveProperty("metadata");
      expect(plain.body.status).toEqual({ name: "idle" });
      const changes = await v2.get(`/datasets/${ds.uid}?expand=metadata,changes`);
      expectV2Error(changes, 400, "bad_request");
      expect(changes.body.message).toContain('"changes"');
      const status = await v2.get(`/datasets/${ds.uid}/status`);
      expect(status.status).toBe(200);
      valid("GET", "/datasets/{dataset_uid}/status/", 200, status.body);
    });

    it("shows admin templates to editors only", async () => {
      const ds = await h.createDataset("v2 admin", { dataset_id: uniqueName("v2adm"), metadata: { default: { title: { value: "v2 admin" } }, internal: { draft: { value: true } } } });
      expect((await v2.get(`/datasets/${ds.uid}`)).body.metas.internal).toEqual({ draft: true });
      const reviewer = keyClient(backend.baseUrl, (await createTestUser({ prefix: "v2rv", permissions: ["explore_restricted_dataset"] })).apiKey);
      const seen = await reviewer.get(`/datasets/${ds.uid}?expand=metadata`);
      expect(seen.status).toBe(200);
      expect(seen.body.metas).not.toHaveProperty("internal");
      expect((seen.body.metadata as { template: { purpose: string } }[]).every((m) => m.template.purpose !== "admin")).toBe(true);
      expect((await reviewer.get(`/datasets/${ds.uid}/metadata/internal/draft`)).status).toBe(404);
    });

    it("deletes a dataset: 204, then 404 (with and without the trailing slash)", async () => {
      for (const slash of ["", "/"]) {
        const ds = await h.createDataset("v2 delete", { dataset_id: uniqueName("v2del") });
        const res = await v2.delete(`/datasets/${ds.uid}${slash}`);
        expect(res.status, res.text).toBe(204);
        expect(res.text).toBe("");
        expectV2Error(await v2.get(`/datasets/${ds.uid}${slash}`), 404, "not_found", "NotFoundException");
        expect((await h.admin.get(`/datasets/${ds.uid}/`)).status).toBe(404);
      }
    });
  });

  describe("metadata", () => {
    let uid: string;
    beforeAll(async () => {
      uid = (await h.createDataset("v2 metadata", { dataset_id: uniqueName("v2meta") })).uid;
    });

    it("lists the dataset's metadata objects and reads one, unset ones too", async () => {
      const list = await v2.get(`/datasets/${uid}/metadata`);
      expect(list.status, list.text).toBe(200);
      valid("GET", "/datasets/{dataset_uid}/metadata/", 200, list.body);
      expect(list.body.map((m: { template: { name: string }; name: string }) => `${m.template.name}.${m.name}`)).toEqual(expect.arrayContaining(["default.title", "default.language", "default.modified"]));
      const title = await v2.get(`/datasets/${uid}/metadata/default/title/`);
      expect(title.status).toBe(200);
      valid("GET", "/datasets/{dataset_uid}/metadata/{template_name}/{metadata_name}/", 200, title.body);
      expect(title.body).toMatchObject({ name: "title", value: "v2 metadata", override_remote_value: false, definition: { name: "title", type: "text", widget: { type: "textinput" } } });
      expect((await v2.get(`/datasets/${uid}/metadata/default/publisher`)).body).toMatchObject({ name: "publisher", value: null });
      expectV2Error(await v2.get(`/datasets/${uid}/metadata/default/nope`), 404, "not_found");
      expectV2Error(await v2.get(`/datasets/${uid}/metadata/nope/title`), 404, "not_found");
    });

    it("sets one metadata, refusing a value that does not fit its definition", async () => {
      const res = await v2.put(`/datasets/${uid}/metadata/default/keyword`, { value: ["air", "eau"] });
      expect(res.status, res.text).toBe(200);
      valid("PUT", "/datasets/{dataset_uid}/metadata/{template_name}/{metadata_name}/", 200, res.body);
      expect(res.body).toMatchObject({ name: "keyword", value: ["air", "eau"], definition: { type: "multitext" } });
      const bad = await v2.put(`/datasets/${uid}/metadata/default/language/`, { value: "klingon" });
      expectV2Error(bad, 400, "validation_error", "InvalidManagementAPIRequestException");
      expect(bad.body.errors.length).toBeGreaterThan(0);
      expect((await v2.get(`/datasets/${uid}/metadata/default/language`)).body.value).toBe("en");
    });

    it("sets several metadata in one write, all or nothing", async () => {
      const ok = await v2.put(`/datasets/${uid}/metadata/`, {
        metas: [
          { template_name: "default", metadata_name: "publisher", value: "Ville de Paris" },
          { template_name: "default", metadata_name: "theme", value: ["Environnement"] },
        ],
      });
      expect(ok.status, ok.text).toBe(200);
      valid("PUT", "/datasets/{dataset_uid}/metadata/", 200, ok.body);
      const values = Object.fromEntries(ok.body.map((m: { name: string; value: unknown }) => [m.name, m.value]));
      expect(values).toMatchObject({ title: "v2 metadata", keyword: ["air", "eau"], publisher: "Ville de Paris", theme: ["Environnement"] });

      const before = (await h.admin.get(`/datasets/${uid}/`)).body.updated_at;
      const unknown = await v2.put(`/datasets/${uid}/metadata`, {
        metas: [
          { template_name: "default", metadata_name: "publisher", value: "Someone else" },
          { template_name: "default", metadata_name: "no_such_field", value: 1 },
          { template_name: "no_such_template", metadata_name: "x", value: 1 },
        ],
      });
      expectV2Error(unknown, 400, "validation_error", "InvalidManagementAPIRequestException");
      expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(["metas.1", "metas.2"]);
      const invalid = await v2.put(`/datasets/${uid}/metadata`, {
        metas: [
          { template_name: "default", metadata_name: "publisher", value: "Someone else" },
          { template_name: "default", metadata_name: "language", value: "klingon" },
        ],
      });
      expectV2Error(invalid, 400, "validation_error");
      const after = (await h.admin.get(`/datasets/${uid}/`)).body;
      expect(after.updated_at).toBe(before);
      expect(after.metadata.default.publisher.value).toBe("Ville de Paris");
    });

    it("resets a metadata, by either documented path", async () => {
      for (const path of [`/datasets/${uid}/metadata/default/publisher`, `/datasets/${uid}/default/theme/`]) {
        const res = await v2.delete(path);
        expect(res.status, res.text).toBe(200);
        valid("DELETE", "/datasets/{dataset_uid}/metadata/{template_name}/{metadata_name}/", 200, res.body);
        expect(res.body).toMatchObject({ value: null, override_remote_value: false });
      }
      const metadata = (await h.admin.get(`/datasets/${uid}/`)).body.metadata.default;
      expect(metadata).not.toHaveProperty("publisher");
      expect(metadata).not.toHaveProperty("theme");
    });
  });
});
