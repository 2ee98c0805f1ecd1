// Publishing through real HTTP on a real database: the actions of API-CONTRACT.md §2.1 and the status machine of
// §3.5 (publish, publish_metadata, abort, unpublish, status, publish jobs, the live status), and what Explore
// serves before, during and after each of them.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../support/fixtures";
import { officialSchemaErrors } from "../support/official-openapi";
import { publishingHelpers, versionedCsv } from "../support/publishing";
import { UPLOAD_LIMIT_FOR_TESTS } from "./setup/backend";

const backend = inject("backend");

// Every 7th population is "n/a": a type conversion error on that record, never a failed publish.
const COMMUNES = 25;
const NA_ROWS = Array.from({ length: COMMUNES }, (_, i) => i).filter((i) => i % 7 === 0).length;
const CSV = ["code;commune;population", ...Array.from({ length: COMMUNES }, (_, i) => `${75001 + i};Paris ${i + 1}e arrondissement;${i % 7 === 0 ? "n/a" : 1000 + i}`)].join("\n") + "\n";

// Big enough that a publish is still running when the test reacts to its progress (~7 MB, under the test
// server's upload limit), small enough to stay quick. Built once for the file.
const BIG_ROWS = 330_000;
const BIG_CSV = versionedCsv("v2", BIG_ROWS);
const SMALL_ROWS = 12;

const BUSY_MESSAGE = /^Invalid precondition, dataset status is '(queued|processing)' but must be one of 'idle', 'error', 'limit_reached'$/;

