// One dataset through four surfaces, as a team mixing scripts would drive it: made through udata, edited through the
// Automation API, published through the Management API v2, read through Explore. Each surface is a translation over
// the same services, so each must see what the others wrote.
import { describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api-client";
import { jobEnded, keyClient } from "./management-v2/support";
import { udataClient } from "./udata/udata-client";

const backend = inject("backend");
const CSV = "code,commune,population\n75101,Paris 1er,16000\n69381,Lyon 1er,30000\n13201,Marseille 1er,40000\n";

describe.skipIf(!!backend.skipReason)(`one dataset across the surfaces (${backend.provider})`, () => {
  const udata = udataClient(backend.baseUrl, backend.adminKey);
  const automation = apiClient(backend.baseUrl, backend.adminKey);
  const management = keyClient(backend.baseUrl, backend.adminKey);
  const explore = apiClient(backend.baseUrl, backend.adminKey, "/api/explore/v2.1");

  it("udata creates, v1 edits, v2 publishes, Explore reads the edit", async () => {
    // private, so that udata's own writes do not publish it: the publish here is v2's
    const created = await udata.post("/datasets/", { title: "Communes (udata)", description: "Créé par udata", private: true, tags: ["communes"] });
    expect(created.status, created.text).toBe(201);
    const uid: string = created.body.id;
    const uploaded = await udata.upload(`/datasets/${uid}/upload/`, CSV, "communes.csv");
    expect(uploaded.status, uploaded.text).toBe(201);

    const before = await automation.get(`/datasets/${uid}/`);
    expect(before.body).toMatchObject({ is_published: false, is_restricted: true });
    expect(before.body.metadata.default.keyword.value).toEqual(["communes"]);
    const edited = await automation.put(`/datasets/${uid}/`, {
      dataset_id: before.body.dataset_id,
      metadata: { ...before.body.metadata, default: { ...before.body.metadata.default, title: { value: "Communes (édité en v1)" } } },
    });
    expect(edited.status, edited.text).toBe(200);
    const resources = await automation.get(`/datasets/${uid}/resources/`);
    expect(resources.body.results.map((r: { title: string }) => r.title)).toEqual(["communes.csv"]);

    const job = await management.put(`/datasets/${uid}/publish`);
    expect(job.status, job.text).toBe(200);
    expect(job.body).toMatchObject({ dataset_uid: uid, function: "publish" });
    const ended = await jobEnded(management, job.body.job_id);
    expect(ended.state, JSON.stringify(ended)).toBe("done");

    const v2 = await management.get(`/datasets/${uid}`);
    expect(v2.body).toMatchObject({ dataset_uid: uid, visibility: "restricted" });
    expect(v2.body.metas.default.title).toBe("Communes (édité en v1)");
    expect(v2.body.metas.publishing.published).toBe(true);

    const catalog = await explore.get(`/catalog/datasets/${before.body.dataset_id}/`);
    expect(catalog.status, catalog.text).toBe(200);
    expect(catalog.body.metas.default.title).toBe("Communes (édité en v1)");
    const records = await explore.get(`/catalog/datasets/${before.body.dataset_id}/records/?order_by=population&select=commune`);
    expect(records.status, records.text).toBe(200);
    expect(records.body.total_count).toBe(3);
    expect(records.body.results.map((r: { commune: string }) => r.commune)).toEqual(["Paris 1er", "Lyon 1er", "Marseille 1er"]);

    // and udata reads it back published, with the v1 title
    const read = await udata.get(`/datasets/${uid}/`);
    expect(read.body).toMatchObject({ id: uid, title: "Communes (édité en v1)", private: true, deleted: null });
    expect(read.body.resources).toHaveLength(1);
  });
});
