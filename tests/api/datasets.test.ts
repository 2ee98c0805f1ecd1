// The Automation API v1 dataset operations, through real HTTP against a production server and a real database.
// Every success body is checked against the official OpenAPI document.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody } from "../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../support/fixtures";
import { officialSchemaErrors } from "../support/official-openapi";

const backend = inject("backend");

describe.skipIf(!!backend.skipReason)(`datasets API (${backend.provider})`, () => {
  const admin = apiClient(backend.baseUrl, backend.adminKey);
  const official = (method: string, path: string, status: number | "default", body: unknown) => expect(officialSchemaErrors(method, path, status, body)).toEqual([]);

  describe("create", () => {
    it("creates a dataset (201) that matches the official schema", async () => {
      const id = uniqueName("created");
      const res = await admin.post("/datasets/", {
        dataset_id: id,
        is_restricted: true,
        metadata: { default: { title: { value: "Counties" }, keyword: { value: ["geo", "admin"] }, language: { value: "fr" } } },
        default_security: { is_data_visible: false, visible_fields: ["name"], filter_query: "year!=2022", api_calls_quota: { unit: "day", limit: 100 } },
      });
      expect(res.status).toBe(201);
      official("POST", "/datasets/", 201, res.body);
      expect(res.body).toMatchObject({
        dataset_id: id,
        is_published: false,
        is_restricted: true,
        metadata: { default: { title: { value: "Counties" }, keyword: { value: ["geo", "admin"] }, language: { value: "fr" } } },
        default_security: { is_data_visible: false, visible_fields: ["name"], filter_query: "year!=2022", api_calls_quota: { unit: "day", limit: 100 } },
      });
      expect(res.body.uid).toMatch(/^da_[a-z0-9]{6}$/);
      expect(res.body.created_at).toMatch(/Z$/);
      // `modified` is set at creation
      expect(res.body.metadata.default.modified.value).toBe(res.body.created_at);
      // status, internal owner and search columns never leak into the resource
      expect(Object.keys(res.body).sort()).toEqual(
        ["created_at", "dataset_id", "default_security", "is_published", "is_restricted", "metadata", "uid", "updated_at"].sort(),
      );
    });

    it("fills defaults: unrestricted, visible to all, language en", async () => {
      const res = await admin.post("/datasets/", datasetBody("Defaults"));
      expect(res.status).toBe(201);
      expect(res.body.is_restricted).toBe(false);
      expect(res.body.default_security).toEqual({ is_data_visible: true, visible_fields: null, filter_query: "", api_calls_quota: null });
      expect(res.body.metadata.default.language.value).toBe("en");
    });

    it("derives dataset_id from the title and moves to -1, -2… when taken", async () => {
      const title = `Qualité de l'air ${uniqueName("t")}`;
      const first = await admin.post("/datasets/", datasetBody(title));
      const second = await admin.post("/datasets/", datasetBody(title));
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(first.body.dataset_id).toMatch(/^qualite-de-l-air-t-[0-9a-f]{8}$/);
      expect(second.body.dataset_id).toBe(`${first.body.dataset_id}-1`);
    });

    it("gives distinct identifiers to concurrent creations from the same title", async () => {
      const title = uniqueName("Concurrent");
      const results = await Promise.all(Array.from({ length: 6 }, () => admin.post("/datasets/", datasetBody(title))));
      expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
      expect(new Set(results.map((r) => r.body.dataset_id)).size).toBe(6);
      expect(new Set(results.map((r) => r.body.uid)).size).toBe(6);
    });

    it("refuses a taken dataset_id with a validation error on that field", async () => {
      const id = uniqueName("taken");
      expect((await admin.post("/datasets/", datasetBody("One", { dataset_id: id }))).status).toBe(201);
      const res = await admin.post("/datasets/", datasetBody("Two", { dataset_id: id }));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error_code: "validation_error", detail: { dataset_id: [expect.stringContaining(id)] } });
      official("POST", "/datasets/", 400, res.body);
    });

    it.each([
      ["no body", undefined, "metadata"],
      ["no metadata", { dataset_id: "x" }, "metadata"],
      ["no default template", { metadata: {} }, "metadata.default"],
      ["a blank title", { metadata: { default: { title: { value: "   " } } } }, "metadata.default.title.value"],
      ["a missing title", { metadata: { default: { description: { value: "d" } } } }, "metadata.default.title.value"],
      ["a title that is not text", { metadata: { default: { title: { value: 42 } } } }, "metadata.default.title.value"],
      ["an unknown language", { metadata: { default: { title: { value: "t" }, language: { value: "xx" } } } }, "metadata.default.language.value"],
      ["an unknown default field", { metadata: { default: { title: { value: "t" }, colour: { value: "red" } } } }, "metadata.default.colour"],
      ["a bad modified date", { metadata: { default: { title: { value: "t" }, modified: { value: "yesterday" } } } }, "metadata.default.modified.value"],
      ["an unknown timezone", { metadata: { default: { title: { value: "t" }, timezone: { value: "Mars/Olympus" } } } }, "metadata.default.timezone.value"],
      ["keywords that are not a list", { metadata: { default: { title: { value: "t" }, keyword: { value: "a,b" } } } }, "metadata.default.keyword.value"],
      ["an uppercase dataset_id", { dataset_id: "Bad ID", metadata: { default: { title: { value: "t" } } } }, "dataset_id"],
      ["a path-like dataset_id", { dataset_id: "../etc", metadata: { default: { title: { value: "t" } } } }, "dataset_id"],
      ["a non-boolean is_restricted", { is_restricted: "yes", metadata: { default: { title: { value: "t" } } } }, "is_restricted"],
      ["duplicate visible_fields", { default_security: { visible_fields: ["a", "a"] }, metadata: { default: { title: { value: "t" } } } }, "default_security.visible_fields"],
      ["a bad quota unit", { default_security: { api_calls_quota: { unit: "week", limit: 1 } }, metadata: { default: { title: { value: "t" } } } }, "default_security.api_calls_quota.unit"],
    ])("refuses %s with a field error", async (_case, body, field) => {
      const res = await admin.post("/datasets/", body);
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe("validation_error");
      expect(res.body.message).toEqual(expect.any(String));
      expect(res.body.detail[field]).toEqual([expect.any(String)]);
      official("POST", "/datasets/", 400, res.body);
    });

    it("ignores read-only properties in the body (no mass assignment)", async () => {
      const res = await admin.post("/datasets/", {
        ...datasetBody("Read-only"),
        uid: "da_hacked",
        is_published: true,
        created_at: "2000-01-01T00:00:00Z",
        status: "processing",
      });
      expect(res.status).toBe(201);
      expect(res.body.uid).not.toBe("da_hacked");
      expect(res.body.is_published).toBe(false);
      expect(res.body.created_at).not.toBe("2000-01-01T00:00:00Z");
      expect((await admin.get(`/datasets/${res.body.uid}/status/`)).body.status).toBe("idle");
    });

    it("drops blank optional metadata instead of storing it", async () => {
      const res = await admin.post("/datasets/", {
        metadata: { default: { title: { value: "Blank" }, description: { value: "" }, keyword: { value: [] }, publisher: { value: null } } },
      });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body.metadata.default).sort()).toEqual(["language", "modified", "title"]);
    });

    it("keeps other templates' metadata as given", async () => {
      // custom templates' values are checked against the template (tests/api/dataset-metadata.test.ts has the rules)
      const custom = uniqueName("custom_template");
      await admin.post("/metadata/templates/", { name: custom, title: "Custom", type: "basic", is_active: true, schema: [{ name: "anything", type: "geo_shape" }] });
      const res = await admin.post("/datasets/", {
        metadata: {
          default: { title: { value: "With templates" } },
          internal: { license_id: { value: "odbl" }, draft: { value: true } },
          [custom]: { anything: { value: { type: "Point", coordinates: [1, 2] } } },
        },
      });
      expect(res.status).toBe(201);
      expect(res.body.metadata.internal).toEqual({ license_id: { value: "odbl" }, draft: { value: true } });
      expect(res.body.metadata[custom]).toEqual({ anything: { value: { type: "Point", coordinates: [1, 2] } } });
    });
  });

  describe("bad requests", () => {
    it("answers malformed JSON with 400 bad_request", async () => {
      const res = await admin.request("POST", "/datasets/", { raw: '{"metadata":', headers: { "Content-Type": "application/json" } });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error_code: "bad_request", message: expect.stringContaining("JSON") });
      // the spec's 400 for this operation is the validation shape; a body that is not JSON gets the generic Error
      official("POST", "/datasets/", "default", res.body);
    });

    it("answers a non-JSON body with 415", async () => {
      const res = await admin.request("POST", "/datasets/", { raw: "title=x", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
      expect(res.status).toBe(415);
      expect(res.body.error_code).toBe("unsupported_media_type");
    });

    it("answers an oversized body with 413", async () => {
      const res = await admin.post("/datasets/", datasetBody("x".repeat(10), { metadata: { default: { title: { value: "big" }, description: { value: "x".repeat(1_100_000) } } } }));
      expect(res.status).toBe(413);
      expect(res.body.error_code).toBe("payload_too_large");
    });

    it("answers an unsupported method with 405 and Allow", async () => {
      const res = await admin.request("PATCH", "/datasets/");
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, POST");
      expect(res.body.error_code).toBe("method_not_allowed");
    });

    it("refuses NUL characters everywhere instead of failing in the database", async () => {
      const body = await admin.post("/datasets/", { metadata: { default: { title: { value: "a\u0000b" } } } });
      expect(body.status).toBe(400);
      expect(body.body).toMatchObject({ error_code: "validation_error", detail: { "metadata.default.title.value": [expect.stringContaining("NUL")] } });
      const query = await admin.get("/datasets/?dataset_id=a%00b");
      expect(query.status).toBe(400);
      expect(query.body.error_code).toBe("bad_request");
      expect((await admin.get("/datasets/?search=a%00b")).status).toBe(400);
      expect((await admin.get("/datasets/da%00x/")).status).toBe(404);
    });

    it("answers unknown paths and versions with 404 not_found", async () => {
      const res = await admin.get("/no-such-resource/");
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error_code: "not_found", message: "Not found." });
      const v2 = await apiClient(backend.baseUrl, backend.adminKey, "/api/automation/v2").get("/datasets/");
      expect(v2.status).toBe(404);
    });
  });

  describe("retrieve, list, paths", () => {
    let uid: string;
    let dataset_id: string;
    beforeAll(async () => {
      const res = await admin.post("/datasets/", datasetBody("Retrievable"));
      uid = res.body.uid;
      dataset_id = res.body.dataset_id;
    });

    it("retrieves a dataset (200, official schema) and 404s an unknown one", async () => {
      const res = await admin.get(`/datasets/${uid}/`);
      expect(res.status).toBe(200);
      official("GET", "/datasets/{dataset_uid}/", 200, res.body);
      expect(res.body.uid).toBe(uid);
      const missing = await admin.get("/datasets/da_zzzzzz/");
      expect(missing.status).toBe(404);
      official("PUT", "/datasets/{dataset_uid}/", 404, missing.body);
    });

    it("serves v1 and v1.0, with and without trailing slashes, without redirecting", async () => {
      const v10 = apiClient(backend.baseUrl, backend.adminKey, "/api/automation/v1.0");
      for (const client of [admin, v10]) {
        for (const path of [`/datasets/${uid}/`, `/datasets/${uid}`]) {
          const res = await client.get(path);
          expect(res.status).toBe(200);
          expect(res.body.uid).toBe(uid);
        }
        expect((await client.get("/datasets")).status).toBe(200);
      }
    });

    it("lists with the pagination envelope (official schema)", async () => {
      const res = await admin.get("/datasets/");
      expect(res.status).toBe(200);
      official("GET", "/datasets/", 200, res.body);
      expect(res.body.results.length).toBeLessThanOrEqual(20);
      expect(typeof res.body.total_count).toBe("number");
    });

    it("filters by exact dataset_id", async () => {
      const res = await admin.get(`/datasets/?dataset_id=${dataset_id}`);
      expect(res.body.total_count).toBe(1);
      expect(res.body.results[0].uid).toBe(uid);
      expect((await admin.get(`/datasets/?dataset_id=${dataset_id.slice(0, -1)}`)).body.total_count).toBe(0);
    });

    it("answers limit=0 with the count only", async () => {
      const res = await admin.get("/datasets/?limit=0");
      expect(res.status).toBe(200);
      expect(res.body.results).toEqual([]);
      expect(res.body.total_count).toBeGreaterThan(0);
      expect(res.body.next).toBeNull();
    });

    it("pages with absolute next/previous links that keep the query", async () => {
      const total = (await admin.get("/datasets/?limit=0")).body.total_count as number;
      expect(total).toBeGreaterThan(3);
      const first = await admin.get("/datasets/?limit=2&sort=created_at");
      expect(first.body.previous).toBeNull();
      const next = new URL(first.body.next);
      expect(next.origin).toBe(new URL(backend.baseUrl).origin);
      expect(next.searchParams.get("offset")).toBe("2");
      expect(next.searchParams.get("limit")).toBe("2");
      expect(next.searchParams.get("sort")).toBe("created_at");
      const second = await admin.get(`/datasets/?${next.searchParams}`);
      expect(new URL(second.body.previous).searchParams.get("offset")).toBe("0");
      const firstIds = first.body.results.map((d: { uid: string }) => d.uid);
      const secondIds = second.body.results.map((d: { uid: string }) => d.uid);
      expect(firstIds.filter((id: string) => secondIds.includes(id))).toEqual([]);
      const last = await admin.get(`/datasets/?limit=2&offset=${total - 1}`);
      expect(last.body.results).toHaveLength(1);
      expect(last.body.next).toBeNull();
      const beyond = await admin.get(`/datasets/?limit=2&offset=${total + 10}`);
      expect(beyond.status).toBe(200);
      expect(beyond.body.results).toEqual([]);
    });

    it("accepts limit up to 1000", async () => {
      expect((await admin.get("/datasets/?limit=1000")).status).toBe(200);
    });

    it.each([["limit=1001"], ["limit=-1"], ["limit=abc"], ["offset=-5"], ["offset=1.5"], ["sort=colour"]])("refuses %s with 400 bad_request", async (query) => {
      const res = await admin.get(`/datasets/?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe("bad_request");
      expect(Object.keys(res.body.detail)).toHaveLength(1);
      official("GET", "/datasets/", 400, res.body);
    });

    it("searches title and dataset_id, ignoring case and accents (extension)", async () => {
      const marker = uniqueName("zq");
      await admin.post("/datasets/", datasetBody(`Électricité ${marker}`));
      await admin.post("/datasets/", datasetBody(`Other ${marker}`, { dataset_id: `${marker.replace("_", "-")}-other` }));
      expect((await admin.get(`/datasets/?search=ELECTRICITE%20${marker}`)).body.total_count).toBe(1);
      expect((await admin.get(`/datasets/?search=${marker}`)).body.total_count).toBe(2);
      // punctuation separates words like spaces do; the LIKE wildcards % and _ never act as wildcards
      expect((await admin.get(`/datasets/?search=${encodeURIComponent(marker.replace("_", " "))}`)).body.total_count).toBe(2);
      const [prefix, suffix] = marker.split("_") as [string, string];
      expect((await admin.get(`/datasets/?search=${prefix}_${suffix.slice(0, 2)}_${suffix.slice(3)}`)).body.total_count).toBe(0);
      expect((await admin.get(`/datasets/?search=${prefix}%25${suffix.slice(2)}`)).body.total_count).toBe(0);
    });

    it("sorts by title, both ways (extension)", async () => {
      const marker = uniqueName("sortme");
      for (const t of ["b", "c", "a"]) await admin.post("/datasets/", datasetBody(`${marker} ${t}`));
      const asc = await admin.get(`/datasets/?search=${marker}&sort=title`);
      const desc = await admin.get(`/datasets/?search=${marker}&sort=-title`);
      const titles = (r: typeof asc) => r.body.results.map((d: { metadata: { default: { title: { value: string } } } }) => d.metadata.default.title.value.slice(-1));
      expect(titles(asc)).toEqual(["a", "b", "c"]);
      expect(titles(desc)).toEqual(["c", "b", "a"]);
    });

    it("reports the processing status (official schema)", async () => {
      const res = await admin.get(`/datasets/${uid}/status/`);
      expect(res.status).toBe(200);
      official("GET", "/datasets/{dataset_uid}/status/", 200, res.body);
      expect(res.body).toMatchObject({ status: "idle", previous: null, next: null, is_published: false, message: null, records_errors: [], params: {} });
      expect((await admin.get("/datasets/da_zzzzzz/status/")).status).toBe(404);
    });
  });

  describe("update", () => {
    it("replaces metadata, keeps omitted top-level properties, renames while unpublished", async () => {
      const created = await admin.post("/datasets/", {
        ...datasetBody("Before"),
        is_restricted: true,
        metadata: { default: { title: { value: "Before" }, description: { value: "Old" }, publisher: { value: "P" } } },
      });
      const uid = created.body.uid;
      const newId = uniqueName("renamed").replace("_", "-");
      const res = await admin.put(`/datasets/${uid}/`, { dataset_id: newId, metadata: { default: { title: { value: "After" } } } });
      expect(res.status).toBe(200);
      official("PUT", "/datasets/{dataset_uid}/", 200, res.body);
      expect(res.body.dataset_id).toBe(newId);
      expect(res.body.is_restricted).toBe(true);
      expect(res.body.metadata.default.title.value).toBe("After");
      expect(res.body.metadata.default.description).toBeUndefined();
      expect(res.body.metadata.default.modified.value).toBe(created.body.metadata.default.modified.value);
      expect(new Date(res.body.updated_at).getTime()).toBeGreaterThan(new Date(created.body.updated_at).getTime());
      expect(res.body.created_at).toBe(created.body.created_at);
      const again = await admin.get(`/datasets/${uid}/`);
      expect(again.body).toEqual(res.body);
    });

    it("moves `modified` on metadata changes when the dataset asks for it", async () => {
      const created = await admin.post("/datasets/", {
        metadata: { default: { title: { value: "Tracks changes" }, modified_updates_on_metadata_change: { value: true } } },
      });
      await new Promise((r) => setTimeout(r, 20));
      const res = await admin.put(`/datasets/${created.body.uid}/`, {
        metadata: { default: { ...created.body.metadata.default, title: { value: "Changed" } } },
      });
      expect(res.status).toBe(200);
      expect(new Date(res.body.metadata.default.modified.value).getTime()).toBeGreaterThan(
        new Date(created.body.metadata.default.modified.value).getTime(),
      );
    });

    it("validates the body like create, and 404s unknown datasets", async () => {
      const created = await admin.post("/datasets/", datasetBody("To validate"));
      const res = await admin.put(`/datasets/${created.body.uid}/`, { dataset_id: "" });
      expect(res.status).toBe(400);
      expect(res.body.detail).toHaveProperty("metadata");
      expect(res.body.detail).toHaveProperty("dataset_id");
      expect((await admin.put("/datasets/da_zzzzzz/", datasetBody("x"))).status).toBe(404);
    });

    it("refuses renaming to a taken dataset_id", async () => {
      const a = await admin.post("/datasets/", datasetBody("A"));
      const b = await admin.post("/datasets/", datasetBody("B"));
      const res = await admin.put(`/datasets/${b.body.uid}/`, { dataset_id: a.body.dataset_id, ...datasetBody("B") });
      expect(res.status).toBe(400);
      expect(res.body.detail.dataset_id).toBeDefined();
      expect((await admin.get(`/datasets/${b.body.uid}/`)).body.dataset_id).toBe(b.body.dataset_id);
    });
  });

  describe("delete", () => {
    it("deletes (204, empty body), then 404", async () => {
      const created = await admin.post("/datasets/", datasetBody("Doomed"));
      const res = await admin.delete(`/datasets/${created.body.uid}/`);
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expect((await admin.get(`/datasets/${created.body.uid}/`)).status).toBe(404);
      expect((await admin.delete(`/datasets/${created.body.uid}/`)).status).toBe(404);
    });
  });

  describe("who may do what", () => {
    let contributor: TestUser;
    let otherContributor: TestUser;
    let reviewer: TestUser;
    let editor: TestUser;
    let nobody: TestUser;
    let adminsDataset: string;
    let contributorsDataset: string;

    beforeAll(async () => {
      [contributor, otherContributor, reviewer, editor, nobody] = await Promise.all([
        createTestUser({ prefix: "contrib", permissions: ["create_dataset"] }),
        createTestUser({ prefix: "contrib2", permissions: ["create_dataset"] }),
        createTestUser({ prefix: "reviewer", permissions: ["explore_restricted_dataset"] }),
        createTestUser({ prefix: "editor", permissions: ["edit_dataset"] }),
        createTestUser({ prefix: "nobody", permissions: [] }),
      ]);
      adminsDataset = (await admin.post("/datasets/", datasetBody("Admin's"))).body.uid;
      contributorsDataset = (await apiClient(backend.baseUrl, contributor.apiKey).post("/datasets/", datasetBody("Contributor's"))).body.uid;
    });

    it("lists only what the caller may edit", async () => {
      const mine = await apiClient(backend.baseUrl, contributor.apiKey).get("/datasets/?limit=1000");
      expect(mine.body.results.map((d: { uid: string }) => d.uid)).toEqual([contributorsDataset]);
      expect((await apiClient(backend.baseUrl, otherContributor.apiKey).get("/datasets/")).body.total_count).toBe(0);
      expect((await apiClient(backend.baseUrl, reviewer.apiKey).get("/datasets/")).body.total_count).toBe(0);
      expect((await apiClient(backend.baseUrl, nobody.apiKey).get("/datasets/")).body.total_count).toBe(0);
      const all = (await admin.get("/datasets/?limit=0")).body.total_count;
      expect((await apiClient(backend.baseUrl, editor.apiKey).get("/datasets/?limit=0")).body.total_count).toBe(all);
    });

    it("?right=view (extension) also lists what the caller may only look at: a reviewer's datasets", async () => {
      const all = (await admin.get("/datasets/?limit=0")).body.total_count;
      expect((await apiClient(backend.baseUrl, reviewer.apiKey).get("/datasets/?limit=0&right=view")).body.total_count).toBe(all);
      const mine = await apiClient(backend.baseUrl, contributor.apiKey).get("/datasets/?limit=1000&right=view");
      expect(mine.body.results.map((d: { uid: string }) => d.uid)).toEqual([contributorsDataset]);
      expect((await apiClient(backend.baseUrl, nobody.apiKey).get("/datasets/?right=view")).body.total_count).toBe(0);
      expect((await admin.get("/datasets/?right=everything")).status).toBe(400);
    });

    it("hides other people's datasets from a contributor (404, not 403)", async () => {
      const other = apiClient(backend.baseUrl, otherContributor.apiKey);
      expect((await other.get(`/datasets/${contributorsDataset}/`)).status).toBe(404);
      expect((await other.put(`/datasets/${contributorsDataset}/`, datasetBody("Hijack"))).status).toBe(404);
      expect((await other.delete(`/datasets/${contributorsDataset}/`)).status).toBe(404);
      expect((await other.get(`/datasets/${contributorsDataset}/status/`)).status).toBe(404);
      expect((await admin.get(`/datasets/${contributorsDataset}/`)).body.metadata.default.title.value).toBe("Contributor's");
    });

    it("lets a contributor change and delete their own dataset only", async () => {
      const client = apiClient(backend.baseUrl, contributor.apiKey);
      expect((await client.put(`/datasets/${contributorsDataset}/`, datasetBody("Mine, renamed"))).status).toBe(200);
      expect((await client.put(`/datasets/${adminsDataset}/`, datasetBody("Not mine"))).status).toBe(404);
      const own = await client.post("/datasets/", datasetBody("Mine to delete"));
      expect((await client.delete(`/datasets/${own.body.uid}/`)).status).toBe(204);
    });

    it("lets a reviewer read any dataset and change none (403)", async () => {
      const client = apiClient(backend.baseUrl, reviewer.apiKey);
      expect((await client.get(`/datasets/${adminsDataset}/`)).status).toBe(200);
      expect((await client.get(`/datasets/${adminsDataset}/status/`)).status).toBe(200);
      const put = await client.put(`/datasets/${adminsDataset}/`, datasetBody("Reviewed"));
      expect(put.status).toBe(403);
      expect(put.body.error_code).toBe("forbidden");
      expect((await client.delete(`/datasets/${adminsDataset}/`)).status).toBe(403);
      expect((await client.post("/datasets/", datasetBody("Review"))).status).toBe(403);
      expect((await admin.get(`/datasets/${adminsDataset}/`)).body.metadata.default.title.value).toBe("Admin's");
    });

    it("lets an editor (edit_dataset) change any dataset but not delete it (manage_dataset)", async () => {
      const client = apiClient(backend.baseUrl, editor.apiKey);
      expect((await client.put(`/datasets/${adminsDataset}/`, datasetBody("Edited by editor"))).status).toBe(200);
      expect((await client.delete(`/datasets/${adminsDataset}/`)).status).toBe(403);
      expect((await client.post("/datasets/", datasetBody("Editor creates"))).status).toBe(403);
    });

    it("gives a user without dataset permissions nothing", async () => {
      const client = apiClient(backend.baseUrl, nobody.apiKey);
      expect((await client.get(`/datasets/${adminsDataset}/`)).status).toBe(404);
      expect((await client.post("/datasets/", datasetBody("x"))).status).toBe(403);
    });
  });
});
