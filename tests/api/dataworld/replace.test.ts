// PUT /v0/datasets/{owner}/{id}: a replace maps data.world's dataset onto ours (API-CONTRACT.md §6.2) — summary →
// description, tags → keywords, license → license, PRIVATE → restricted, files → remote resources — and what it
// leaves out is reset. Checked through the Automation API, as a script would read it back.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../../support/api-client";
import type { TestUser } from "../../support/fixtures";
import { createOwnedDataset, createOwner, dataworldClient, startFileServer, validBody } from "./dataworld-client";

const backend = inject("backend");

type Metadata = Record<string, Record<string, { value: unknown }>>;
type Resource = { uid: string; type: string; title: string; params: Record<string, unknown>; datasource: { type: string; connection?: { url: string }; file?: { uid: string } } };

describe.skipIf(!!backend.skipReason)(`data.world replace: mapping (${backend.provider})`, () => {
  const dw = dataworldClient(backend.baseUrl);
  let owner: TestUser;
  let files: Awaited<ReturnType<typeof startFileServer>>;
  const automation = () => apiClient(backend.baseUrl, owner.apiKey);
  const read = async (uid: string) => {
    const dataset = await automation().get(`/datasets/${uid}/`);
    const resources = await automation().get(`/datasets/${uid}/resources/`);
    return { dataset: dataset.body as { is_restricted: boolean; metadata: Metadata; updated_at: string }, resources: resources.body.results as Resource[] };
  };

  beforeAll(async () => {
    owner = await createOwner();
    files = await startFileServer();
  });
  afterAll(() => files?.close());

  it("replaces metadata, restriction and resources as mapped, and keeps what data.world does not describe", async () => {
    const dataset = await createOwnedDataset(backend.baseUrl, owner, {
      metadata: { description: { value: "Old description" }, keyword: { value: ["old"] }, theme: { value: ["Sport"] }, language: { value: "fr" } },
    });
    const res = await dw.replace(owner.username, dataset.dataset_id, {
      title: "Basketball 2017",
      description: "2017 data.world basketball program",
      summary: "Fake **players** and stats",
      tags: ["basketball", "sport 2017"],
      license: "CC-BY",
      visibility: "PRIVATE",
      files: [
        { name: "players.csv", source: { url: files.url("players.csv") }, description: "Players", labels: ["raw data", "clean data"] },
        { name: "stats.json", source: { url: files.url("stats.json") } },
      ],
    }, owner.apiKey);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: "Dataset has been successfully replaced." });

    const { dataset: after, resources } = await read(dataset.uid);
    expect(after.is_restricted).toBe(true);
    expect(after.metadata.default).toMatchObject({
      title: { value: "Basketball 2017" },
      description: { value: "Fake **players** and stats" },
      keyword: { value: ["basketball", "sport 2017"] },
      license: { value: "CC-BY" },
      // not data.world's business: kept
      theme: { value: ["Sport"] },
      language: { value: "fr" },
    });
    expect(after.metadata.internal?.license_id?.value).toBe("CC-BY");
    expect(resources.map((r) => [r.title, r.type, r.datasource.type, r.datasource.connection?.url])).toEqual([
      ["players.csv", "csvfile", "http", files.url("players.csv")],
      ["stats.json", "jsonfile", "http", files.url("stats.json")],
    ]);
    // the source was read to guess how to read it, as the Automation API does when a resource is created
    expect(resources[0]!.params).toMatchObject({ separator: "," });
  });

  it("resets what a second replace leaves out, keeps the title, and replaces the file list", async () => {
    const dataset = await createOwnedDataset(backend.baseUrl, owner);
    const first = await dw.replace(owner.username, dataset.dataset_id, {
      title: "First",
      summary: "Summary",
      tags: ["one", "two"],
      license: "PDDL",
      visibility: "PRIVATE",
      files: [
        { name: "a.csv", source: { url: files.url("a.csv") } },
        { name: "b.csv", source: { url: files.url("b.csv") } },
      ],
    }, owner.apiKey);
    expect(first.status).toBe(200);
    const between = await read(dataset.uid);
    expect(between.resources.map((r) => r.title)).toEqual(["a.csv", "b.csv"]);

    const second = await dw.replace(owner.username, dataset.dataset_id, { visibility: "OPEN", files: [{ name: "c.csv", source: { url: files.url("c.csv") } }] }, owner.apiKey);
    expect(second.status).toBe(200);
    const { dataset: after, resources } = await read(dataset.uid);
    expect(after.is_restricted).toBe(false);
    expect(after.metadata.default!.title?.value).toBe("First");
    for (const field of ["description", "keyword", "license"]) expect(after.metadata.default![field]).toBeUndefined();
    expect(after.metadata.internal?.license_id).toBeUndefined();
    expect(resources.map((r) => r.title)).toEqual(["c.csv"]);
    expect(resources.every((r) => !between.resources.some((old) => old.uid === r.uid))).toBe(true);

    // no files: no resources
    expect((await dw.replace(owner.username, dataset.dataset_id, { visibility: "OPEN" }, owner.apiKey)).status).toBe(200);
    expect((await read(dataset.uid)).resources).toEqual([]);
  });

  it("replaces an uploaded file's resource too, and removes the file's bytes once replaced", async () => {
    const dataset = await createOwnedDataset(backend.baseUrl, owner);
    const form = new FormData();
    form.append("file", new Blob(["a,b\n1,2\n"], { type: "text/csv" }), "local.csv");
    const uploaded = await fetch(`${backend.baseUrl}/api/automation/v1/datasets/${dataset.uid}/resources/files/`, { method: "POST", headers: { Authorization: `Apikey ${owner.apiKey}` }, body: form });
    expect(uploaded.status).toBe(201);
    const file = (await uploaded.json()) as { uid: string };
    const created = await automation().post(`/datasets/${dataset.uid}/resources/`, { type: "csvfile", title: "Local", datasource: { type: "uploaded_file", file: { uid: file.uid } } });
    expect(created.status).toBe(201);
    const filesDir = join(backend.env.DATA_DIR!, "files");
    const storedBefore = readdirSync(filesDir).length;

    const res = await dw.replace(owner.username, dataset.dataset_id, validBody({ files: [{ name: "remote.csv", source: { url: files.url("remote.csv") } }] }), owner.apiKey);
    expect(res.status).toBe(200);
    expect((await read(dataset.uid)).resources.map((r) => r.title)).toEqual(["remote.csv"]);
    expect((await automation().get(`/datasets/${dataset.uid}/resources/files/${file.uid}/`)).status).toBe(404);
    expect(readdirSync(filesDir).length).toBe(storedBefore - 1);
    expect(existsSync(filesDir)).toBe(true);
  });

  it("serves the path with a trailing slash too, without redirecting", async () => {
    const dataset = await createOwnedDataset(backend.baseUrl, owner);
    const res = await dw.replace(owner.username, dataset.dataset_id, validBody({ title: "Slash" }), owner.apiKey, { slash: true });
    expect(res.status).toBe(200);
    expect((await read(dataset.uid)).dataset.metadata.default!.title?.value).toBe("Slash");
  });

  it("publishes its OpenAPI document at /v0/openapi.json", async () => {
    const res = await dw.raw.get("/openapi.json", { key: null });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(res.body.servers).toEqual([{ url: "/v0" }]);
    const operation = res.body.paths["/datasets/{owner}/{id}"].put;
    expect(operation.security).toEqual([{ BearerAuth: [] }]);
    expect(Object.keys(operation.responses).sort()).toEqual(["200", "400", "401", "403", "404", "422", "501"]);
    expect(res.body.components.securitySchemes.BearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const body = res.body.components.schemas.DatasetPutRequest;
    expect(body.required).toEqual(["visibility"]);
    expect(body.properties.license.enum).toContain("CC BY-NC-SA");
  });
});
