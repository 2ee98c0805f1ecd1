// The udata API 1 (API-CONTRACT.md §6.1) through real HTTP on the real server and database: every row of the
// contract's table, its error cases, the trash (soft delete, restore, purge) and what the trash hides elsewhere.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../../support/api-client";
import { createTestUser, type TestUser } from "../../support/fixtures";
import { purgeTrash } from "@/lib/datasets/trash";
import { store } from "@/lib/store/store";
import { pollUntil } from "../../support/publishing";
import { storedFiles, udataClient, waitPublished } from "./udata-client";

const backend = inject("backend");
const CSV = "code;commune;population\n75001;Paris 1er;16000\n75002;Paris 2e;21000\n";
const CSV2 = "code,commune,population\n69001,Lyon 1er,30000\n";

describe.skipIf(!!backend.skipReason)(`udata API 1 (${backend.provider})`, () => {
  const admin = udataClient(backend.baseUrl, backend.adminKey);
  const anonymous = udataClient(backend.baseUrl);
  const automation = apiClient(backend.baseUrl, backend.adminKey);
  const explore = apiClient(backend.baseUrl, undefined, "/api/explore/v2.1");
  let nobody: TestUser;
  let reviewer: TestUser;
  let creator: TestUser;

  beforeAll(async () => {
    nobody = await createTestUser({ prefix: "udata_nobody", permissions: [] });
    reviewer = await createTestUser({ prefix: "udata_reviewer", permissions: ["explore_restricted_dataset"] });
    creator = await createTestUser({ prefix: "udata_creator", permissions: ["create_dataset"] });
  });

  async function publicDatasetWithFile(title: string) {
    const created = await admin.post("/datasets/", { title, description: "Une description" });
    expect(created.status, created.text).toBe(201);
    const uploaded = await admin.upload(`/datasets/${created.body.id}/upload/`, CSV, "communes.csv");
    expect(uploaded.status, uploaded.text).toBe(201);
    await waitPublished(backend.baseUrl, backend.adminKey, created.body.id, true);
    return { dataset: created.body, resource: uploaded.body };
  }

  describe("create", () => {
    it("creates a public dataset (201, id and slug), not published while it has no resource", async () => {
      const res = await admin.post("/datasets/", { title: "Qualité de l'air", description: "Mesures", organization: "5bbb6d6cff66bd4dc17bfd5a", tags: ["air"] });
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({ title: "Qualité de l'air", description: "Mesures", private: false, deleted: null, tags: ["air"], resources: [], organization: null });
      expect(res.body.id).toMatch(/^da_/);
      expect(res.body.slug).toBe("qualite-de-l-air");
      const mapped = await automation.get(`/datasets/${res.body.id}/`);
      expect(mapped.body).toMatchObject({ dataset_id: res.body.slug, is_restricted: false, is_published: false });
      expect(mapped.body.metadata.default.keyword.value).toEqual(["air"]);
    });

    it("creates a private dataset: restricted and unpublished", async () => {
      const res = await admin.post("/datasets/", { title: "Brouillon", description: "x", private: true });
      expect(res.status).toBe(201);
      expect(res.body.private).toBe(true);
      expect((await automation.get(`/datasets/${res.body.id}/`)).body).toMatchObject({ is_restricted: true, is_published: false });
    });

    it("refuses a dataset without title (400, udata's validation shape with error_code)", async () => {
      const res = await admin.post("/datasets/", { description: "sans titre" });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ message: "Validation error", errors: { title: [expect.any(String)] }, error_code: "validation_error" });
    });

    it("needs a key (401) with the create right (403)", async () => {
      const none = await anonymous.post("/datasets/", { title: "t", description: "d" });
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ error_code: "unauthorized", message: expect.any(String) });
      const bad = await admin.post("/datasets/", { title: "t", description: "d" }, { key: "not-a-key" });
      expect(bad.status).toBe(401);
      const forbidden = await admin.post("/datasets/", { title: "t", description: "d" }, { key: nobody.apiKey });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body).toMatchObject({ error_code: "forbidden", message: expect.any(String) });
    });

    it("reads the header name case-insensitively and paths without the trailing slash", async () => {
      const res = await fetch(`${backend.baseUrl}/api/1/datasets`, {
        method: "POST",
        headers: { "x-api-key": backend.adminKey, "Content-Type": "application/json" },
        body: JSON.stringify({ title: "Sans barre", description: "d" }),
      });
      expect(res.status).toBe(201);
      const body = await res.json();
      expect((await admin.get(`/datasets/${body.id}`)).status).toBe(200);
      expect((await admin.get(`/datasets/${body.slug}/`)).body.id).toBe(body.id);
    });
  });

  describe("resources and publishing", () => {
    it("uploads a local resource (201), publishes the public dataset, and the public can read it", async () => {
      const { dataset, resource } = await publicDatasetWithFile("Communes publiques");
      expect(resource).toMatchObject({ title: "communes.csv", filetype: "file", format: "csv", type: "main", mime: "text/csv" });
      expect(resource.id).toMatch(/^re_/);
      const read = await anonymous.get(`/datasets/${dataset.id}/`);
      expect(read.status, read.text).toBe(200);
      expect(read.body.resources.map((r: { id: string }) => r.id)).toEqual([resource.id]);
      expect((await anonymous.get(`/datasets/${dataset.id}/resources/${resource.id}/`)).body.id).toBe(resource.id);
      expect((await explore.get(`/catalog/datasets/${dataset.slug}/records/`)).body.total_count).toBe(2);
    });

    it("creates a remote resource (201) and refuses other filetypes there (400)", async () => {
      const created = await admin.post("/datasets/", { title: "Distante", description: "d", private: true });
      const remote = await admin.post(`/datasets/${created.body.id}/resources/`, { title: "r", type: "main", filetype: "remote", format: "csv", url: "https://url.to/ressource.csv" });
      expect(remote.status, remote.text).toBe(201);
      expect(remote.body).toMatchObject({ filetype: "remote", url: "https://url.to/ressource.csv", format: "csv", description: null });
      const local = await admin.post(`/datasets/${created.body.id}/resources/`, { title: "r", filetype: "file", url: "https://url.to/x.csv" });
      expect(local.status).toBe(400);
      expect(local.body).toEqual({ message: "This endpoint only supports remote resources", error_code: "bad_request" });
      const unsupported = await admin.post(`/datasets/${created.body.id}/resources/`, { title: "r", filetype: "remote", format: "pdf", url: "https://url.to/x.pdf" });
      expect(unsupported.status).toBe(400);
      expect(unsupported.body.errors.format).toHaveLength(1);
    });

    it("updates a resource (200) and refuses a filetype change (400)", async () => {
      const created = await admin.post("/datasets/", { title: "Mise à jour ressource", description: "d", private: true });
      const uploaded = await admin.upload(`/datasets/${created.body.id}/upload/`, CSV, "a.csv");
      const updated = await admin.put(`/datasets/${created.body.id}/resources/${uploaded.body.id}/`, { title: "Nouveau titre", description: "Nouvelle description", private: true });
      expect(updated.status, updated.text).toBe(200);
      expect(updated.body).toMatchObject({ title: "Nouveau titre", description: "Nouvelle description" });
      const kept = await admin.put(`/datasets/${created.body.id}/resources/${uploaded.body.id}/`, { title: "Encore", private: true });
      expect(kept.body).toMatchObject({ title: "Encore", description: "Nouvelle description" });
      expect((await automation.get(`/datasets/${created.body.id}/resources/${uploaded.body.id}/`)).body.description).toBeUndefined();
      const changed = await admin.put(`/datasets/${created.body.id}/resources/${uploaded.body.id}/`, { filetype: "remote" });
      expect(changed.status).toBe(400);
      expect(changed.body).toEqual({ message: "Cannot modify filetype after creation", error_code: "bad_request" });
    });

    it("replaces a resource's file (the old file is deleted) and deletes a resource with its file (204)", async () => {
      const created = await admin.post("/datasets/", { title: "Remplacement", description: "d", private: true });
      const before = new Set(storedFiles(backend.env.DATA_DIR!));
      const uploaded = await admin.upload(`/datasets/${created.body.id}/upload/`, CSV, "a.csv");
      const first = storedFiles(backend.env.DATA_DIR!).filter((f) => !before.has(f));
      expect(first).toHaveLength(1);
      const replaced = await admin.upload(`/datasets/${created.body.id}/resources/${uploaded.body.id}/upload/`, CSV2, "b.csv");
      expect(replaced.status, replaced.text).toBe(200);
      expect(replaced.body).toMatchObject({ id: uploaded.body.id, filetype: "file" });
      const second = storedFiles(backend.env.DATA_DIR!).filter((f) => !before.has(f));
      expect(second).toHaveLength(1);
      expect(second).not.toEqual(first);
      const deleted = await admin.delete(`/datasets/${created.body.id}/resources/${uploaded.body.id}/`);
      expect(deleted.status).toBe(204);
      expect(storedFiles(backend.env.DATA_DIR!).filter((f) => !before.has(f))).toEqual([]);
      expect((await admin.get(`/datasets/${created.body.id}/resources/${uploaded.body.id}/`)).status).toBe(404);
    });

    it("makes every update without `private` public, as udata does, and private: true unpublishes", async () => {
      const { dataset } = await publicDatasetWithFile("Visibilité");
      const hidden = await admin.put(`/datasets/${dataset.id}/`, { private: true });
      expect(hidden.body.private).toBe(true);
      await waitPublished(backend.baseUrl, backend.adminKey, dataset.id, false);
      expect((await explore.get(`/catalog/datasets/${dataset.slug}/`)).status).toBe(404);
      const again = await admin.put(`/datasets/${dataset.id}/`, { title: "Visibilité, nouveau titre" });
      expect(again.status, again.text).toBe(200);
      expect(again.body).toMatchObject({ private: false, title: "Visibilité, nouveau titre", description: "Une description" });
      await waitPublished(backend.baseUrl, backend.adminKey, dataset.id, true);
    });

    it("publishes a write made while a publish runs once that publish ends", async () => {
      const created = await admin.post("/datasets/", { title: "Suivi avant", description: "d" });
      expect((await admin.upload(`/datasets/${created.body.id}/upload/`, CSV, "communes.csv")).status).toBe(201);
      // the upload's publish is queued or running: this write is published by it or after it
      expect((await admin.put(`/datasets/${created.body.id}/`, { title: "Suivi après" })).status).toBe(200);
      const remote = await admin.post(`/datasets/${created.body.id}/resources/`, { title: "r", filetype: "remote", format: "csv", url: "https://url.to/ressource.csv" });
      expect(remote.status).toBe(201);
      expect((await admin.delete(`/datasets/${created.body.id}/resources/${remote.body.id}/`)).status).toBe(204);
      await pollUntil(
        () => explore.get(`/catalog/datasets/${created.body.slug}/`),
        (res) => res.status === 200 && res.body?.metas?.default?.title === "Suivi après" && res.body?.metas?.default?.records_count === 2,
        "the last udata write published",
      );
    });

    it("refuses writes without a key (401) and from a key that may only look (403)", async () => {
      const { dataset, resource } = await publicDatasetWithFile("Droits");
      expect((await anonymous.put(`/datasets/${dataset.id}/`, { title: "x" })).status).toBe(401);
      expect((await anonymous.delete(`/datasets/${dataset.id}/`)).status).toBe(401);
      expect((await anonymous.upload(`/datasets/${dataset.id}/upload/`, CSV, "x.csv")).status).toBe(401);
      expect((await anonymous.delete(`/datasets/${dataset.id}/resources/${resource.id}/`)).status).toBe(401);
      expect((await admin.put(`/datasets/${dataset.id}/`, { title: "x" }, { key: reviewer.apiKey })).status).toBe(403);
      expect((await admin.delete(`/datasets/${dataset.id}/`, { key: reviewer.apiKey })).status).toBe(403);
      expect((await admin.put(`/datasets/${dataset.id}/resources/${resource.id}/`, { title: "x" }, { key: reviewer.apiKey })).status).toBe(403);
    });
  });

  describe("list", () => {
    it("answers udata's envelope with the public datasets, searched and sorted, paged with links", async () => {
      await publicDatasetWithFile("Liste zèbre alpha");
      await publicDatasetWithFile("Liste zèbre beta");
      const res = await anonymous.get("/datasets/?q=zebre&sort=title&page_size=1");
      expect(res.status, res.text).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(["data", "next_page", "page", "page_size", "previous_page", "total"]);
      expect(res.body).toMatchObject({ page: 1, page_size: 1, total: 2, previous_page: null });
      expect(res.body.data[0].title).toBe("Liste zèbre alpha");
      const next = await fetch(res.body.next_page).then((r) => r.json());
      expect(next.data[0].title).toBe("Liste zèbre beta");
      expect(next.next_page).toBeNull();
      expect(next.previous_page).toContain("page=1");
      const desc = await anonymous.get("/datasets/?q=zebre&sort=-title");
      expect(desc.body.data.map((d: { title: string }) => d.title)).toEqual(["Liste zèbre beta", "Liste zèbre alpha"]);
      expect((await anonymous.get("/datasets/?sort=views")).status).toBe(400);
    });

    it("excludes private datasets, which `private=true` lists for their editors; both filters need a key", async () => {
      const hidden = await admin.post("/datasets/", { title: "Liste privée", description: "d", private: true });
      expect((await admin.get("/datasets/?q=liste privee")).body.total).toBe(0);
      const mine = await admin.get("/datasets/?private=true&q=liste privee");
      expect(mine.body.data.map((d: { id: string }) => d.id)).toEqual([hidden.body.id]);
      for (const filter of ["private=true", "deleted=true"]) {
        const res = await anonymous.get(`/datasets/?${filter}`);
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ error_code: "unauthorized", message: expect.stringContaining("X-API-KEY") });
      }
    });
  });

  describe("soft delete and restore", () => {
    it("deletes to the trash: 204, the owner still sees it with `deleted` set, anyone else 410, hidden everywhere", async () => {
      const { dataset, resource } = await publicDatasetWithFile("Corbeille publique");
      const deleted = await admin.delete(`/datasets/${dataset.id}/`);
      expect(deleted.status).toBe(204);
      const owner = await admin.get(`/datasets/${dataset.id}/`);
      expect(owner.status).toBe(200);
      expect(owner.body.deleted).toEqual(expect.any(String));
      expect(owner.body.resources).toHaveLength(1);
      for (const client of [anonymous, udataClient(backend.baseUrl, nobody.apiKey), udataClient(backend.baseUrl, reviewer.apiKey)]) {
        const res = await client.get(`/datasets/${dataset.id}/`);
        expect(res.status).toBe(410);
        expect(res.body).toEqual({ message: "Dataset has been deleted", error_code: "gone" });
      }
      // a second delete and edits: 410
      expect((await admin.delete(`/datasets/${dataset.id}/`)).status).toBe(410);
      expect((await admin.put(`/datasets/${dataset.id}/`, { title: "x" })).status).toBe(410);
      expect((await admin.upload(`/datasets/${dataset.id}/upload/`, CSV, "x.csv")).status).toBe(410);
      expect((await admin.put(`/datasets/${dataset.id}/resources/${resource.id}/`, { title: "x" })).status).toBe(410);
      expect((await admin.delete(`/datasets/${dataset.id}/resources/${resource.id}/`)).status).toBe(410);
      // hidden from the Automation API, the public list and Explore; listed with deleted=true
      expect((await automation.get(`/datasets/${dataset.id}/`)).status).toBe(404);
      expect((await automation.get(`/datasets/?dataset_id=${dataset.slug}`)).body.total_count).toBe(0);
      expect((await admin.get("/datasets/?q=corbeille publique")).body.total).toBe(0);
      expect((await explore.get(`/catalog/datasets/${dataset.slug}/`)).status).toBe(404);
      expect((await explore.get(`/catalog/datasets/${dataset.slug}/records/`)).status).toBe(404);
      const trash = await admin.get("/datasets/?deleted=true&q=corbeille publique");
      expect(trash.body.data.map((d: { id: string }) => d.id)).toEqual([dataset.id]);
    });

    it("restores with PUT {\"deleted\": null}, as it was: published, in the Automation API and Explore again", async () => {
      const { dataset } = await publicDatasetWithFile("Corbeille restaurée");
      expect((await admin.delete(`/datasets/${dataset.id}/`)).status).toBe(204);
      expect((await admin.put(`/datasets/${dataset.id}/`, { deleted: null }, { key: reviewer.apiKey })).status).toBe(410);
      const restored = await admin.put(`/datasets/${dataset.id}/`, { deleted: null });
      expect(restored.status, restored.text).toBe(200);
      expect(restored.body).toMatchObject({ deleted: null, private: false, title: "Corbeille restaurée" });
      expect((await automation.get(`/datasets/${dataset.id}/`)).body).toMatchObject({ is_published: true });
      expect((await explore.get(`/catalog/datasets/${dataset.slug}/records/`)).body.total_count).toBe(2);
      expect((await anonymous.get(`/datasets/${dataset.id}/`)).status).toBe(200);
    });

    it("answers 404, not 410, for a deleted private dataset to those who could not see it", async () => {
      const created = await admin.post("/datasets/", { title: "Corbeille privée", description: "d", private: true });
      expect((await admin.delete(`/datasets/${created.body.id}/`)).status).toBe(204);
      expect((await anonymous.get(`/datasets/${created.body.id}/`)).status).toBe(404);
      expect((await admin.get(`/datasets/${created.body.id}/`, { key: nobody.apiKey })).status).toBe(404);
    });

    it("lets a creator trash and restore their own datasets only", async () => {
      const own = udataClient(backend.baseUrl, creator.apiKey);
      const created = await own.post("/datasets/", { title: "À moi", description: "d" });
      expect(created.status, created.text).toBe(201);
      expect((await own.delete(`/datasets/${created.body.id}/`)).status).toBe(204);
      expect((await own.get(`/datasets/?deleted=true`)).body.data.map((d: { id: string }) => d.id)).toEqual([created.body.id]);
      expect((await own.put(`/datasets/${created.body.id}/`, { deleted: null })).status).toBe(200);
    });

    it("purges what has been in the trash longer than the retention: no rows, no file, no records table", async () => {
      const { dataset } = await publicDatasetWithFile("Corbeille purgée");
      const files = storedFiles(backend.env.DATA_DIR!);
      const published = await store().publishJobs.published(dataset.id);
      expect(published?.records_table).toBeTruthy();
      const ownFiles = (await store().resources.listFiles(dataset.id)).map((f) => f.storage_name);
      expect(ownFiles).toHaveLength(1);
      expect(files).toContain(ownFiles[0]);
      expect((await admin.delete(`/datasets/${dataset.id}/`)).status).toBe(204);

      // not due yet: kept
      expect(await purgeTrash(new Date(), 30)).not.toContain(dataset.id);
      expect((await admin.get(`/datasets/${dataset.id}/`)).status).toBe(200);

      // 31 days later, with the default retention of 30 days
      const purged = await purgeTrash(new Date(Date.now() + 31 * 86_400_000), 30);
      expect(purged).toContain(dataset.id);
      expect((await admin.get(`/datasets/${dataset.id}/`)).status).toBe(404);
      expect((await admin.put(`/datasets/${dataset.id}/`, { deleted: null })).status).toBe(404);
      expect(storedFiles(backend.env.DATA_DIR!)).not.toContain(ownFiles[0]);
      expect(await store().records.list()).not.toContain(published!.records_table);
    });
  });

  it("serves its OpenAPI document at /api/1/swagger.json", async () => {
    const res = await anonymous.get("/swagger.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(["/datasets/", "/datasets/{dataset}/", "/datasets/{dataset}/upload/", "/datasets/{dataset}/resources/", "/datasets/{dataset}/resources/{rid}/", "/datasets/{dataset}/resources/{rid}/upload/"]),
    );
    expect(res.body.components.securitySchemes.apikey).toMatchObject({ in: "header", name: "X-API-KEY" });
  });

  afterAll(() => undefined);
});
