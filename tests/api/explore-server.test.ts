// The production server answers Explore API reads before Next (server/explore-fast-path.ts). Through real HTTP on
// a real database: it answers exactly what the Next route answers (the console's own requests still go through
// Next), with the same security headers; and the published dataset it keeps in memory between calls is only used
// while it is current, so a restriction, a default security or a new publish applies on the next call.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api-client";
import { uniqueName } from "../support/fixtures";
import { publishingHelpers } from "../support/publishing";

const backend = inject("backend");

const CSV = `name;city;population
Alpha;Paris;100
Beta;Lyon;250
Gamma;Paris;300
Delta;Nice;50
`;
const MORE_PARIS = `${CSV}Epsilon;Paris;75\n`;

// The console marks its own API requests with this header; Next answers them (errors in the user's language).
const THROUGH_NEXT = { "x-dpc-console": "1", "Accept-Language": "en" };
const SECURITY_HEADERS = { "x-content-type-options": "nosniff", "referrer-policy": "same-origin", "x-frame-options": "DENY" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!!backend.skipReason)(`Explore on the production server (${backend.provider})`, () => {
  const h = publishingHelpers(backend.baseUrl, backend.adminKey);
  const anonymous = apiClient(backend.baseUrl, undefined, "/api/explore");
  let dataset: { uid: string; dataset_id: string };
  let resource: string;
  const title = "Explore fast path cities";

  const setDataset = async (extra: Record<string, unknown>) => {
    const res = await h.admin.put(`/datasets/${dataset.uid}/`, { metadata: { default: { title: { value: title } } }, ...extra });
    expect(res.status, res.text).toBe(200);
  };
  const records = (query = "") => anonymous.get(`/v2.1/catalog/datasets/${dataset.dataset_id}/records/?limit=20&order_by=name${query}`);

  beforeAll(async () => {
    dataset = await h.createDataset(title, { dataset_id: uniqueName("fastpath") });
    resource = await h.addCsvResource(dataset.uid, CSV, "cities.csv");
    const facet = await h.admin.post(`/datasets/${dataset.uid}/fields/`, { type: "annotate", label: "City facet", field: "city", annotation: "facet" });
    expect(facet.status, facet.text).toBe(201);
    expect(await h.publishAndWait(dataset.uid)).toMatchObject({ status: "idle", is_published: true });
  });

  it("answers what the Next route answers, with the same headers", async () => {
    const base = `/v2.1/catalog/datasets/${dataset.dataset_id}`;
    const paths = [
      `${base}/`,
      `${base}/records/?where=${encodeURIComponent('city = "Paris"')}&order_by=population%20desc&select=name,population`,
      `${base}/records/?group_by=city&select=${encodeURIComponent("count(*) as n")}&order_by=city`,
      `${base}/records/?refine=city:Lyon`,
      `${base}/facets/`,
      `${base}/exports/`,
      `${base}/exports/csv/?order_by=name`,
      `${base}/exports/json/?order_by=name`,
      `${base}/records/?where=${encodeURIComponent("population >")}`,
      `${base}/records/?limit=500`,
      `${base}/records/${"0".repeat(40)}/`,
      `/v2.1/catalog/datasets/${uniqueName("missing")}/records/`,
      `/v9/catalog/datasets/`,
    ];
    for (const path of paths) {
      const [fast, viaNext] = await Promise.all([anonymous.get(path), anonymous.get(path, { headers: THROUGH_NEXT })]);
      expect(fast.status, path).toBe(viaNext.status);
      expect(fast.text, path).toBe(viaNext.text);
      for (const name of ["content-type", "content-disposition", "cache-control"]) expect(fast.headers.get(name), `${name} of ${path}`).toBe(viaNext.headers.get(name));
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(fast.headers.get(name), `${name} of ${path}`).toBe(value);
    }
  });

  it("answers HEAD with the headers and no body", async () => {
    const res = await fetch(`${backend.baseUrl}/api/explore/v2.1/catalog/datasets/${dataset.dataset_id}/records/`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.text()).toBe("");
  });

  it("applies a change of restriction or default security on the next call", async () => {
    // Read it twice after a pause, so that the server keeps this version of the dataset in memory.
    await sleep(1_100);
    expect((await records()).status).toBe(200);
    expect((await records()).body.total_count).toBe(4);

    await setDataset({ is_restricted: true });
    expect((await records()).status).toBe(404);
    const admin = apiClient(backend.baseUrl, backend.adminKey, "/api/explore");
    expect((await admin.get(`/v2.1/catalog/datasets/${dataset.dataset_id}/records/`)).status).toBe(200);

    await setDataset({ is_restricted: false });
    expect((await records()).status).toBe(200);

    await sleep(1_100);
    expect((await records()).status).toBe(200);
    await setDataset({ default_security: { is_data_visible: true, visible_fields: ["name"], filter_query: 'city = "Paris"', api_calls_quota: null } });
    const narrowed = await records();
    expect(narrowed.status, narrowed.text).toBe(200);
    expect(narrowed.body.total_count).toBe(2);
    expect(narrowed.body.results.map(({ _id, ...fields }: Record<string, unknown>) => fields)).toEqual([{ name: "Alpha" }, { name: "Gamma" }]);

    await setDataset({ default_security: { is_data_visible: true, visible_fields: null, filter_query: "", api_calls_quota: null } });
    expect((await records()).body.total_count).toBe(4);
  });

  it("counts and facets the new records after a publish", async () => {
    const paris = encodeURIComponent('city = "Paris"');
    const facets = async () => {
      const res = await anonymous.get(`/v2.1/catalog/datasets/${dataset.dataset_id}/facets/?facet=city`);
      expect(res.status, res.text).toBe(200);
      return Object.fromEntries(res.body.facets[0].facets.map((f: { name: string; count: number }) => [f.name, f.count]));
    };
    expect((await records(`&where=${paris}`)).body.total_count).toBe(2);
    expect(await facets()).toEqual({ Paris: 2, Lyon: 1, Nice: 1 });

    await h.replaceResourceFile(dataset.uid, resource, MORE_PARIS, "cities.csv");
    expect(await h.publishAndWait(dataset.uid)).toMatchObject({ status: "idle", is_published: true });
    expect((await records(`&where=${paris}`)).body.total_count).toBe(3);
    expect((await records()).body.total_count).toBe(5);
    expect(await facets()).toEqual({ Paris: 3, Lyon: 1, Nice: 1 });
  });
});
