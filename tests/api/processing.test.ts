// Processors, field configurations and the per-step processing preview, through real HTTP on a real database.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody } from "../support/api-client";
import { createTestUser, type TestUser } from "../support/fixtures";
import { officialSchemaErrors } from "../support/official-openapi";

const backend = inject("backend");

const CSV = ["code;commune;population;date_maj", ...Array.from({ length: 25 }, (_, i) => `${75001 + i};Paris ${i + 1}e arrondissement;${i % 7 === 0 ? "n/a" : `${1000 + i},5`};${String((i % 28) + 1).padStart(2, "0")}/03/2024`)].join("\n") + "\n";

async function upload(dataset_uid: string, content: string, filename: string) {
  const form = new FormData();
  form.append("file", new Blob([content], { type: "text/csv" }), filename);
  const response = await fetch(`${backend.baseUrl}/api/automation/v1/datasets/${dataset_uid}/resources/files/`, {
    method: "POST",
    headers: { Authorization: `Apikey ${backend.adminKey}` },
    body: form,
  });
  return (await response.json()) as { uid: string };
}

describe.skipIf(!!backend.skipReason)(`processing API (${backend.provider})`, () => {
  const admin = apiClient(backend.baseUrl, backend.adminKey);
  const official = (method: string, path: string, status: number | "default", body: unknown) => expect(officialSchemaErrors(method, path, status, body)).toEqual([]);
  let dataset_uid: string;
  let empty_uid: string;

  beforeAll(async () => {
    dataset_uid = (await admin.post("/datasets/", datasetBody("Processing under test"))).body.uid;
    empty_uid = (await admin.post("/datasets/", datasetBody("No resource yet"))).body.uid;
    const file = await upload(dataset_uid, CSV, "communes.csv");
    const resource = await admin.post(`/datasets/${dataset_uid}/resources/`, { type: "csvfile", title: "Communes", datasource: { type: "uploaded_file", file: { uid: file.uid } } });
    expect(resource.status).toBe(201);
  });

  it("lists the processor types with their parameters", async () => {
    const res = await admin.get("/processors/");
    expect(res.status).toBe(200);
    official("GET", "/processors/", 200, res.body);
    const types = res.body.map((p: { type: string }) => p.type);
    expect(types).toEqual(expect.arrayContaining(["string_replace", "regexp_replace", "normalize_number", "parse_date", "expression", "skip_records", "geo_point_from_lat_lon"]));
    const replace = res.body.find((p: { type: string }) => p.type === "string_replace");
    expect(replace.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["field", "old", "new"]));
  });

  describe("the processor stack", () => {
    const uids: string[] = [];

    it("appends processors and lists them in application order", async () => {
      const first = await admin.post(`/datasets/${dataset_uid}/processors/`, { type: "string_replace", label: "Short names", field: "commune", old: " arrondissement", new: "" });
      expect(first.status).toBe(201);
      official("POST", "/datasets/{dataset_uid}/processors/", 201, first.body);
      expect(first.body).toMatchObject({ type: "string_replace", label: "Short names", field: "commune", old: " arrondissement", new: "" });
      expect(first.body.uid).toMatch(/^pr_[a-z0-9]{6}$/);
      uids.push(first.body.uid);
      const second = await admin.post(`/datasets/${dataset_uid}/processors/`, { type: "normalize_number", label: "Population", field: "population", decimal_separator: "," });
      expect(second.status).toBe(201);
      uids.push(second.body.uid);
      const third = await admin.post(`/datasets/${dataset_uid}/processors/`, { type: "parse_date", label: "Update date", field: "date_maj", format: "dd/MM/yyyy", timezone: "Europe/Paris", output: "date" });
      expect(third.status).toBe(201);
      uids.push(third.body.uid);

      const list = await admin.get(`/datasets/${dataset_uid}/processors/`);
      expect(list.status).toBe(200);
      official("GET", "/datasets/{dataset_uid}/processors/", 200, list.body);
      expect(list.body.results.map((p: { uid: string }) => p.uid)).toEqual(uids);
      const one = await admin.get(`/datasets/${dataset_uid}/processors/${uids[0]}/`);
      official("GET", "/datasets/{dataset_uid}/processors/{processor_uid}/", 200, one.body);
    });

    it("previews the records after each step, with record errors counted", async () => {
      const res = await admin.post(`/datasets/${dataset_uid}/processing/preview/`, {});
      expect(res.status).toBe(200);
      expect(res.body.source.records[0].commune).toBe("Paris 1e arrondissement");
      expect(res.body.steps).toHaveLength(3);
      expect(res.body.steps[0].records[0].commune).toBe("Paris 1e");
      expect(res.body.steps[0].uid).toBe(uids[0]);
      // "n/a" cannot be a number: a record error, not a failed preview
      expect(res.body.steps[1].records[1].population).toBe(1001.5);
      expect(res.body.steps[1].error_count).toBeGreaterThan(0);
      expect(res.body.steps[1].errors[0].message).toMatch(/n\/a/);
      expect(res.body.steps[2].records[0].date_maj).toBe("2024-03-01");
      expect(res.body.result.records).toHaveLength(20);
    });

    it("updates a step, and refuses invalid parameters field by field", async () => {
      const updated = await admin.put(`/datasets/${dataset_uid}/processors/${uids[0]}/`, { type: "string_replace", label: "Shorter names", field: "commune", old: " arrondissement", new: " arr." });
      expect(updated.status).toBe(200);
      official("PUT", "/datasets/{dataset_uid}/processors/{processor_uid}/", 200, updated.body);
      expect(updated.body.new).toBe(" arr.");

      const badRegexp = await admin.post(`/datasets/${dataset_uid}/processors/`, { type: "regexp_replace", label: "Backreference", field: "commune", regexp: "(a)\\1", replacement: "" });
      expect(badRegexp.status).toBe(400);
      expect(badRegexp.body.error_code).toBe("validation_error");
      expect(Object.keys(badRegexp.body.detail)).toContain("regexp");

      const unknownType = await admin.post(`/datasets/${dataset_uid}/processors/`, { type: "run_shell", label: "Nope" });
      expect(unknownType.status).toBe(400);
      expect(Object.keys(unknownType.body.detail)).toContain("type");
      const noLabel = await admin.post(`/datasets/${dataset_uid}/processors/`, { type: "string_replace", field: "x", old: "a", new: "b" });
      expect(noLabel.status).toBe(400);
      expect(Object.keys(noLabel.body.detail)).toContain("label");
      // nothing half-written: the stack is unchanged
      expect((await admin.get(`/datasets/${dataset_uid}/processors/`)).body.total_count).toBe(3);
    });

    it("tries an unsaved stack without saving it", async () => {
      const res = await admin.post(`/datasets/${dataset_uid}/processing/preview/`, {
        processors: [{ type: "skip_records", label: "Only 1st to 5th", field: "code", operator: "greater_than", value: "75005" }],
      });
      expect(res.status).toBe(200);
      expect(res.body.steps[0].uid).toBeNull();
      expect(res.body.steps[0].skipped).toBe(15);
      expect(res.body.result.records).toHaveLength(5);
      expect((await admin.get(`/datasets/${dataset_uid}/processors/`)).body.total_count).toBe(3);
    });

    it("reorders the stack in one request, and refuses an incomplete order", async () => {
      const reversed = [...uids].reverse();
      const res = await admin.post(`/datasets/${dataset_uid}/processors/reorder/`, { uids: reversed });
      expect(res.status).toBe(200);
      expect(res.body.map((p: { uid: string }) => p.uid)).toEqual(reversed);
      expect((await admin.get(`/datasets/${dataset_uid}/processors/`)).body.results.map((p: { uid: string }) => p.uid)).toEqual(reversed);
      const partial = await admin.post(`/datasets/${dataset_uid}/processors/reorder/`, { uids: reversed.slice(1) });
      expect(partial.status).toBe(400);
      expect(partial.body.detail.uids).toBeDefined();
    });

    it("deletes a step (204), then answers 404 for it", async () => {
      expect((await admin.delete(`/datasets/${dataset_uid}/processors/${uids[2]}/`)).status).toBe(204);
      expect((await admin.get(`/datasets/${dataset_uid}/processors/${uids[2]}/`)).status).toBe(404);
      expect((await admin.delete(`/datasets/${dataset_uid}/processors/${uids[2]}/`)).status).toBe(404);
    });
  });

  describe("field configurations", () => {
    let rename_uid: string;

    it("creates each kind, lists them in order, and applies them in the preview", async () => {
      const items = [
        { type: "rename", label: "Postal code", from_name: "code", to_name: "code_postal", field_label: "Code postal" },
        { type: "type", label: "Population is a number", field: "population", type_param: "double" },
        { type: "annotate", label: "Facet on commune", field: "commune", annotation: "sortable" },
        { type: "description", label: "Describe population", field: "population", description: "Residents at the last census" },
        { type: "order", label: "Order", args: ["commune", "code_postal"] },
        { type: "delete", label: "No update date", field: "date_maj" },
      ];
      const created = [];
      for (const item of items) {
        const res = await admin.post(`/datasets/${dataset_uid}/fields/`, item);
        expect(res.status, item.type).toBe(201);
        official("POST", "/datasets/{dataset_uid}/fields/", 201, res.body);
        expect(res.body).toMatchObject(item);
        created.push(res.body.uid);
      }
      rename_uid = created[0]!;
      const list = await admin.get(`/datasets/${dataset_uid}/fields/`);
      expect(list.status).toBe(200);
      official("GET", "/datasets/{dataset_uid}/fields/", 200, list.body);
      expect(list.body.results.map((f: { uid: string }) => f.uid)).toEqual(created);

      const preview = await admin.post(`/datasets/${dataset_uid}/processing/preview/`, {});
      expect(preview.status).toBe(200);
      const fields = preview.body.result.fields;
      expect(fields.map((f: { name: string }) => f.name)).toEqual(["commune", "code_postal", "population"]);
      expect(fields.find((f: { name: string }) => f.name === "code_postal").label).toBe("Code postal");
      expect(fields.find((f: { name: string }) => f.name === "population")).toMatchObject({ type: "double", description: "Residents at the last census" });
      expect(preview.body.result.records[1]).toEqual({ commune: "Paris 2e arr.", code_postal: 75002, population: 1001.5 });
    });

    it("validates field configurations", async () => {
      const cases = [
        { type: "rename", label: "x", from_name: "code" },
        { type: "type", label: "x", field: "a", type_param: "money" },
        { type: "annotate", label: "x", field: "a", annotation: "decimals", args: ["many"] },
        { type: "rename", label: "x", from_name: "code", to_name: "Not A Name!", field_label: "y" },
        { type: "explode", label: "x" },
        { type: "delete", label: "x", field: "a", extra: true },
      ];
      for (const body of cases) {
        const res = await admin.post(`/datasets/${dataset_uid}/fields/`, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error_code).toBe("validation_error");
        expect(Object.keys(res.body.detail).length, JSON.stringify(body)).toBeGreaterThan(0);
      }
    });

    it("updates and deletes a configuration", async () => {
      const res = await admin.put(`/datasets/${dataset_uid}/fields/${rename_uid}/`, { type: "rename", label: "Postal code", from_name: "code", to_name: "cp", field_label: "CP" });
      expect(res.status).toBe(200);
      official("PUT", "/datasets/{dataset_uid}/fields/{field_uid}/", 200, res.body);
      expect((await admin.delete(`/datasets/${dataset_uid}/fields/${rename_uid}/`)).status).toBe(204);
      expect((await admin.get(`/datasets/${dataset_uid}/fields/${rename_uid}/`)).status).toBe(404);
    });
  });

  it("explains that a preview needs a resource", async () => {
    const res = await admin.post(`/datasets/${empty_uid}/processing/preview/`, {});
    expect(res.status).toBe(400);
    expect(res.body.detail.resource_uid[0]).toMatch(/resource/);
  });

  describe("who may do what", () => {
    let reviewer: TestUser;
    let stranger: TestUser;
    beforeAll(async () => {
      reviewer = await createTestUser({ prefix: "reviewer", permissions: ["explore_restricted_dataset"] });
      stranger = await createTestUser({ prefix: "stranger", permissions: ["create_dataset"] });
    });

    it("lets a reviewer read the stack, the fields and the preview, and nothing more", async () => {
      const client = apiClient(backend.baseUrl, reviewer.apiKey);
      expect((await client.get(`/datasets/${dataset_uid}/processors/`)).status).toBe(200);
      expect((await client.get(`/datasets/${dataset_uid}/fields/`)).status).toBe(200);
      expect((await client.post(`/datasets/${dataset_uid}/processing/preview/`, {})).status).toBe(200);
      const stack = (await admin.get(`/datasets/${dataset_uid}/processors/`)).body.results;
      const attempts = [
        await client.post(`/datasets/${dataset_uid}/processors/`, { type: "string_replace", label: "x", field: "a", old: "b", new: "c" }),
        await client.put(`/datasets/${dataset_uid}/processors/${stack[0].uid}/`, { type: "string_replace", label: "x", field: "a", old: "b", new: "c" }),
        await client.delete(`/datasets/${dataset_uid}/processors/${stack[0].uid}/`),
        await client.post(`/datasets/${dataset_uid}/processors/reorder/`, { uids: stack.map((p: { uid: string }) => p.uid) }),
        await client.post(`/datasets/${dataset_uid}/fields/`, { type: "delete", label: "x", field: "a" }),
      ];
      for (const res of attempts) expect(res.status).toBe(403);
    });

    it("hides another user's dataset (404) and refuses anonymous requests (401)", async () => {
      const client = apiClient(backend.baseUrl, stranger.apiKey);
      expect((await client.get(`/datasets/${dataset_uid}/processors/`)).status).toBe(404);
      expect((await client.post(`/datasets/${dataset_uid}/processing/preview/`, {})).status).toBe(404);
      expect((await apiClient(backend.baseUrl).get("/processors/")).status).toBe(401);
    });
  });
});
