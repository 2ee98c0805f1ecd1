// Opendatasoft's own JavaScript client (@opendatasoft/api-client, the real npm package) against our server:
// what it sends (trailing slashes, sorted parameters, spaces as "+", `Authorization: ApiKey …`) must be understood,
// and what we answer must be what it expects.
import { ApiClient, fromCatalog, NotFoundError, UserError, type ApiCatalog, type ApiDatasetRecords, type ApiFacets } from "@opendatasoft/api-client";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { uniqueName } from "../support/fixtures";
import { publishingHelpers } from "../support/publishing";

const backend = inject("backend");

const CSV = `station;line;riders;opened
Châtelet;1;91000;1900-07-19
Bastille;1;30000;1900-07-19
Nation;2;42000;1900-07-19
Gare du Nord;4;58000;1908-04-21
Odéon;4;21000;1910-01-09
`;

type Station = { station: string; line: number; riders: number; opened: string };

describe.skipIf(!!backend.skipReason)(`@opendatasoft/api-client against our Explore API (${backend.provider})`, () => {
  const h = publishingHelpers(backend.baseUrl, backend.adminKey);
  // A full URL as domain: the client then queries `<domain>/api/explore/v2.1/`.
  const client = new ApiClient({ domain: backend.baseUrl, hideDeprecatedWarning: true });
  let dataset_id: string;
  let restricted_id: string;

  beforeAll(async () => {
    const dataset = await h.createDataset("Metro stations", { dataset_id: uniqueName("metro") });
    dataset_id = dataset.dataset_id;
    await h.addCsvResource(dataset.uid, CSV, "stations.csv");
    const facet = await h.admin.post(`/datasets/${dataset.uid}/fields/`, { type: "annotate", label: "Line is a facet", field: "line", annotation: "facet" });
    expect(facet.status, facet.text).toBe(201);
    const secret = await h.createDataset("Metro, restricted", { dataset_id: uniqueName("metro_restricted"), is_restricted: true });
    restricted_id = secret.dataset_id;
    await h.addCsvResource(secret.uid, CSV, "stations.csv");
    const [a, b] = await Promise.all([h.publishAndWait(dataset.uid), h.publishAndWait(secret.uid)]);
    expect(a).toMatchObject({ status: "idle", is_published: true });
    expect(b).toMatchObject({ status: "idle", is_published: true });
  });

  it("sends its requests to <domain>/api/explore/v2.1/", async () => {
    const urls: string[] = [];
    const spy = new ApiClient({
      domain: backend.baseUrl,
      hideDeprecatedWarning: true,
      interceptRequest: async (request) => {
        urls.push(request.url);
        return request;
      },
    });
    await spy.get(fromCatalog().dataset(dataset_id).records().limit(1));
    expect(urls).toEqual([`${backend.baseUrl}/api/explore/v2.1/catalog/datasets/${dataset_id}/records/?limit=1`]);
  });

  it("queries records with where, orderBy and limit", async () => {
    const query = fromCatalog().dataset(dataset_id).records().select("station, riders").where("line = 1 OR line = 4").orderBy("riders desc").limit(3);
    const response = await client.get<ApiDatasetRecords<Station>>(query);
    expect(response.total_count).toBe(4);
    expect(response.results).toEqual([
      { station: "Châtelet", riders: 91000 },
      { station: "Gare du Nord", riders: 58000 },
      { station: "Bastille", riders: 30000 },
    ]);

    const accents = await client.get<ApiDatasetRecords<Station>>(fromCatalog().dataset(dataset_id).records().where('station = "Odéon"'));
    expect(accents.total_count).toBe(1);
    expect(accents.results[0]).toMatchObject({ station: "Odéon", line: 4, riders: 21000, opened: "1910-01-09" });

    const grouped = await client.get<ApiDatasetRecords<{ line: number; total: number }>>(
      fromCatalog().dataset(dataset_id).records().select("sum(riders) AS total").groupBy("line").orderBy("total desc"),
    );
    expect(grouped.results).toEqual([
      { line: 1, total: 121000 },
      { line: 4, total: 79000 },
      { line: 2, total: 42000 },
    ]);
  });

  it("refines and excludes, one parameter per value", async () => {
    const response = await client.get<ApiDatasetRecords<Station>>(fromCatalog().dataset(dataset_id).records().refine("line:4").exclude("station:Odéon"));
    expect(response.results.map((r) => r.station)).toEqual(["Gare du Nord"]);
  });

  it("reads facets", async () => {
    const response = await client.get<ApiFacets>(fromCatalog().dataset(dataset_id).facets().facet("line"));
    expect(response.facets).toEqual([
      {
        name: "line",
        facets: [
          { name: "1", value: "1", count: 2, state: "displayed" },
          { name: "4", value: "4", count: 2, state: "displayed" },
          { name: "2", value: "2", count: 1, state: "displayed" },
        ],
      },
    ]);
  });

  it("reads a JSON export", async () => {
    const rows = await client.get<Station[]>(fromCatalog().dataset(dataset_id).export("json").where("riders >= 42000").orderBy("station"));
    expect(rows.map((r) => [r.station, r.riders])).toEqual([
      ["Châtelet", 91000],
      ["Gare du Nord", 58000],
      ["Nation", 42000],
    ]);
  });

  it("queries the catalog", async () => {
    const catalog = await client.get<ApiCatalog>(fromCatalog().datasets().where(`dataset_id = "${dataset_id}"`));
    expect(catalog.total_count).toBe(1);
    const [dataset] = catalog.results;
    expect(dataset).toMatchObject({ dataset_id, has_records: true, visibility: "domain" });
    expect(dataset!.fields.map((f) => [f.name, f.type])).toEqual([
      ["station", "text"],
      ["line", "int"],
      ["riders", "int"],
      ["opened", "date"],
    ]);
    expect((dataset!.metas as { default: { records_count: number } }).default.records_count).toBe(5);

    const one = await client.get<{ dataset_id: string }>(fromCatalog().dataset(dataset_id).itself());
    expect(one.dataset_id).toBe(dataset_id);
  });

  it("raises the client's own errors for our error answers", async () => {
    await expect(client.get(fromCatalog().dataset("no-such-dataset").records())).rejects.toBeInstanceOf(NotFoundError);
    const limit = client.get(fromCatalog().dataset(dataset_id).records().limit(1000));
    await expect(limit).rejects.toBeInstanceOf(UserError);
    await expect(limit).rejects.toMatchObject({ details: { error_code: "InvalidRESTParameterError" } });
    await expect(client.get(fromCatalog().dataset(dataset_id).records().where("line ==="))).rejects.toMatchObject({ details: { error_code: "ODSQLError" } });
  });

  it("authenticates with its apiKey option on restricted datasets", async () => {
    await expect(client.get(fromCatalog().dataset(restricted_id).records())).rejects.toBeInstanceOf(NotFoundError);
    const withKey = new ApiClient({ domain: backend.baseUrl, apiKey: backend.adminKey, hideDeprecatedWarning: true });
    const response = await withKey.get<ApiDatasetRecords<Station>>(fromCatalog().dataset(restricted_id).records().orderBy("station").limit(2));
    expect(response.total_count).toBe(5);
    expect(response.results.map((r) => r.station)).toEqual(["Bastille", "Châtelet"]);
  });
});