describe.skipIf(!!backend.skipReason)(`publishing API (${backend.provider})`, () => {
  const h = publishingHelpers(backend.baseUrl, backend.adminKey);
  const admin = h.admin;
  const explore = apiClient(backend.baseUrl, undefined, "/api/explore/v2.1");
  const official = (method: string, path: string, status: number | "default", body: unknown) => expect(officialSchemaErrors(method, path, status, body)).toEqual([]);
  let communes: { uid: string; dataset_id: string };

  beforeAll(async () => {
    expect(Buffer.byteLength(BIG_CSV)).toBeLessThan(UPLOAD_LIMIT_FOR_TESTS);
    communes = await h.createDataset("Communes to publish", { dataset_id: uniqueName("communes") });
    await h.addCsvResource(communes.uid, CSV, "communes.csv");
    const steps = [
      await admin.post(`/datasets/${communes.uid}/processors/`, { type: "string_replace", label: "Short names", field: "commune", old: " arrondissement", new: "" }),
      await admin.post(`/datasets/${communes.uid}/fields/`, { type: "rename", label: "Postal code", from_name: "code", to_name: "code_postal", field_label: "Code postal" }),
      await admin.post(`/datasets/${communes.uid}/fields/`, { type: "type", label: "Population is an integer", field: "population", type_param: "int" }),
    ];
    for (const step of steps) expect(step.status, step.text).toBe(201);
  });

  describe("publish", () => {
    it("queues the publish, runs it in the background and ends idle and published", async () => {
      const before = await h.status(communes.uid);
      official("GET", "/datasets/{dataset_uid}/status/", 200, before);
      expect(before).toMatchObject({ status: "idle", is_published: false, records_errors: [] });

      const res = await h.action(communes.uid, "publish");
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({ detail: "ok" });
      official("POST", "/datasets/{dataset_uid}/publish/", 200, res.body);
      // Where it is right now depends on the worker's speed; it is never at rest before the job ran.
      expect(["queued", "processing", "idle"]).toContain((await h.status(communes.uid)).status);

      const after = await h.settled(communes.uid);
      // (records_errors are checked against the official schema apart, below)
      official("GET", "/datasets/{dataset_uid}/status/", 200, { ...after, records_errors: [] });
      expect(after).toMatchObject({ status: "idle", previous: "processing", next: null, is_published: true, message: null });
      expect(Date.parse(after.since)).toBeGreaterThanOrEqual(Date.parse(before.since));

      const [job] = await h.jobs(communes.uid);
      expect(job).toMatchObject({ function: "publish", state: "succeeded", records_done: COMMUNES, errors_count: NA_ROWS, message: null });
    });

    it("serves the records through the processor stack and the field configurations", async () => {
      const dataset = await explore.get(`/catalog/datasets/${communes.dataset_id}/`);
      expect(dataset.status, dataset.text).toBe(200);
      expect(dataset.body.fields.map((f: { name: string; type: string }) => [f.name, f.type])).toEqual([
        ["code_postal", "int"],
        ["commune", "text"],
        ["population", "int"],
      ]);
      expect(dataset.body.fields[0].label).toBe("Code postal");
      expect(dataset.body.metas.default.records_count).toBe(COMMUNES);

      const records = await explore.get(`/catalog/datasets/${communes.dataset_id}/records/?order_by=code_postal&limit=3`);
      expect(records.status, records.text).toBe(200);
      expect(records.body.total_count).toBe(COMMUNES);
      for (const record of records.body.results) expect(record._id).toMatch(/^[0-9a-f]{40}$/);
      expect(records.body.results.map(({ _id, ...rest }: Record<string, unknown>) => rest)).toEqual([
        { code_postal: 75001, commune: "Paris 1e", population: null },
        { code_postal: 75002, commune: "Paris 2e", population: 1001 },
        { code_postal: 75003, commune: "Paris 3e", population: 1002 },
      ]);
    });

    it("lists each bad value in records_errors, pointing at the record, without failing the job", async () => {
      const status = await h.status(communes.uid);
      expect(status.records_errors).toHaveLength(NA_ROWS);
      for (const error of status.records_errors) {
        expect(error.record_id).toMatch(/^[0-9a-f]{40}$/);
        expect(error.message).toMatch(/"n\/a" is not a valid int/);
      }
      const record = await explore.get(`/catalog/datasets/${communes.dataset_id}/records/${status.records_errors[0]!.record_id}/`);
      expect(record.status, record.text).toBe(200);
      expect(record.body.population).toBeNull();
    });

    // A conversion error names the field (fields have no uid); a processor error names the processor.
    it("reports records_errors in the official shape", async () => {
      const status = await h.status(communes.uid);
      expect(status.records_errors.length).toBeGreaterThan(0);
      expect(status.records_errors[0]).toMatchObject({ field_uid: expect.any(String), message: expect.any(String) });
      official("GET", "/datasets/{dataset_uid}/status/", 200, status);
    });

    it("shows the live status as a JSON snapshot, and as server-sent events on request", async () => {
      const snapshot = await admin.get(`/datasets/${communes.uid}/status/live/`);
      expect(snapshot.status, snapshot.text).toBe(200);
      expect(snapshot.body.status).toMatchObject({ status: "idle", is_published: true });
      expect(snapshot.body.job).toMatchObject({ function: "publish", state: "succeeded", records_done: COMMUNES });

      const controller = new AbortController();
      const response = await fetch(`${backend.baseUrl}/api/automation/v1.0/datasets/${communes.uid}/status/live/`, {
        headers: { Authorization: `Apikey ${backend.adminKey}`, Accept: "text/event-stream" },
        signal: controller.signal,
      });
      try {
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let text = "";
        while (!/^event: status$/m.test(text) || !text.includes("\n\n", text.indexOf("event: status"))) {
          const { value, done } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
        expect(text).toMatch(/^event: status$/m);
        const data = /^event: status\ndata: (.*)$/m.exec(text)![1]!;
        expect(JSON.parse(data).status).toMatchObject({ status: "idle", is_published: true });
      } finally {
        controller.abort();
      }
    });

    it("refuses a publish of a dataset without a resource (400 validation_error)", async () => {
      const empty = await h.createDataset("Nothing to publish");
      const res = await h.action(empty.uid, "publish");
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe("validation_error");
      expect(res.body.message).toMatch(/resource/);
      official("POST", "/datasets/{dataset_uid}/publish/", "default", res.body);
      expect((await h.status(empty.uid)).status).toBe("idle");
      expect(await h.jobs(empty.uid)).toEqual([]);
    });
  });

  describe("refused transitions", () => {
    it("refuses an abort when nothing runs", async () => {
      const res = await h.action(communes.uid, "abort");
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error_code: "invalid_dataset_status", message: "Invalid precondition, dataset status is 'idle' but must be one of 'queued', 'processing'" });
      official("POST", "/datasets/{dataset_uid}/abort/", 400, res.body);
    });

    it("refuses an unpublish of a dataset that is not published", async () => {
      const draft = await h.createDataset("Never published");
      await h.addCsvResource(draft.uid, versionedCsv("v1", 3));
      const res = await h.action(draft.uid, "unpublish");
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe("invalid_dataset_status");
      expect(res.body.message).toMatch(/not published/);
      official("POST", "/datasets/{dataset_uid}/unpublish/", 400, res.body);
      expect(await h.status(draft.uid)).toMatchObject({ status: "idle", is_published: false });
    });
  });

  describe("abort", () => {
    let big: { uid: string; dataset_id: string };
    let resource_uid: string;
    const v1Labels = Array.from({ length: SMALL_ROWS }, (_, i) => `v1-${i + 1}`);
    const labels = async () => {
      const res = await explore.get(`/catalog/datasets/${big.dataset_id}/records/?select=label&order_by=id&limit=100`);
      expect(res.status, res.text).toBe(200);
      return { total: res.body.total_count as number, labels: res.body.results.map((r: { label: string }) => r.label) };
    };

    beforeAll(async () => {
      big = await h.createDataset("Aborted publish", { dataset_id: uniqueName("aborted") });
      resource_uid = await h.addCsvResource(big.uid, versionedCsv("v1", SMALL_ROWS), "v1.csv");
      expect((await h.publishAndWait(big.uid)).status).toBe("idle");
      await h.replaceResourceFile(big.uid, resource_uid, BIG_CSV, "v2.csv");
    });

    it("refuses every other action while a publish is queued or running, then aborts it and keeps the previous records", async () => {
      expect(await labels()).toEqual({ total: SMALL_ROWS, labels: v1Labels });

      expect((await h.action(big.uid, "publish")).status).toBe(200);
      for (const fn of ["publish", "publish_metadata", "unpublish"] as const) {
        const res = await h.action(big.uid, fn);
        expect(res.status, fn).toBe(400);
        expect(res.body.error_code).toBe("invalid_dataset_status");
        expect(res.body.message).toMatch(BUSY_MESSAGE);
        official("POST", `/datasets/{dataset_uid}/${fn}/`, 400, res.body);
      }

      const running = await h.runningWithRecords(big.uid);
      expect(running.state, "the publish ended before the test could abort it: make BIG_ROWS larger").toBe("running");
      expect((await h.status(big.uid)).status).toBe("processing");
      // Records being built are not served: Explore still answers the published version.
      expect(await labels()).toEqual({ total: SMALL_ROWS, labels: v1Labels });

      const abort = await h.action(big.uid, "abort");
      expect(abort.status, abort.text).toBe(200);
      official("POST", "/datasets/{dataset_uid}/abort/", 200, abort.body);
      expect(["aborting_processing", "idle"]).toContain((await h.status(big.uid)).status);

      const settled = await h.settled(big.uid);
      expect(settled).toMatchObject({ status: "idle", is_published: true, message: null });
      const [job] = await h.jobs(big.uid);
      expect(job).toMatchObject({ uid: running.uid, function: "publish", state: "aborted" });
      expect(job!.records_done).toBeLessThan(BIG_ROWS);
      expect(await labels()).toEqual({ total: SMALL_ROWS, labels: v1Labels });
      const dataset = await explore.get(`/catalog/datasets/${big.dataset_id}/`);
      expect(dataset.body.metas.default.records_count).toBe(SMALL_ROWS);
    });
  });

  describe("unpublish and publish_metadata", () => {
    it("unpublishes (Explore answers 404), and a new publish brings the dataset back", async () => {
      const res = await h.action(communes.uid, "unpublish");
      expect(res.status, res.text).toBe(200);
      official("POST", "/datasets/{dataset_uid}/unpublish/", 200, res.body);
      const settled = await h.settled(communes.uid);
      expect(settled).toMatchObject({ status: "idle", previous: "deleting", is_published: false, records_errors: [] });
      expect((await explore.get(`/catalog/datasets/${communes.dataset_id}/`)).status).toBe(404);
      const records = await explore.get(`/catalog/datasets/${communes.dataset_id}/records/`);
      expect(records.status).toBe(404);
      expect(records.body.error_code).toBeDefined();
      const catalog = await explore.get(`/catalog/datasets/?where=${encodeURIComponent(`dataset_id = "${communes.dataset_id}"`)}`);
      expect(catalog.body.total_count).toBe(0);
      expect((await admin.get(`/datasets/${communes.uid}/`)).body.is_published).toBe(false);

      expect((await h.publishAndWait(communes.uid)).is_published).toBe(true);
      const back = await explore.get(`/catalog/datasets/${communes.dataset_id}/records/?limit=0`);
      expect(back.status).toBe(200);
      expect(back.body.total_count).toBe(COMMUNES);
      expect((await admin.get(`/datasets/${communes.uid}/`)).body.is_published).toBe(true);
    });

    it("publishes new metadata without touching the records", async () => {
      const recordsBefore = (await explore.get(`/catalog/datasets/${communes.dataset_id}/records/?order_by=code_postal&limit=100`)).body;
      const metasBefore = (await explore.get(`/catalog/datasets/${communes.dataset_id}/`)).body.metas.default;
      expect(metasBefore.title).toBe("Communes to publish");

      const edit = await admin.put(`/datasets/${communes.uid}/`, { metadata: { default: { title: { value: "Communes, retitled" } } } });
      expect(edit.status, edit.text).toBe(200);
      // Metadata edits reach Explore only when published.
      expect((await explore.get(`/catalog/datasets/${communes.dataset_id}/`)).body.metas.default.title).toBe("Communes to publish");

      const res = await h.action(communes.uid, "publish_metadata");
      expect(res.status, res.text).toBe(200);
      official("POST", "/datasets/{dataset_uid}/publish_metadata/", 200, res.body);
      expect(await h.settled(communes.uid)).toMatchObject({ status: "idle", is_published: true });
      expect((await h.jobs(communes.uid))[0]).toMatchObject({ function: "publish_metadata", state: "succeeded" });

      const metasAfter = (await explore.get(`/catalog/datasets/${communes.dataset_id}/`)).body.metas.default;
      expect(metasAfter.title).toBe("Communes, retitled");
      expect(metasAfter.data_processed).toBe(metasBefore.data_processed);
      expect(Date.parse(metasAfter.metadata_processed)).toBeGreaterThan(Date.parse(metasBefore.metadata_processed));
      expect(metasAfter.records_count).toBe(COMMUNES);
      expect((await explore.get(`/catalog/datasets/${communes.dataset_id}/records/?order_by=code_postal&limit=100`)).body).toEqual(recordsBefore);
    });
  });

  describe("who may do what", () => {
    let reviewer: TestUser;
    let stranger: TestUser;
    beforeAll(async () => {
      reviewer = await createTestUser({ prefix: "reviewer", permissions: ["explore_restricted_dataset"] });
      stranger = await createTestUser({ prefix: "stranger", permissions: ["create_dataset"] });
    });

    it("lets a reviewer watch the status and the jobs, not act (403)", async () => {
      const client = apiClient(backend.baseUrl, reviewer.apiKey);
      expect((await client.get(`/datasets/${communes.uid}/status/`)).status).toBe(200);
      expect((await client.get(`/datasets/${communes.uid}/publish_jobs/`)).status).toBe(200);
      expect((await client.get(`/datasets/${communes.uid}/status/live/`)).status).toBe(200);
      for (const fn of ["publish", "publish_metadata", "abort", "unpublish"]) {
        const res = await client.post(`/datasets/${communes.uid}/${fn}/`);
        expect(res.status, fn).toBe(403);
      }
      expect(await h.status(communes.uid)).toMatchObject({ status: "idle", is_published: true });
    });

    it("hides the dataset from a user without any right on it (404) and refuses anonymous calls (401)", async () => {
      const client = apiClient(backend.baseUrl, stranger.apiKey);
      const anonymous = apiClient(backend.baseUrl);
      for (const fn of ["publish", "publish_metadata", "abort", "unpublish"]) {
        const res = await client.post(`/datasets/${communes.uid}/${fn}/`);
        expect(res.status, fn).toBe(404);
        official("POST", `/datasets/{dataset_uid}/${fn}/`, 404, res.body);
        expect((await anonymous.post(`/datasets/${communes.uid}/${fn}/`)).status, fn).toBe(401);
      }
      expect((await client.get(`/datasets/${communes.uid}/status/`)).status).toBe(404);
      expect((await client.get(`/datasets/${communes.uid}/publish_jobs/`)).status).toBe(404);
      expect((await client.get(`/datasets/${communes.uid}/status/live/`)).status).toBe(404);
      expect((await anonymous.get(`/datasets/${communes.uid}/status/`)).status).toBe(401);
      expect((await admin.post("/datasets/da_zzzzzz/publish/")).status).toBe(404);
    });
  });
});
