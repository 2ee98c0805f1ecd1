// The Explore `timezone` parameter (API-CONTRACT.md §5.3) through real HTTP on a real database: datetimes come out
// with the zone's offset, offset-less date literals and date facets follow the zone's calendar (DST included), and
// an unknown zone is the vendor's InvalidRESTParameterError. Without the parameter everything stays UTC.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api-client";
import { uniqueName } from "../support/fixtures";
import { publishingHelpers } from "../support/publishing";

const backend = inject("backend");

// Instants around Europe/Paris's 2021 spring-forward (03-28 01:00Z) and fall-back (10-31 01:00Z).
const CSV = `name;at;day
spring-first;2021-03-27T23:30:00Z;2021-03-28
spring-gap;2021-03-28T01:30:00Z;2021-03-28
spring-next;2021-03-28T22:30:00Z;2021-03-29
autumn-second;2021-10-31T01:30:00Z;2021-10-31
november;2021-10-31T23:00:00Z;2021-11-01
`;
const PARIS = "Europe/Paris";

/** A query string as @opendatasoft/api-client builds it: URLSearchParams, so spaces travel as "+". */
function q(params: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  return `?${search.toString()}`;
}

describe.skipIf(!!backend.skipReason)(`Explore timezone parameter (${backend.provider})`, () => {
  const h = publishingHelpers(backend.baseUrl, backend.adminKey);
  const explore = apiClient(backend.baseUrl, undefined, "/api/explore/v2.1");
  let dataset: { uid: string; dataset_id: string };
  const base = () => `/catalog/datasets/${dataset.dataset_id}`;
  const records = async (params: Record<string, string | string[]>) => {
    const res = await explore.get(`${base()}/records/${q({ limit: "100", ...params })}`);
    expect(res.status, res.text).toBe(200);
    return res.body as { total_count: number; results: Record<string, unknown>[] };
  };
  const names = async (params: Record<string, string | string[]>) => {
    const body = await records({ select: "name", ...params });
    expect(body.total_count).toBe(body.results.length);
    return body.results.map((r) => r.name);
  };

  beforeAll(async () => {
    dataset = await h.createDataset("Clock changes", { dataset_id: uniqueName("clocks") });
    await h.addCsvResource(dataset.uid, CSV, "clocks.csv");
    expect(await h.publishAndWait(dataset.uid)).toMatchObject({ status: "idle", is_published: true });
    const fields = (await explore.get(`${base()}/`)).body.fields.map((f: { name: string; type: string }) => [f.name, f.type]);
    expect(fields).toEqual([
      ["name", "text"],
      ["at", "datetime"],
      ["day", "date"],
    ]);
  });

  it("renders datetimes with the zone's offset; dates and the default UTC output are unchanged", async () => {
    const where = "name = 'spring-gap' OR name = 'autumn-second'";
    expect((await records({ where, select: "name, at, day", timezone: PARIS })).results).toEqual([
      { name: "spring-gap", at: "2021-03-28T03:30:00+02:00", day: "2021-03-28" },
      { name: "autumn-second", at: "2021-10-31T02:30:00+01:00", day: "2021-10-31" },
    ]);
    expect((await records({ where, select: "at" })).results).toEqual([{ at: "2021-03-28T01:30:00.000Z" }, { at: "2021-10-31T01:30:00.000Z" }]);
    expect((await records({ where, select: "at", timezone: "UTC" })).results).toEqual([{ at: "2021-03-28T01:30:00.000Z" }, { at: "2021-10-31T01:30:00.000Z" }]);

    const grouped = await records({ group_by: "at", select: "count(*) as n", where: "name = 'november'", timezone: PARIS });
    expect(grouped.results).toEqual([{ at: "2021-11-01T00:00:00+01:00", n: 1 }]);

    const all = (await records({ timezone: PARIS, where: "name = 'spring-next'" })).results[0]!;
    const one = await explore.get(`${base()}/records/${all._id}/${q({ timezone: PARIS })}`);
    expect(one.status, one.text).toBe(200);
    expect(one.body).toEqual({ _id: all._id, name: "spring-next", at: "2021-03-29T00:30:00+02:00", day: "2021-03-29" });
    expect((await explore.get(`${base()}/records/${all._id}/`)).body.at).toBe("2021-03-28T22:30:00.000Z");
  });

  it("reads an offset-less date literal as the zone's day, and one with an offset as its instant", async () => {
    expect(await names({ where: "at = date'2021-03-28'", timezone: PARIS })).toEqual(["spring-first", "spring-gap"]);
    expect(await names({ where: "at = date'2021-03-28'" })).toEqual(["spring-gap", "spring-next"]);
    expect(await names({ where: "at: date'2021-10-31'", timezone: PARIS })).toEqual(["autumn-second"]);
    expect(await names({ where: "at = date'2021-03-28T01:30:00Z'", timezone: PARIS })).toEqual(["spring-gap"]);
    expect(await names({ where: "hour(at) = 0", timezone: PARIS })).toEqual(["spring-first", "spring-next", "november"]);
    expect(await names({ where: "hour(at) = 0" })).toEqual([]);
  });

  it("facets datetimes on the zone's calendar and refines to a month of the zone", async () => {
    const facets = async (params: Record<string, string | string[]>) => {
      const res = await explore.get(`${base()}/facets/${q({ facet: 'facet(name="at", sort="alphanum")', ...params })}`);
      expect(res.status, res.text).toBe(200);
      return res.body.facets[0].facets.map((f: { name: string; value: string; count: number; state: string }) => [f.value, f.count, f.state]);
    };
    expect(await facets({ refine: "at:2021/03", timezone: PARIS })).toEqual([
      ["2021/03/28", 2, "refined"],
      ["2021/03/29", 1, "refined"],
    ]);
    expect(await facets({ refine: "at:2021/03" })).toEqual([
      ["2021/03/27", 1, "refined"],
      ["2021/03/28", 2, "refined"],
    ]);
    expect(await facets({ refine: "at:2021", timezone: PARIS })).toEqual([
      ["2021/03", 3, "refined"],
      ["2021/10", 1, "refined"],
      ["2021/11", 1, "refined"],
    ]);
    expect(await names({ refine: "at:2021/11", timezone: PARIS })).toEqual(["november"]);
    expect(await names({ refine: "at:2021/11" })).toEqual([]);
  });

  it("exports datetimes in the zone", async () => {
    const response = await fetch(
      `${backend.baseUrl}/api/explore/v2.1${base()}/exports/csv/${q({ timezone: PARIS, with_bom: "false", select: "name, at", where: "day >= date'2021-03-29'" })}`,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("name;at\r\nspring-next;2021-03-29T00:30:00+02:00\r\nautumn-second;2021-10-31T02:30:00+01:00\r\nnovember;2021-11-01T00:00:00+01:00\r\n");
    const jsonl = await fetch(`${backend.baseUrl}/api/explore/v2.1${base()}/exports/jsonl/${q({ timezone: "America/New_York", select: "at", where: "name = 'spring-gap'" })}`);
    expect(await jsonl.text()).toBe('{"at":"2021-03-27T21:30:00-04:00"}\n');
  });

  it("refuses an unknown zone with InvalidRESTParameterError on every endpoint", async () => {
    const message = 'Invalid value for timezone API parameter: "Mars/Olympus" is not a known time zone (expected an IANA name such as Europe/Paris).';
    const [record] = (await records({ where: "name = 'spring-gap'" })).results;
    const paths = [`${base()}/records/`, `${base()}/records/${record!._id}/`, `${base()}/facets/`, `${base()}/exports/csv/`, `${base()}/exports/json/`];
    for (const path of paths) {
      const res = await explore.get(`${path}${q({ timezone: "Mars/Olympus" })}`);
      expect(res.status, path).toBe(400);
      expect(res.body, path).toEqual({ error_code: "InvalidRESTParameterError", message });
    }
    // IANA names are case-insensitive, as Opendatasoft's are.
    expect((await records({ where: "name = 'spring-gap'", select: "at", timezone: "europe/paris" })).results).toEqual([{ at: "2021-03-28T03:30:00+02:00" }]);
  });
});
