// ODSQL geo filters (API-CONTRACT.md §5.7 P2) through real HTTP on a real database: within_distance, within,
// intersects and disjoint on a geo_point_2d field in records, facets, exports and a default security filter, and
// the 400s of bad geometries. Paris–Versailles is 17 km, Paris–Lyon 391 km, Lyon–Marseille 277 km.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api-client";
import { uniqueName } from "../support/fixtures";
import { publishingHelpers } from "../support/publishing";

const backend = inject("backend");

const CSV = `name;city;position;population
Paris;Paris;48.85,2.35;2100000
Lyon;Lyon;45.76,4.83;520000
Marseille;Marseille;43.3,5.37;870000
Versailles;Versailles;48.8,2.13;85000
Nowhere;Versailles;;
`;
const IDF = "POLYGON((1.4 48.1, 3.6 48.1, 3.6 49.25, 1.4 49.25, 1.4 48.1))";
const IDF_GEOJSON = JSON.stringify({ type: "Polygon", coordinates: [[[1.4, 48.1], [3.6, 48.1], [3.6, 49.25], [1.4, 49.25], [1.4, 48.1]]] });
const NEAR_PARIS = "within_distance(position, geom'POINT(2.35 48.85)', 20km)";
const security = (overrides: Record<string, unknown> = {}) => ({ is_data_visible: true, visible_fields: null, filter_query: "", api_calls_quota: null, ...overrides });

