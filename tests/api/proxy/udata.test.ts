// The udata API 1 in proxy mode: the same endpoints on the service layer, which calls the upstream's Automation
// API with the caller's key — every write is read back from the upstream itself. The trash has no upstream
// counterpart: deleting, restoring and listing deleted datasets answer 501 and say why.
import { describe, expect, inject, it } from "vitest";
import { apiClient } from "../../support/api-client";
import { udataClient } from "../udata/udata-client";

const backend = inject("backend");
const CSV = "code;commune\n75001;Paris 1er\n75002;Paris 2e\n";

describe("udata API 1 in proxy mode", () => {
  const udata = udataClient(backend.baseUrl, backend.adminKey);
  const anonymous = udataClient(backend.baseUrl);
  const upstream = apiClient(backend.proxy!.upstreamUrl, backend.adminKey);

  it("creates, updates and fills a dataset on the upstream", async () => {
    const created = await udata.post("/datasets/", { title: "Relais udata", description: "d", private: true });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    expect((await upstream.get(`/datasets/${id}/`)).body).toMatchObject({ is_restricted: true, dataset_id: created.body.slug });

    const uploaded = await udata.upload(`/datasets/${id}/upload/`, CSV, "communes.csv");
    expect(uploaded.status, uploaded.text).toBe(201);
    const remote = await udata.post(`/datasets/${id}/resources/`, { title: "r", filetype: "remote", format: "csv", url: "https://url.to/ressource.csv" });
    expect(remote.status, remote.text).toBe(201);
    expect((await upstream.get(`/datasets/${id}/resources/`)).body.total_count).toBe(2);

    const updated = await udata.put(`/datasets/${created.body.slug}/`, { title: "Relais udata, nouveau titre", private: true });
    expect(updated.status, updated.text).toBe(200);
    expect((await upstream.get(`/datasets/${id}/`)).body.metadata.default.title.value).toBe("Relais udata, nouveau titre");

    const renamed = await udata.put(`/datasets/${id}/resources/${uploaded.body.id}/`, { title: "Communes" });
    expect(renamed.status, renamed.text).toBe(200);
    expect((await udata.put(`/datasets/${id}/resources/${uploaded.body.id}/`, { filetype: "remote" })).status).toBe(400);
    const replaced = await udata.upload(`/datasets/${id}/resources/${uploaded.body.id}/upload/`, CSV, "communes-2.csv");
    expect(replaced.status, replaced.text).toBe(200);
    expect((await udata.delete(`/datasets/${id}/resources/${remote.body.id}/`)).status).toBe(204);
    expect((await upstream.get(`/datasets/${id}/resources/`)).body.total_count).toBe(1);
    expect((await udata.get(`/datasets/${id}/`)).body.resources).toHaveLength(1);
  });

  it("answers 501 for the trash, which the upstream does not have, and 401 to anonymous readers", async () => {
    const created = await udata.post("/datasets/", { title: "Relais corbeille", description: "d", private: true });
    const answers = [await udata.delete(`/datasets/${created.body.id}/`), await udata.get("/datasets/?deleted=true"), await udata.put(`/datasets/${created.body.id}/`, { deleted: null })];
    for (const res of answers) {
      expect(res.status).toBe(501);
      expect(res.body).toMatchObject({ error_code: "not_implemented", message: expect.stringContaining("trash") });
    }
    expect((await upstream.get(`/datasets/${created.body.id}/`)).body).toMatchObject({ is_restricted: true });
    expect((await udata.get("/datasets/?private=true")).status).toBe(501);
    expect((await anonymous.get("/datasets/")).status).toBe(401);
  });
});
