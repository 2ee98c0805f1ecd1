// Management API v2 — the six asynchronous dataset actions (API-CONTRACT.md §4.1, §4.2, §3.5) through real HTTP:
// each answers its job, the jobs are the publish jobs the Automation API runs, and the status machine refuses
// what it refuses there, with the same invalid_dataset_status. Also the seeds' curl examples, run as written.
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createTestUser, uniqueName, type TestUser } from "../../support/fixtures";
import { publishingHelpers, versionedCsv } from "../../support/publishing";
import { expectV2Error, jobEnded, JOB_ID, ownDocumentValidator, userClient, type V2Job } from "./support";

const backend = inject("backend");
// proxy mode: the actions answered at once have no upstream counterpart (501), and HTTP Basic is refused
const proxy = !!backend.proxy;

const SMALL_CSV = versionedCsv("small", 12);
// Long enough that a publish still runs when the test reacts (the Automation API's tests use 330k rows).
const BIG_CSV = versionedCsv("big", 250_000);
const BUSY = /^Invalid precondition, dataset status is '(queued|processing)' but must be one of 'idle', 'error', 'limit_reached'$/;

function curlAvailable(): boolean {
  try {
    execFileSync("curl", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!!backend.skipReason)(`Management API v2 dataset actions (${backend.provider})`, () => {
  const h = publishingHelpers(backend.baseUrl, backend.adminKey);
  let publisher: TestUser;
  let v2: ReturnType<typeof userClient>;
  let validator: Awaited<ReturnType<typeof ownDocumentValidator>>;
  const valid = (method: string, path: string, status: number, body: unknown) => expect(validator.errors(method, path, status, body)).toEqual([]);

  async function smallDataset(title: string) {
    const ds = await h.createDataset(title, { dataset_id: uniqueName("v2") });
    await h.addCsvResource(ds.uid, SMALL_CSV, "small.csv");
    return ds;
  }

  beforeAll(async () => {
    publisher = await createTestUser({ prefix: "v2pub", permissions: ["create_dataset", "edit_dataset", "publish_dataset", "manage_dataset"] });
    v2 = userClient(backend, publisher);
    validator = await ownDocumentValidator(backend.baseUrl);
  });

  it("publish answers its job (job_id of 40 hex characters), which ends done with the dataset published", async () => {
    const ds = await smallDataset("v2 publish");
    const res = await v2.put(`/datasets/${ds.uid}/publish`);
    expect(res.status, res.text).toBe(200);
    valid("PUT", "/datasets/{dataset_uid}/publish/", 200, res.body);
    const job = res.body as V2Job;
    expect(job.job_id).toMatch(JOB_ID);
    expect(job).toMatchObject({ job_uid: job.job_id, dataset_uid: ds.uid, user_id: publisher.user_id, function: "publish", params: {} });
    expect(["waiting", "started", "running", "done"]).toContain(job.state);

    const ended = await jobEnded(v2, job.job_id);
    valid("GET", "/jobs/{job_id}/", 200, ended);
    expect(ended).toMatchObject({ job_id: job.job_id, state: "done", result: { name: "idle", outcome: "succeeded", records_processed: 12 } });
    expect((await h.status(ds.uid)).is_published).toBe(true);
    // the same job as the Automation API's publish jobs, not a second queue
    const [v1job] = await h.jobs(ds.uid);
    expect(v1job).toMatchObject({ function: "publish", state: "succeeded", job_id: job.job_id });

    // unpublish, with the trailing slash this time
    const unpublish = await v2.put(`/datasets/${ds.uid}/unpublish/`);
    expect(unpublish.status, unpublish.text).toBe(200);
    valid("PUT", "/datasets/{dataset_uid}/unpublish/", 200, unpublish.body);
    expect(unpublish.body).toMatchObject({ function: "unpublish", dataset_uid: ds.uid });
    expect(unpublish.body.job_id).not.toBe(job.job_id);
    expect(await jobEnded(v2, unpublish.body.job_id)).toMatchObject({ state: "done", result: { name: "idle", outcome: "succeeded" } });
    expect((await h.status(ds.uid)).is_published).toBe(false);
  });

  it("refuses what the status does not allow with the Automation API's invalid_dataset_status", async () => {
    const ds = await smallDataset("v2 guards");
    for (const action of ["unpublish", "abort_processing", ...(proxy ? [] : ["recover_realtime_records", "scratch_recovery_data"])]) {
      for (const path of [`/datasets/${ds.uid}/${action}`, `/datasets/${ds.uid}/${action}/`]) {
        const res = await v2.put(path);
        expectV2Error(res, 400, "invalid_dataset_status", "InvalidDatasetStatusException");
        valid("PUT", `/datasets/{dataset_uid}/${action}/`, 400, res.body);
      }
    }
    // the same refusal as v1's, word for word
    const v1 = await h.action(ds.uid, "abort");
    const v2abort = await v2.put(`/datasets/${ds.uid}/abort_processing`);
    expect(v2abort.body.message).toBe(v1.body.message);
    // (in proxy mode the upstream's message comes as text: its template is the upstream's)
    if (!proxy) expect(v2abort.body).toMatchObject({ raw_message: "Invalid precondition, dataset status is '{current}' but must be one of '{allowed}'", raw_params: { current: "idle" } });
    const v1unpublish = await h.action(ds.uid, "unpublish");
    expect((await v2.put(`/datasets/${ds.uid}/unpublish`)).body.message).toBe(v1unpublish.body.message);
    // nothing was queued
    expect(await h.jobs(ds.uid)).toEqual([]);
    expect((await h.status(ds.uid)).status).toBe("idle");
  });

  it.skipIf(!proxy)("proxy mode: save_version and the realtime recovery actions answer 501, saying why", async () => {
    const ds = await smallDataset("v2 proxy immediate");
    for (const action of ["save_version", "recover_realtime_records", "scratch_recovery_data"]) {
      const res = await v2.put(`/datasets/${ds.uid}/${action}`);
      expectV2Error(res, 501, "not_implemented", "NotImplementedException");
      expect(res.body.message).toContain("proxy mode");
    }
    expect(await h.jobs(ds.uid)).toEqual([]);
  });

  it.skipIf(proxy)("save_version: a job recorded at once in state error, saying versions do not exist yet; nothing moves", async () => {
    const ds = await smallDataset("v2 save version");
    const before = await h.status(ds.uid);
    for (const path of [`/datasets/${ds.uid}/save_version`, `/datasets/${ds.uid}/save_version/`]) {
      const res = await v2.put(path);
      expect(res.status, res.text).toBe(200);
      valid("PUT", "/datasets/{dataset_uid}/save_version/", 200, res.body);
      expect(res.body).toMatchObject({ function: "save_version", state: "error", message: expect.stringContaining("versions are not available") });
      expect(res.body).not.toHaveProperty("result");
      expect((await v2.get(`/jobs/${res.body.job_id}`)).body.state).toBe("error");
    }
    expect(await h.status(ds.uid)).toEqual(before);
  });

  it.skipIf(proxy)("recover_realtime_records and scratch_recovery_data: on a published dataset, jobs done at once with nothing to do", async () => {
    const ds = await smallDataset("v2 realtime");
    await h.publishAndWait(ds.uid);
    const before = await h.status(ds.uid);
    for (const action of ["recover_realtime_records", "scratch_recovery_data"]) {
      const res = await v2.put(`/datasets/${ds.uid}/${action}`);
      expect(res.status, res.text).toBe(200);
      valid("PUT", `/datasets/{dataset_uid}/${action}/`, 200, res.body);
      expect(res.body).toMatchObject({ function: action, state: "done", result: { name: "idle", outcome: "succeeded", records_processed: 0 }, message: expect.stringContaining("no realtime datasets") });
    }
    expect(await h.status(ds.uid)).toEqual(before);
  });

  describe("while a publish runs", () => {
    let big: { uid: string; dataset_id: string };

    beforeAll(async () => {
      big = await h.createDataset("v2 busy", { dataset_id: uniqueName("v2busy") });
      await h.addCsvResource(big.uid, BIG_CSV, "big.csv");
    });

    it("refuses every action but abort; abort answers the running job, which ends done with outcome aborted", async () => {
      const started = await v2.put(`/datasets/${big.uid}/publish`);
      expect(started.status, started.text).toBe(200);
      for (const action of ["publish", "unpublish", ...(proxy ? [] : ["save_version", "recover_realtime_records", "scratch_recovery_data"])]) {
        const res = await v2.put(`/datasets/${big.uid}/${action}/`);
        expectV2Error(res, 400, "invalid_dataset_status");
        expect(res.body.message).toMatch(BUSY);
      }
      const abort = await v2.put(`/datasets/${big.uid}/abort_processing`);
      expect(abort.status, abort.text).toBe(200);
      valid("PUT", "/datasets/{dataset_uid}/abort_processing/", 200, abort.body);
      expect(abort.body).toMatchObject({ job_id: started.body.job_id, function: "publish" });
      expect(await jobEnded(v2, started.body.job_id)).toMatchObject({ state: "done", result: { name: "idle", outcome: "aborted" } });
      expect(await h.settled(big.uid)).toMatchObject({ status: "idle", is_published: false });
    });

    it.skipIf(!curlAvailable() || proxy)("the seeds' curl examples run as written (host, dataset and credentials replaced)", async () => {
      // seeds 000 and 001, verbatim but for the three placeholders
      const example = (action: string) => `curl https://yourdomain.opendatasoft.com/api/management/v2/datasets/da_XXXXXX/${action} \\
    -X PUT \\
    -u username:password`;
      const run = (action: string, uid: string): Record<string, unknown> => {
        const command = example(action)
          .replace("https://yourdomain.opendatasoft.com", backend.baseUrl)
          .replace("da_XXXXXX", uid)
          .replace("username:password", `${publisher.username}:${publisher.password}`);
        return JSON.parse(execFileSync("sh", ["-c", command], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
      };
      const small = await smallDataset("v2 curl");
      const published = run("publish", small.uid);
      expect(published.job_id).toMatch(JOB_ID);
      expect(await jobEnded(v2, String(published.job_id))).toMatchObject({ state: "done" });
      for (const action of ["recover_realtime_records", "scratch_recovery_data", "save_version", "unpublish"]) {
        const answer = run(action, small.uid);
        expect(answer.job_id, `${action}: ${JSON.stringify(answer)}`).toMatch(JOB_ID);
        await jobEnded(v2, String(answer.job_id));
      }
      expect((await h.status(small.uid)).is_published).toBe(false);

      // abort_processing needs something to abort
      const running = await v2.put(`/datasets/${big.uid}/publish`);
      expect(running.status, running.text).toBe(200);
      const aborted = run("abort_processing", big.uid);
      expect(aborted.job_id).toBe(running.body.job_id);
      await jobEnded(v2, String(aborted.job_id));
    });
  });
});
