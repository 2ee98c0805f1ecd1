// Management API v2 — who may call it (HTTP Basic with the sign-in throttle, API keys) and the caller's jobs
// (API-CONTRACT.md §1.2, §4.1): GET /jobs lists only one's own jobs, newest first; anyone else's is not found.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../../support/fixtures";
import { publishingHelpers, versionedCsv } from "../../support/publishing";
import { BASE, basic, basicClient, expectV2Error, freshAddress, jobEnded, keyClient, ownDocumentValidator, userClient } from "./support";

const backend = inject("backend");
// proxy mode: the upstream knows keys, not passwords, so HTTP Basic is refused there (with a message saying so)
const proxy = !!backend.proxy;

describe.skipIf(!!backend.skipReason)(`Management API v2 authentication and jobs (${backend.provider})`, () => {
  const h = publishingHelpers(backend.baseUrl, backend.adminKey);
  const anonymous = apiClient(backend.baseUrl, undefined, BASE);
  let publisher: TestUser;
  let other: TestUser;
  let reviewer: TestUser;
  let dataset: { uid: string; dataset_id: string };
  let validator: Awaited<ReturnType<typeof ownDocumentValidator>>;

  beforeAll(async () => {
    const rights = ["create_dataset", "edit_dataset", "publish_dataset", "manage_dataset"] as const;
    publisher = await createTestUser({ prefix: "v2jobs", permissions: [...rights] });
    other = await createTestUser({ prefix: "v2other", permissions: [...rights] });
    reviewer = await createTestUser({ prefix: "v2rev", permissions: ["explore_restricted_dataset"] });
    dataset = await h.createDataset("v2 jobs", { dataset_id: uniqueName("v2jobs") });
    await h.addCsvResource(dataset.uid, versionedCsv("jobs", 5), "jobs.csv");
    validator = await ownDocumentValidator(backend.baseUrl);
  });

  describe("authentication", () => {
    it("refuses a request without credentials: 401 in the v2 shape, asking for Basic", async () => {
      for (const path of ["/jobs", "/jobs/", `/datasets/${dataset.uid}`, `/datasets/${dataset.uid}/publish`]) {
        const res = path.endsWith("publish") ? await anonymous.put(path) : await anonymous.get(path);
        expectV2Error(res, 401, "unauthorized", "AuthenticationException");
        expect(res.headers.get("www-authenticate")).toMatch(/Basic /);
      }
      expect(validator.errors("GET", "/jobs/", 401, (await anonymous.get("/jobs")).body)).toEqual([]);
    });

    it.skipIf(!proxy)("proxy mode: refuses HTTP Basic, saying to use an API key of the upstream", async () => {
      const res = await basicClient(backend.baseUrl, publisher).get("/jobs");
      expectV2Error(res, 401, "unauthorized");
      expect(res.body.message).toContain("API key");
    });

    it.skipIf(proxy)("accepts a console username and password, refuses a wrong or unreadable one with the same 401", async () => {
      expect((await basicClient(backend.baseUrl, publisher).get("/jobs")).status).toBe(200);
      const address = freshAddress();
      const wrong = await anonymous.get("/jobs", { headers: { Authorization: basic({ username: publisher.username, password: "wrong" }), "X-Forwarded-For": address } });
      expectV2Error(wrong, 401, "unauthorized");
      const unknown = await anonymous.get("/jobs", { headers: { Authorization: basic({ username: uniqueName("ghost"), password: "x" }), "X-Forwarded-For": address } });
      expectV2Error(unknown, 401, "unauthorized");
      expect(unknown.body.message).toBe(wrong.body.message);
      const unreadable = await anonymous.get("/jobs", { headers: { Authorization: "Basic !!!", "X-Forwarded-For": address } });
      expectV2Error(unreadable, 401, "unauthorized");
    });

    it.skipIf(proxy)("throttles an account from an address after 10 failed passwords, like the sign-in form: 429 with Retry-After, even with the right one — and only from that address", async () => {
      const victim = await createTestUser({ prefix: "v2throttle", permissions: ["edit_dataset"] });
      const from = freshAddress();
      for (let i = 0; i < 10; i++) {
        const res = await anonymous.get("/jobs/", { headers: { Authorization: basic({ username: victim.username, password: `wrong-${i}` }), "X-Forwarded-For": from } });
        expect(res.status, `attempt ${i + 1}`).toBe(401);
      }
      const blocked = await anonymous.get("/jobs/", { headers: { Authorization: basic(victim), "X-Forwarded-For": from } });
      expectV2Error(blocked, 429, "too_many_requests", "TooManyRequestsException");
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
      // no lock-out: the same user from elsewhere, and the account's API key, still work
      expect((await anonymous.get("/jobs/", { headers: { Authorization: basic(victim), "X-Forwarded-For": freshAddress() } })).status).toBe(200);
      expect((await keyClient(backend.baseUrl, victim.apiKey).get("/jobs")).status).toBe(200);
    });

    it("accepts an API key in the header (any spelling of the scheme) or the query, refuses an unknown one", async () => {
      for (const scheme of ["Apikey", "apikey", "ApiKey"]) {
        const res = await anonymous.get("/jobs", { headers: { Authorization: `${scheme} ${publisher.apiKey}` } });
        expect(res.status, `${scheme}: ${res.text}`).toBe(200);
      }
      expect((await anonymous.get(`/jobs?apikey=${publisher.apiKey}`)).status).toBe(200);
      expectV2Error(await anonymous.get("/jobs", { headers: { Authorization: "Apikey not-a-key" } }), 401, "unauthorized");
    });

    it("a reviewer's key may read a dataset but not act on it: 403", async () => {
      const client = keyClient(backend.baseUrl, reviewer.apiKey);
      expect((await client.get(`/datasets/${dataset.uid}`)).status).toBe(200);
      for (const action of ["publish", "unpublish", "abort_processing", ...(proxy ? [] : ["save_version", "recover_realtime_records", "scratch_recovery_data"])]) {
        expectV2Error(await client.put(`/datasets/${dataset.uid}/${action}`), 403, "forbidden", "PermissionDeniedException");
      }
      expectV2Error(await client.delete(`/datasets/${dataset.uid}`), 403, "forbidden");
      expectV2Error(await client.post("/datasets/", { metas: { default: { title: "No" } } }), 403, "forbidden");
      expect((await h.status(dataset.uid)).status).toBe("idle");
    });

    it("answers 404 for an unknown dataset and a path it does not serve, and serves no other version", async () => {
      const client = keyClient(backend.baseUrl, publisher.apiKey);
      expectV2Error(await client.put("/datasets/da_nope00/publish"), 404, "not_found", "NotFoundException");
      expectV2Error(await client.get("/nothing/here"), 404, "not_found");
      const v1 = await apiClient(backend.baseUrl, publisher.apiKey, "/api/management/v1").get("/jobs");
      expect(v1.status).toBe(404);
    });
  });

  describe("jobs", () => {
    it("lists the caller's own jobs, newest first, and reads each by job_id", async () => {
      const mine = userClient(backend, publisher);
      const first = await mine.put(`/datasets/${dataset.uid}/publish`);
      expect(first.status, first.text).toBe(200);
      await jobEnded(mine, first.body.job_id);
      const second = await mine.put(`/datasets/${dataset.uid}/publish/`);
      expect(second.status, second.text).toBe(200);
      await jobEnded(mine, second.body.job_id);
      const theirsClient = userClient(backend, other);
      const theirs = await theirsClient.put(`/datasets/${dataset.uid}/publish`);
      expect(theirs.status, theirs.text).toBe(200);
      await jobEnded(theirsClient, theirs.body.job_id);

      for (const path of ["/jobs", "/jobs/"]) {
        const list = await mine.get(path);
        expect(list.status, list.text).toBe(200);
        expect(validator.errors("GET", "/jobs/", 200, list.body)).toEqual([]);
        const ids = (list.body as { job_id: string }[]).map((j) => j.job_id);
        expect(ids.slice(0, 2)).toEqual([second.body.job_id, first.body.job_id]);
        expect(ids).not.toContain(theirs.body.job_id);
      }
      const one = await mine.get(`/jobs/${first.body.job_id}/`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ job_id: first.body.job_id, state: "done", function: "publish" });
    });

    it("answers 404 for someone else's job, an unknown one and a malformed id", async () => {
      const mine = userClient(backend, publisher);
      const theirsClient = userClient(backend, other);
      const theirs = await theirsClient.put(`/datasets/${dataset.uid}/unpublish`);
      expect(theirs.status, theirs.text).toBe(200);
      await jobEnded(theirsClient, theirs.body.job_id);
      for (const id of [theirs.body.job_id, "0".repeat(40), "jo_ZEXxzA", "not-hex"]) {
        const res = await mine.get(`/jobs/${id}`);
        expectV2Error(res, 404, "not_found");
        expect(validator.errors("GET", "/jobs/{job_id}/", 404, res.body)).toEqual([]);
      }
    });
  });
});