function q(params: Record<string, string | number | (string | number)[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  return `?${search.toString()}`;
}

describe.skipIf(!!backend.skipReason)(`Explore geo filters (${backend.provider})`, () => {
  const h = publishingHelpers(backend.baseUrl, backend.adminKey);
  const explore = apiClient(backend.baseUrl, undefined, "/api/explore/v2.1");
  let dataset: { uid: string; dataset_id: string };
  const title = "Geo cities";
  const records = (params: Record<string, string | number | (string | number)[]>) => explore.get(`/catalog/datasets/${dataset.dataset_id}/records/${q({ limit: 100, order_by: "name", ...params })}`);
  const names = async (where: string | string[]) => {
    const res = await records({ where, select: "name" });
    expect(res.status, res.text).toBe(200);
    expect(res.body.total_count).toBe(res.body.results.length);
    return res.body.results.map((r: { name: string }) => r.name);
  };

  beforeAll(async () => {
    dataset = await h.createDataset(title, { dataset_id: uniqueName("geo") });
    await h.addCsvResource(dataset.uid, CSV, "cities.csv");
    const facet = await h.admin.post(`/datasets/${dataset.uid}/fields/`, { type: "annotate", label: "City facet", field: "city", annotation: "facet" });
    expect(facet.status, facet.text).toBe(201);
    expect(await h.publishAndWait(dataset.uid)).toMatchObject({ status: "idle", is_published: true });
    const schema = await explore.get(`/catalog/datasets/${dataset.dataset_id}/`);
    expect(schema.body.fields.map((f: { name: string; type: string }) => [f.name, f.type])).toContainEqual(["position", "geo_point_2d"]);
  });

  it("filters records by great-circle distance, in any unit", async () => {
    expect(await names(NEAR_PARIS)).toEqual(["Paris", "Versailles"]);
    expect(await names("within_distance(position, geom'POINT(2.35 48.85)', 16 km)")).toEqual(["Paris"]);
    expect(await names("within_distance(position, geom'POINT(2.35 48.85)', 391km)")).toEqual(["Paris", "Versailles"]);
    expect(await names("within_distance(position, geom'POINT(2.35 48.85)', 392km)")).toEqual(["Lyon", "Paris", "Versailles"]);
    expect(await names("within_distance(position, geom'POINT(4.83 45.76)', 173mi)")).toEqual(["Lyon", "Marseille"]);
    expect(await names(`within_distance(position, geom'{"type":"Point","coordinates":[5.37,43.3]}', 100ft)`)).toEqual(["Marseille"]);
    expect(await names([NEAR_PARIS, 'city = "Versailles"'])).toEqual(["Versailles"]);
  });

  it("tests points against polygons with within, intersects and disjoint", async () => {
    expect(await names(`within(position, geom'${IDF}')`)).toEqual(["Paris", "Versailles"]);
    expect(await names(`within(position, geom'${IDF_GEOJSON}')`)).toEqual(["Paris", "Versailles"]);
    expect(await names(`intersects(position, geom'${IDF}')`)).toEqual(["Paris", "Versailles"]);
    expect(await names(`disjoint(position, geom'${IDF}')`)).toEqual(["Lyon", "Marseille"]);
    expect(await names(`not within(position, geom'${IDF}')`)).toEqual(["Lyon", "Marseille", "Nowhere"]);
    expect(await names("within(position, geom'POLYGON((1.5 48.1, 3.6 48.1, 1.5 49.3, 1.5 48.1))')")).toEqual(["Versailles"]);
    expect(await names("intersects(position, geom'POINT(4.83 45.76)')")).toEqual(["Lyon"]);
    expect(await names("within(position, geom'MULTIPOLYGON(((1.4 48.1, 3.6 48.1, 3.6 49.25, 1.4 49.25, 1.4 48.1)), ((4.5 43, 6 43, 6 44, 4.5 44, 4.5 43)))')")).toEqual([
      "Marseille",
      "Paris",
      "Versailles",
    ]);
  });

  it("filters facets and CSV exports", async () => {
    const facets = await explore.get(`/catalog/datasets/${dataset.dataset_id}/facets/${q({ where: NEAR_PARIS })}`);
    expect(facets.status, facets.text).toBe(200);
    expect(facets.body.facets).toEqual([
      {
        name: "city",
        facets: [
          { name: "Paris", value: "Paris", count: 1, state: "displayed" },
          { name: "Versailles", value: "Versailles", count: 1, state: "displayed" },
        ],
      },
    ]);
    const response = await fetch(`${backend.baseUrl}/api/explore/v2.1/catalog/datasets/${dataset.dataset_id}/exports/csv/${q({ where: `disjoint(position, geom'${IDF}')`, order_by: "name", select: "name" })}`);
    expect(response.status).toBe(200);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await response.arrayBuffer()))).toBe("\ufeffname\r\nLyon\r\nMarseille\r\n");
  });

  it("answers 400 ODSQLError for bad geometries, units and fields", async () => {
    const cases: [string, RegExp][] = [
      ["within(position, geom'POLYGON((0 0, 1 0, 1 1, 0 1))')", /^Invalid ODSQL in where: invalid geometry in within\(\): a polygon ring must be closed/],
      ["intersects(position, geom'LINESTRING(0 0, 1 1)')", /unsupported geometry LINESTRING/],
      [`within(position, geom'{"type":"Polygon"')`, /invalid geometry in within\(\): invalid GeoJSON/],
      ["within_distance(position, geom'POINT(2.35 48.85)', 10 parsecs)", /unknown distance unit "parsecs"/],
      ["within_distance(position, geom'POINT(200 48.85)', 10km)", /out of range/],
      ["within_distance(city, geom'POINT(2.35 48.85)', 10km)", /within_distance\(\) needs a geo_point_2d field, "city" is a text field/],
      ["position = geom'POINT(2.35 48.85)'", /unexpected/],
    ];
    for (const [where, message] of cases) {
      const res = await records({ where });
      expect(res.status, where).toBe(400);
      expect(res.body.error_code, where).toBe("ODSQLError");
      expect(res.body.message, where).toMatch(message);
    }
  });

  // Not geo, but P1 of the same ODSQL subset: they need a published dataset as much as the geo filters.
  it("groups by range() buckets and computes median, percentile and length", async () => {
    const buckets = await records({ group_by: "range(population, [100000, 1000000]) AS size", select: "count(*) AS n", order_by: "" });
    expect(buckets.status, buckets.text).toBe(200);
    expect(buckets.body.results).toEqual([
      { size: "[*, 100000[", n: 1 },
      { size: "[100000, 1000000[", n: 2 },
      { size: "[1000000, *[", n: 1 },
      { size: null, n: 1 },
    ]);
    const widths = await records({ group_by: "range(population, 1000000) AS size", select: "count(*) AS n", order_by: "", where: "population IS NOT NULL" });
    expect(widths.body.results).toEqual([
      { size: "[0, 1000000[", n: 3 },
      { size: "[2000000, 3000000[", n: 1 },
    ]);
    const stats = await records({ select: "median(population) AS m, percentile(population, 75) AS p75, max(length(name)) AS longest", order_by: "" });
    expect(stats.status, stats.text).toBe(200);
    expect(stats.body.results).toEqual([{ m: 695000, p75: 1177500, longest: 10 }]);
    const near = await records({ select: "name, length(name) AS letters", where: `${NEAR_PARIS} AND length(name) > 5` });
    expect(near.body.results).toEqual([{ name: "Versailles", letters: 10 }]);
  });

  it("applies a default security whose filter_query is a geo filter", async () => {
    const bad = await h.admin.put(`/datasets/${dataset.uid}/`, { metadata: { default: { title: { value: title } } }, default_security: security({ filter_query: "within(position, geom'POINT(1)')" }) });
    expect(bad.status, bad.text).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("security.filter_query");
    const changed = await h.admin.put(`/datasets/${dataset.uid}/`, { metadata: { default: { title: { value: title } } }, default_security: security({ filter_query: NEAR_PARIS }) });
    expect(changed.status, changed.text).toBe(200);
    expect(await names([])).toEqual(["Paris", "Versailles"]);
    expect(await names(`within(position, geom'${IDF}') OR city = "Lyon"`)).toEqual(["Paris", "Versailles"]);
    const all = await explore.get(`/catalog/datasets/${dataset.dataset_id}/records/?limit=100`, { key: backend.adminKey });
    expect(all.body.total_count).toBe(5);
  });
});
