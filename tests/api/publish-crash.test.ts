// Kill-during-publish: a server of its own (own DATA_DIR, and its own schema on PostgreSQL) is killed with SIGKILL
// while a publish is writing records, then started again on the same store. The previously published records
// must be served all along (never a mix), the interrupted job must be queued again and complete, and no records
// table may be left behind. A publish that fails leaves the previous records served too.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api-client";
import { dropSchema, freshSchemaUrl, TEST_DATABASE_URL } from "../support/postgres";
import { publishingHelpers, uploadFile, versionedCsv } from "../support/publishing";
import { startServer, type TestServer } from "../support/server";

const backend = inject("backend");

// Several seconds of work on a CI machine: long enough to kill the server in the middle. A multiple of the
// extractors' batch size (2,000) on purpose: the last batch is empty, which once failed COPY on PostgreSQL.
const BIG_ROWS = 300_000;
const SMALL_ROWS = 10;
const BIG_CSV = versionedCsv("v2", BIG_ROWS);

describe.skipIf(!!backend.skipReason)(`publish crash recovery (${backend.provider})`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), `dpc-crash-${backend.provider}-`));
  const schema = backend.provider === "postgresql" ? freshSchemaUrl("dpc_crash") : null;
  const env: Record<string, string> = {
    ...backend.env,
    DATA_DIR: dataDir,
    MAX_UPLOAD_BYTES: String(64 * 1024 * 1024),
    ...(schema ? { DATABASE_URL: schema.url } : {}),
  };
  let server: TestServer;
  let h: ReturnType<typeof publishingHelpers>;
  const connect = async () => {
    server = await startServer({ env });
    h = publishingHelpers(server.url, backend.adminKey);
  };
  const explore = () => apiClient(server.url, undefined, "/api/explore/v2.1");

  /** Records tables of a dataset: files on SQLite, tables on PostgreSQL. */
  async function recordsTables(dataset_uid: string): Promise<string[]> {
    const prefix = `rec_${dataset_uid.replace(/^da_/, "")}_`;
    if (!schema) return readdirSync(join(dataDir, "records")).filter((name) => name.startsWith(prefix) && name.endsWith(".sqlite"));
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = $1 AND starts_with(tablename, $2)", [schema.schema, prefix]);
      return rows.map((r) => r.tablename);
    } finally {
      await client.end();
    }
  }

  async function exploreLabels(dataset_id: string) {
    const res = await explore().get(`/catalog/datasets/${dataset_id}/records/?select=label&order_by=id&limit=5`);
    expect(res.status, res.text).toBe(200);
    return { total: res.body.total_count as number, labels: res.body.results.map((r: { label: string }) => r.label) as string[] };
  }
  const v1 = { total: SMALL_ROWS, labels: ["v1-1", "v1-2", "v1-3", "v1-4", "v1-5"] };
  const v2 = { total: BIG_ROWS, labels: ["v2-1", "v2-2", "v2-3", "v2-4", "v2-5"] };

  beforeAll(connect);

  afterAll(async () => {
    await server?.stop();
    if (process.env.DPC_TEST_SERVER_LOG) console.log(server?.output());
    if (schema) {
      await dropSchema(schema.schema);
      await dropSchema(`${schema.schema}_pgboss`);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps serving the published records through a SIGKILL, then finishes the interrupted publish", { timeout: 240_000 }, async () => {
    const dataset = await h.createDataset("Killed while publishing");
    const resource_uid = await h.addCsvResource(dataset.uid, versionedCsv("v1", SMALL_ROWS), "v1.csv");
    expect(await h.publishAndWait(dataset.uid)).toMatchObject({ status: "idle", is_published: true });
    expect(await exploreLabels(dataset.dataset_id)).toEqual(v1);
    await h.replaceResourceFile(dataset.uid, resource_uid, BIG_CSV, "v2.csv");

    expect((await h.action(dataset.uid, "publish")).status).toBe(200);
    const running = await h.runningWithRecords(dataset.uid);
    expect(running.state, "the publish ended before the server could be killed: make BIG_ROWS larger").toBe("running");
    expect(await exploreLabels(dataset.dataset_id)).toEqual(v1);

    process.kill(server.pid, "SIGKILL");
    await server.stop(); // waits for the exit
    // the half-built table is still there, beside the published one
    expect((await recordsTables(dataset.uid)).length).toBe(2);

    await connect();
    // Right after the restart: the published version, whole. Read Explore first, then the job: while the job has
    // not succeeded, only v1 may be served; once it has, v2 whole.
    const first = await exploreLabels(dataset.dataset_id);
    const [jobAfterRestart] = await h.jobs(dataset.uid);
    expect(jobAfterRestart!.uid).toBe(running.uid);
    expect(first).toEqual(jobAfterRestart!.state === "succeeded" ? v2 : v1);
    if (jobAfterRestart!.state !== "succeeded") {
      expect(["queued", "running"]).toContain(jobAfterRestart!.state);
      expect(["queued", "processing"]).toContain((await h.status(dataset.uid)).status);
    }

    const settled = await h.settled(dataset.uid);
    expect(settled).toMatchObject({ status: "idle", is_published: true, message: null });
    const [job] = await h.jobs(dataset.uid);
    expect(job).toMatchObject({ uid: running.uid, function: "publish", state: "succeeded", records_done: BIG_ROWS });
    expect(await exploreLabels(dataset.dataset_id)).toEqual(v2);
    // neither the v1 table nor the half-built one is left
    expect(await recordsTables(dataset.uid)).toHaveLength(1);
  });

  it("ends in error, previous records still served, when a resource cannot be read", { timeout: 120_000 }, async () => {
    const dataset = await h.createDataset("Failed publish");
    await h.addCsvResource(dataset.uid, versionedCsv("v1", SMALL_ROWS), "v1.csv");
    expect(await h.publishAndWait(dataset.uid)).toMatchObject({ status: "idle", is_published: true });

    // A second resource whose stored file disappears from disk (a lost volume, a manual clean-up): the job
    // reads the first resource and creates its new table, then fails on the second.
    const filesDir = join(dataDir, "files");
    const before = new Set(readdirSync(filesDir));
    const file_uid = await uploadFile(server.url, backend.adminKey, dataset.uid, versionedCsv("v2", SMALL_ROWS), "lost.csv");
    const stored = readdirSync(filesDir).filter((name) => !before.has(name) && name !== ".incoming");
    expect(stored).toHaveLength(1);
    const resource = await h.admin.post(`/datasets/${dataset.uid}/resources/`, { type: "csvfile", title: "Lost", datasource: { type: "uploaded_file", file: { uid: file_uid } } });
    expect(resource.status, resource.text).toBe(201);
    rmSync(join(filesDir, stored[0]!));

    expect((await h.action(dataset.uid, "publish")).status).toBe(200);
    const settled = await h.settled(dataset.uid);
    expect(settled).toMatchObject({ status: "error", previous: "processing", is_published: true });
    // it names the resource, not the server's storage path
    expect(settled.message).toBe('The publish failed: the file of resource "Lost" is missing from the server\'s storage');
    const [job] = await h.jobs(dataset.uid);
    expect(job).toMatchObject({ function: "publish", state: "failed", message: settled.message });
    expect(await exploreLabels(dataset.dataset_id)).toEqual(v1);
    expect(await recordsTables(dataset.uid)).toHaveLength(1);

    // error is a settled state: a new publish may start (and fails the same way while the file is missing)
    expect((await h.action(dataset.uid, "publish")).status).toBe(200);
    expect((await h.settled(dataset.uid)).status).toBe("error");
  });
});
