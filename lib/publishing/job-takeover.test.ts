// A publish job queued again while its first run was still finishing (taken for a dead worker's): on a real SQLite
// store, the first run's completion is refused, so it cannot mark the job succeeded and leave the dataset "queued"
// with no run to come (seen when index builds outlasted the staleness window).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "dpc-job-takeover-"));
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;

const { migrate } = await import("@/lib/db/migrate");
const { config } = await import("@/lib/env/config");
const { store } = await import("@/lib/store/store");
const { PublishJobLost } = await import("@/lib/store/publishing-types");

const progress = { records_done: 3, records_skipped: 0, errors_count: 0, bytes_done: 30, bytes_total: 30 };
const published = { records_table: "rec_takeover_a", fields: [], records_count: 3, records_errors: [] };

let dataset_uid: string;
beforeAll(async () => {
  await migrate(config().database);
  const dataset = await store().datasets.create({
    dataset_id: "takeover",
    created_at: new Date(),
    is_restricted: false,
    metadata: { default: { title: { value: "Takeover" } } },
    default_security: { is_data_visible: true, visible_fields: null, filter_query: "", api_calls_quota: null },
    created_by_id: null,
  });
  dataset_uid = dataset.uid;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("a publish job queued again while it finished", () => {
  it("refuses the first run's completion and leaves the new run to come", async () => {
    const jobs = store().publishJobs;
    const job = await jobs.enqueue(dataset_uid, "publish", null);
    expect(await jobs.claim("host:1:first", job!.uid)).toMatchObject({ uid: job!.uid, state: "running" });
    const requeued = await jobs.requeueInterrupted((worker) => worker === "host:1:first", new Date(0));
    expect(requeued.map((j) => j.uid)).toEqual([job!.uid]);

    await expect(jobs.completePublish(job!.uid, progress, published)).rejects.toBeInstanceOf(PublishJobLost);
    expect(await jobs.status(dataset_uid)).toEqual({ status: "queued", is_published: false });
    expect((await jobs.history(dataset_uid, 1))[0]).toMatchObject({ uid: job!.uid, state: "queued" });

    // The new run completes normally.
    expect(await jobs.claim("host:2:second", job!.uid)).toMatchObject({ state: "running" });
    await jobs.completePublish(job!.uid, progress, published);
    expect(await jobs.status(dataset_uid)).toEqual({ status: "idle", is_published: true });
  });
});
