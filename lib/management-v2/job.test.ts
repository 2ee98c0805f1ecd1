import { describe, expect, it } from "vitest";
import type { PublishJob } from "@/lib/publishing/schema";
import { toV2Job } from "@/lib/management-v2/job";
import { v2JobSchema } from "@/lib/management-v2/schema";

const base: PublishJob = {
  uid: "pj_abc123",
  job_id: "e0f8a9cf495a0ee617b0828da35f349bbb62ad43",
  dataset_uid: "da_qf2hyt",
  created_by_id: "u1",
  function: "publish",
  state: "queued",
  records_done: 0,
  records_skipped: 0,
  errors_count: 0,
  bytes_done: 0,
  bytes_total: 0,
  message: null,
  abort_requested: false,
  created_at: "2026-12-07T10:00:00.000Z",
  started_at: null,
  finished_at: null,
  records_per_second: null,
};

describe("toV2Job", () => {
  it("maps the states as the contract proposes", () => {
    expect(toV2Job(base).state).toBe("waiting");
    expect(toV2Job({ ...base, state: "running", started_at: base.created_at }).state).toBe("started");
    expect(toV2Job({ ...base, state: "running", started_at: base.created_at, records_done: 5 }).state).toBe("running");
    expect(toV2Job({ ...base, state: "failed" }).state).toBe("error");
    for (const state of ["succeeded", "aborted", "limit_reached"] as const) expect(toV2Job({ ...base, state }).state).toBe("done");
  });

  it("carries job_id twice and a result only when done", () => {
    const queued = toV2Job(base);
    expect(queued).toMatchObject({ job_id: base.job_id, job_uid: base.job_id, dataset_uid: "da_qf2hyt", user_id: "u1", function: "publish", params: {}, progresses: [] });
    expect(queued).not.toHaveProperty("result");
    expect(toV2Job({ ...base, state: "failed" })).not.toHaveProperty("result");
    const aborted = toV2Job({ ...base, state: "aborted", started_at: base.created_at, finished_at: base.created_at, records_done: 7, bytes_done: 10, bytes_total: 20 });
    expect(aborted.result).toEqual({ name: "idle", outcome: "aborted", records_processed: 7, records_skipped: 0, records_errors: 0 });
    expect(aborted.progresses).toEqual([
      { at: base.created_at, step: "records", processed: 7, total: null },
      { at: base.created_at, step: "bytes", processed: 10, total: 20 },
    ]);
    expect(toV2Job({ ...base, state: "limit_reached" }).result?.name).toBe("limit_reached");
    expect(v2JobSchema.safeParse(aborted).success).toBe(true);
  });
});
