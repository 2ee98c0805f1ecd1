// The Explore API v2.1 (API-CONTRACT.md §5) through real HTTP on a real database: exact answers of records,
// facets and exports on a small known dataset, the vendor's parameter errors, and who sees what.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../support/fixtures";
import { publishingHelpers, versionedCsv } from "../support/publishing";

const backend = inject("backend");

// Cells starting with = + - @ must come out of CSV exports defused; "a; b" holds the delimiter, the last note quotes.
const CSV = `name;city;population;score;founded;active;position;note
Alpha;Paris;100;1.5;2019-03-10;true;48.85,2.35;=1+2
Beta;Lyon;250;2.5;2020-11-05;false;45.75,4.85;+33 call
Gamma;Paris;300;-0.5;2020-01-15;true;48.86,2.34;-5 degrees
Delta;Nice;50;4;2021-06-01;false;43.7,7.26;@home
Epsilon;Lyon;1000;3;2020-11-30;true;45.76,4.83;"a; b"
Zeta;Paris;7;0;2018-07-14;;48.84,2.36;"say ""hi"""
`;
const ALL = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"];

/** A query string as @opendatasoft/api-client builds it: URLSearchParams, so spaces travel as "+". */
function q(params: Record<string, string | number | (string | number)[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  return `?${search.toString()}`;
}

describe.skipIf(!!backend.skipReason)(`Explore API v2.1 (${backend.provider})`, () => {
  const h = publishingHelpers(backend.baseUrl, backend.adminKey);
  const explore = apiClient(backend.baseUrl, undefined, "/api/explore/v2.1");
  let known: { uid: string; dataset_id: string };
  let restricted: { uid: string; dataset_id: string };
  let unpublished: { uid: string; dataset_id: string };
  const records = (params: Record<string, string | number | (string | number)[]> = {}) => explore.get(`/catalog/datasets/${known.dataset_id}/records/${q(params)}`);
  const names = async (params: Record<string, string | number | (string | number)[]>) => {
    const res = await records({ limit: 100, ...params });
    expect(res.status, res.text).toBe(200);
    expect(res.body.total_count).toBe(res.body.results.length);
    return res.body.results.map((r: { name: string }) => r.name);
  };

  beforeAll(async () => {
    known = await h.createDataset("Known places", { dataset_id: uniqueName("places") });
    await h.addCsvResource(known.uid, CSV, "places.csv");
    const facet = await h.admin.post(`/datasets/${known.uid}/fields/`, { type: "annotate", label: "City is a facet", field: "city", annotation: "facet" });
    expect(facet.status, facet.text).toBe(201);
    restricted = await h.createDataset("Restricted places", { dataset_id: uniqueName("restricted"), is_restricted: true });
    await h.addCsvResource(restricted.uid, versionedCsv("secret", 4));
    unpublished = await h.createDataset("Unpublished places", { dataset_id: uniqueName("unpublished") });
    await h.addCsvResource(unpublished.uid, versionedCsv("draft", 4));
    const [a, b] = await Promise.all([h.publishAndWait(known.uid), h.publishAndWait(restricted.uid)]);
    expect(a).toMatchObject({ status: "idle", is_published: true });
    expect(b).toMatchObject({ status: "idle", is_published: true });
  });

  describe("catalog", () => {
    it("lists published datasets with their fields and metas", async () => {
      const res = await explore.get(`/catalog/datasets/${q({ where: `dataset_id = "${known.dataset_id}"` })}`);
      expect(res.status, res.text).toBe(200);
      expect(res.body.total_count).toBe(1);
      const [dataset] = res.body.results;
      expect(dataset).toMatchObject({ dataset_id: known.dataset_id, dataset_uid: known.uid, has_records: true, data_visible: true, visibility: "domain" });
      expect(dataset.features).toEqual(expect.arrayContaining(["analyze", "geo", "timeserie"]));
      expect(dataset.fields.map((f: { name: string; type: string }) => [f.name, f.type])).toEqual([
        ["name", "text"],
        ["city", "text"],
        ["population", "int"],
        ["score", "double"],
        ["founded", "date"],
        ["active", "boolean"],
        ["position", "geo_point_2d"],
        ["note", "text"],
      ]);
      expect(dataset.fields[1].annotations).toEqual({ facet: [] });
      expect(dataset.metas.default).toMatchObject({ title: "Known places", records_count: 6 });

      const one = await explore.get(`/catalog/datasets/${known.dataset_id}/`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(dataset);
    });

    it("never shows an unpublished dataset", async () => {
      expect((await explore.get(`/catalog/datasets/${unpublished.dataset_id}/`)).status).toBe(404);
      expect((await explore.get(`/catalog/datasets/${unpublished.dataset_id}/records/`)).status).toBe(404);
      const list = await explore.get(`/catalog/datasets/${q({ where: `dataset_id = "${unpublished.dataset_id}"` })}`);
      expect(list.body.total_count).toBe(0);
      expect((await explore.get("/catalog/datasets/no-such-dataset/")).body.error_code).toBe("not_found");
    });

    it("pages the catalog within the records limits", async () => {
      const res = await explore.get(`/catalog/datasets/${q({ limit: 1 })}`);
      expect(res.status).toBe(200);
      expect(res.body.results).toHaveLength(1);
      const none = await explore.get(`/catalog/datasets/${q({ limit: 0 })}`);
      expect(none.body).toEqual({ total_count: res.body.total_count, results: [] });
      const tooMany = await explore.get(`/catalog/datasets/${q({ limit: 101 })}`);
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error_code).toBe("InvalidRESTParameterError");
    });
  });

  describe("records", () => {
    it("answers every field decoded, in file order, with a record id", async () => {
      const res = await records({ limit: 2 });
      expect(res.status, res.text).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.body.total_count).toBe(6);
      expect(res.body.results[0]).toEqual({
        name: "Alpha",
        city: "Paris",
        population: 100,
        score: 1.5,
        founded: "2019-03-10",
        active: true,
        position: { lat: 48.85, lon: 2.35 },
        note: "=1+2",
        _id: expect.stringMatching(/^[0-9a-f]{40}$/),
      });
      expect(res.body.results[1]).toMatchObject({ name: "Beta", active: false });
      expect(await names({})).toEqual(ALL);
      // limit -1 is the maximum allowed
      expect(await names({ limit: -1 })).toEqual(ALL);
    });

    it("filters with where", async () => {
      expect(await names({ where: "population > 100" })).toEqual(["Beta", "Gamma", "Epsilon"]);
      expect(await names({ where: 'city = "Paris" AND population >= 100' })).toEqual(["Alpha", "Gamma"]);
      expect(await names({ where: ["city:'Paris'", "score < 1"] })).toEqual(["Gamma", "Zeta"]);
      expect(await names({ where: "founded >= date'2020'" })).toEqual(["Beta", "Gamma", "Delta", "Epsilon"]);
      expect(await names({ where: "active IS FALSE OR active IS NULL" })).toEqual(["Beta", "Delta", "Zeta"]);
      expect(await names({ where: 'city IN ("Nice", "Lyon")' })).toEqual(["Beta", "Delta", "Epsilon"]);
      expect(await names({ where: "population IN [50..250[" })).toEqual(["Alpha", "Delta"]);
      expect(await names({ where: '"alpha"' })).toEqual(["Alpha"]);
      expect(await names({ where: 'search("lyon")' })).toEqual(["Beta", "Epsilon"]);
    });

    it("sorts and pages with order_by, limit and offset", async () => {
      const res = await records({ select: "name, population", order_by: "population desc", limit: 2, offset: 1 });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ total_count: 6, results: [{ name: "Gamma", population: 300 }, { name: "Beta", population: 250 }] });
      expect(await names({ order_by: "city, score desc" })).toEqual(["Epsilon", "Beta", "Delta", "Alpha", "Zeta", "Gamma"]);
    });

    it("selects expressions with labels", async () => {
      const res = await records({ select: "name, population * 2 AS double_population, upper(city) AS town", where: 'name = "Beta"' });
      expect(res.body).toEqual({ total_count: 1, results: [{ name: "Beta", double_population: 500, town: "LYON" }] });
    });

    it("groups with group_by and aggregates", async () => {
      const res = await records({ select: "count(*) AS n, sum(population) AS total", group_by: "city", order_by: "n desc" });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({
        total_count: 3,
        results: [
          { city: "Paris", n: 3, total: 407 },
          { city: "Lyon", n: 2, total: 1250 },
          { city: "Nice", n: 1, total: 50 },
        ],
      });
      const byYear = await records({ select: "count(*) AS n", group_by: "year(founded) AS y", order_by: "y" });
      expect(byYear.body.results).toEqual([
        { y: 2018, n: 1 },
        { y: 2019, n: 1 },
        { y: 2020, n: 3 },
        { y: 2021, n: 1 },
      ]);
    });

    it("restricts with refine and exclude", async () => {
      expect(await names({ refine: "city:Paris" })).toEqual(["Alpha", "Gamma", "Zeta"]);
      expect(await names({ exclude: "city:Paris" })).toEqual(["Beta", "Delta", "Epsilon"]);
      expect(await names({ refine: ["city:Lyon", "active:true"] })).toEqual(["Epsilon"]);
      expect(await names({ refine: "founded:2020", exclude: "city:Lyon" })).toEqual(["Gamma"]);
      expect(await names({ refine: "founded:2020/11" })).toEqual(["Beta", "Epsilon"]);
      expect(await names({ exclude: ["city:Paris", "city:Lyon"] })).toEqual(["Delta"]);
    });

    it("answers one record by its id, and 404 for an unknown one", async () => {
      const [alpha] = (await records({ where: 'name = "Alpha"' })).body.results;
      const res = await explore.get(`/catalog/datasets/${known.dataset_id}/records/${alpha._id}/`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(alpha);
      expect((await explore.get(`/catalog/datasets/${known.dataset_id}/records/${"0".repeat(40)}/`)).status).toBe(404);
      expect((await explore.get(`/catalog/datasets/${known.dataset_id}/records/not-an-id/`)).status).toBe(404);
    });

    it("refuses limits out of range with InvalidRESTParameterError", async () => {
      const cases: [Record<string, string | number>, string][] = [
        [{ limit: 101 }, "Invalid value for limit API parameter: 101 was found but -1 <= limit <= 100 is expected."],
        [{ limit: -2 }, "Invalid value for limit API parameter: -2 was found but -1 <= limit <= 100 is expected."],
        [{ offset: 9950, limit: 100 }, "Invalid value for sum of offset + limit API parameter: 10050 was found but <= 10000 is expected."],
        [{ offset: -1 }, "Invalid value for offset API parameter: -1 was found but offset >= 0 is expected."],
        [{ group_by: "city", limit: 20001 }, "Invalid value for limit API parameter: 20001 was found but -1 <= limit <= 20000 is expected."],
        [{ group_by: "city", offset: 19990, limit: 20 }, "Invalid value for sum of offset + limit API parameter: 20010 was found but <= 20000 is expected."],
        [{ limit: "ten" }, 'Invalid value for limit API parameter: "ten" is not an integer.'],
      ];
      for (const [params, message] of cases) {
        const res = await records(params);
        expect(res.status, JSON.stringify(params)).toBe(400);
        expect(res.body).toEqual({ error_code: "InvalidRESTParameterError", message });
      }
      // at the boundary
      expect((await records({ offset: 9900, limit: 100 })).status).toBe(200);
    });

    it("refuses malformed ODSQL with ODSQLError naming the clause", async () => {
      const cases: [Record<string, string>, RegExp][] = [
        [{ where: "population >>> 3" }, /where/],
        [{ where: "nope = 1" }, /nope/],
        [{ select: "name," }, /select/],
        [{ order_by: "population sideways" }, /order_by/],
        [{ group_by: "count(" }, /group_by/],
      ];
      for (const [params, message] of cases) {
        const res = await records(params);
        expect(res.status, JSON.stringify(params)).toBe(400);
        expect(res.body.error_code, JSON.stringify(params)).toBe("ODSQLError");
        expect(res.body.message).toMatch(message);
      }
    });
  });

  describe("facets", () => {
    const facets = async (params: Record<string, string | string[]>) => {
      const res = await explore.get(`/catalog/datasets/${known.dataset_id}/facets/${q(params)}`);
      expect(res.status, res.text).toBe(200);
      return res.body;
    };

    it("counts the configured facets by default", async () => {
      expect(await facets({})).toEqual({
        links: [],
        facets: [
          {
            name: "city",
            facets: [
              { name: "Paris", value: "Paris", count: 3, state: "displayed" },
              { name: "Lyon", value: "Lyon", count: 2, state: "displayed" },
              { name: "Nice", value: "Nice", count: 1, state: "displayed" },
            ],
          },
        ],
      });
    });

    it("marks refined and excluded values and applies where", async () => {
      expect((await facets({ facet: "city", refine: "city:Lyon" })).facets[0].facets).toEqual([{ name: "Lyon", value: "Lyon", count: 2, state: "refined" }]);
      expect((await facets({ facet: "city", exclude: "city:Nice" })).facets[0].facets).toEqual([
        { name: "Paris", value: "Paris", count: 3, state: "displayed" },
        { name: "Lyon", value: "Lyon", count: 2, state: "displayed" },
        { name: "Nice", value: "Nice", state: "excluded" },
      ]);
      expect((await facets({ facet: "city", where: "population >= 250" })).facets[0].facets.map((f: { value: string; count: number }) => [f.value, f.count])).toEqual([
        ["Lyon", 2],
        ["Paris", 1],
      ]);
      // a disjunctive facet keeps the other values visible
      const disjunctive = await facets({ facet: 'facet(name="city", disjunctive=true)', refine: "city:Lyon" });
      expect(disjunctive.facets[0].facets.map((f: { value: string; state: string }) => [f.value, f.state])).toEqual([
        ["Paris", "displayed"],
        ["Lyon", "refined"],
        ["Nice", "displayed"],
      ]);
    });

    it("facets dates by level and booleans as true/false", async () => {
      const years = await facets({ facet: 'facet(name="founded", sort="alphanum")' });
      expect(years.facets[0].facets.map((f: { name: string; count: number }) => [f.name, f.count])).toEqual([
        ["2018", 1],
        ["2019", 1],
        ["2020", 3],
        ["2021", 1],
      ]);
      // refining a year reveals its months (within the refinement, so shown as refined), then a month its days
      const months = await facets({ facet: 'facet(name="founded", sort="alphanum")', refine: "founded:2020" });
      expect(months.facets[0].facets).toEqual([
        { name: "01", value: "2020/01", count: 1, state: "refined" },
        { name: "11", value: "2020/11", count: 2, state: "refined" },
      ]);
      const days = await facets({ facet: 'facet(name="founded", sort="alphanum")', refine: ["founded:2020", "founded:2020/11"] });
      expect(days.facets[0].facets.map((f: { name: string; value: string }) => [f.name, f.value])).toEqual([
        ["05", "2020/11/05"],
        ["30", "2020/11/30"],
      ]);
      const active = await facets({ facet: "active" });
      expect(active.facets[0].facets.map((f: { value: string; count: number }) => [f.value, f.count])).toEqual([
        ["true", 3],
        ["false", 2],
      ]);
    });

    it("refuses a malformed facet with ODSQLError", async () => {
      const res = await explore.get(`/catalog/datasets/${known.dataset_id}/facets/${q({ facet: 'facet(name="city", sort="size")' })}`);
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe("ODSQLError");
    });
  });

  describe("exports", () => {
    const download = async (format: string, params: Record<string, string | number> = {}) => {
      const response = await fetch(`${backend.baseUrl}/api/explore/v2.1/catalog/datasets/${known.dataset_id}/exports/${format}/${q(params)}`);
      return { status: response.status, type: response.headers.get("content-type") ?? "", bytes: new Uint8Array(await response.arrayBuffer()) };
    };
    const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

    it("lists the export formats", async () => {
      const res = await explore.get(`/catalog/datasets/${known.dataset_id}/exports/`);
      expect(res.status).toBe(200);
      expect(res.body.links.map((l: { rel: string }) => l.rel)).toEqual(expect.arrayContaining(["csv", "json", "jsonl", "geojson"]));
    });

    it("exports CSV with a BOM, ';', a header, quoted delimiters and defused formulas", async () => {
      const csv = await download("csv");
      expect(csv.status).toBe(200);
      expect(csv.type).toMatch(/^text\/csv/);
      expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(text(csv.bytes)).toBe(
        "\ufeff" +
          [
            "name;city;population;score;founded;active;position;note",
            "Alpha;Paris;100;1.5;2019-03-10;true;48.85, 2.35;'=1+2",
            "Beta;Lyon;250;2.5;2020-11-05;false;45.75, 4.85;'+33 call",
            // a negative number is a number, not a formula: only text is defused
            "Gamma;Paris;300;-0.5;2020-01-15;true;48.86, 2.34;'-5 degrees",
            "Delta;Nice;50;4;2021-06-01;false;43.7, 7.26;'@home",
            'Epsilon;Lyon;1000;3;2020-11-30;true;45.76, 4.83;"a; b"',
            'Zeta;Paris;7;0;2018-07-14;;48.84, 2.36;"say ""hi"""',
          ]
            .map((line) => `${line}\r\n`)
            .join(""),
      );
    });

    it("honours the CSV options and the query", async () => {
      const csv = await download("csv", { delimiter: ",", with_bom: "false", select: "name, score", where: "score < 2", order_by: "score" });
      expect(text(csv.bytes)).toBe("name,score\r\nGamma,-0.5\r\nZeta,0\r\nAlpha,1.5\r\n");
    });

    it("exports JSON, JSON lines and GeoJSON that parse", async () => {
      const json = await download("json");
      expect(json.status).toBe(200);
      expect(json.type).toMatch(/^application\/json/);
      const array = JSON.parse(text(json.bytes));
      expect(array.map((r: { name: string }) => r.name)).toEqual(ALL);
      expect(array[0]).toMatchObject({ name: "Alpha", position: { lat: 48.85, lon: 2.35 }, active: true });

      const jsonl = await download("jsonl", { where: 'city = "Paris"' });
      const lines = text(jsonl.bytes).trimEnd().split("\n");
      expect(lines.map((line) => JSON.parse(line).name)).toEqual(["Alpha", "Gamma", "Zeta"]);

      const geojson = JSON.parse(text((await download("geojson", { order_by: "population desc", limit: 2 })).bytes));
      expect(geojson.type).toBe("FeatureCollection");
      expect(geojson.features).toHaveLength(2);
      expect(geojson.features[0]).toMatchObject({ type: "Feature", geometry: { type: "Point", coordinates: [4.83, 45.76] }, properties: { name: "Epsilon" } });
    });

    it("exports nothing but the matching records, and refuses an unknown format", async () => {
      expect(JSON.parse(text((await download("json", { where: "population > 5000" })).bytes))).toEqual([]);
      const unknown = await explore.get(`/catalog/datasets/${known.dataset_id}/exports/pdf/`);
      expect(unknown.status).toBe(400);
      expect(unknown.body.error_code).toBe("InvalidRESTParameterError");
      expect((await explore.get(`/catalog/datasets/${unpublished.dataset_id}/exports/csv/`)).status).toBe(404);
    });
  });

  describe("restricted datasets", () => {
    let reviewer: TestUser;
    let stranger: TestUser;
    beforeAll(async () => {
      reviewer = await createTestUser({ prefix: "reviewer", permissions: ["explore_restricted_dataset"] });
      stranger = await createTestUser({ prefix: "stranger", permissions: ["create_dataset"] });
    });
    const paths = () => [`/catalog/datasets/${restricted.dataset_id}/`, `/catalog/datasets/${restricted.dataset_id}/records/`, `/catalog/datasets/${restricted.dataset_id}/facets/`, `/catalog/datasets/${restricted.dataset_id}/exports/json/`];
    const listed = async (client: ReturnType<typeof apiClient>, headers?: Record<string, string>) =>
      (await client.get(`/catalog/datasets/${q({ where: `dataset_id = "${restricted.dataset_id}"` })}`, { headers })).body.total_count;

    it("is invisible to anonymous callers and to users without a right on it (404)", async () => {
      expect(await listed(explore)).toBe(0);
      for (const path of paths()) expect((await explore.get(path)).status, path).toBe(404);
      const client = apiClient(backend.baseUrl, stranger.apiKey, "/api/explore/v2.1");
      expect(await listed(client)).toBe(0);
      for (const path of paths()) expect((await client.get(path)).status, path).toBe(404);
      // the public one stays public for both
      expect((await client.get(`/catalog/datasets/${known.dataset_id}/`)).status).toBe(200);
    });

    it("is visible to the administrator's API key and to a reviewer", async () => {
      const headers = { Authorization: `ApiKey ${backend.adminKey}` };
      expect(await listed(explore, headers)).toBe(1);
      for (const path of paths()) expect((await explore.get(path, { headers })).status, path).toBe(200);
      const dataset = await explore.get(`/catalog/datasets/${restricted.dataset_id}/`, { headers });
      expect(dataset.body.visibility).toBe("restricted");
      const rows = await explore.get(`/catalog/datasets/${restricted.dataset_id}/records/${q({ select: "label", order_by: "id" })}`, { headers });
      expect(rows.body).toEqual({ total_count: 4, results: ["secret-1", "secret-2", "secret-3", "secret-4"].map((label) => ({ label })) });
      // the key in the query string works too
      expect((await explore.get(`/catalog/datasets/${restricted.dataset_id}/${q({ apikey: backend.adminKey })}`)).status).toBe(200);

      const client = apiClient(backend.baseUrl, reviewer.apiKey, "/api/explore/v2.1");
      expect(await listed(client)).toBe(1);
      expect((await client.get(`/catalog/datasets/${restricted.dataset_id}/records/`)).body.total_count).toBe(4);
    });
  });
});
