// DCAT-AP export (an extension of the Automation API) through real HTTP: the JSON-LD must be valid JSON-LD (it
// expands and converts to RDF with the jsonld library) and the Turtle must parse (n3), both saying the same.
// @ts-expect-error jsonld ships no type declarations
import jsonld from "jsonld";
import { Parser, type Quad } from "n3";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api-client";
import { createTestUser, uniqueName } from "../support/fixtures";

const backend = inject("backend");
// Through a proxy console the description is the upstream's, with the IRIs of its datasets.
const apiOrigin = backend.proxy?.upstreamUrl ?? backend.baseUrl;

const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

async function fetchText(path: string, key: string) {
  const response = await fetch(`${backend.baseUrl}/api/automation/v1${path}`, { headers: { Authorization: `Apikey ${key}` } });
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
}

const canonical = (quads: { subject: { termType: string; value: string }; predicate: { value: string }; object: { termType: string; value: string; language?: string; datatype?: { value: string } } }[]) =>
  quads
    .map((q) => [q.subject.termType === "BlankNode" ? "_" : q.subject.value, q.predicate.value, q.object.termType === "BlankNode" ? "_" : `${q.object.value}|${q.object.language ?? ""}|${q.object.termType === "Literal" ? (q.object.datatype?.value ?? "") : ""}`].join(" "))
    .sort();

describe.skipIf(!!backend.skipReason)(`DCAT export (${backend.provider})`, () => {
  const admin = apiClient(backend.baseUrl, backend.adminKey);
  let uid: string;
  const title = uniqueName("Air \"quality\"\nstations");

  beforeAll(async () => {
    const res = await admin.post("/datasets/", {
      metadata: {
        default: {
          title: { value: title },
          description: { value: "Hourly NO₂ <b>values</b>" },
          keyword: { value: ["air", "pollution"] },
          language: { value: "fr" },
          publisher: { value: "Environment department" },
          license: { value: "https://opendatacommons.org/licenses/odbl/" },
          theme: { value: ["Environment"] },
        },
        dcat: {
          issued: { value: "2024-01-15" },
          accrualperiodicity: { value: "http://publications.europa.eu/resource/authority/frequency/DAILY" },
          contact_email: { value: "env@example.org" },
          temporal_coverage_start: { value: "2020-01-01" },
        },
        internal: { license_id: { value: "secret-internal" } },
      },
    });
    expect(res.status).toBe(201);
    uid = res.body.uid;
  });

  it("describes a dataset in JSON-LD that expands and converts to RDF", async () => {
    const res = await fetchText(`/metadata/dcat/datasets/${uid}/`, backend.adminKey);
    expect(res.status).toBe(200);
    expect(res.type).toContain("application/ld+json");
    const doc = JSON.parse(res.text);
    const expanded = await jsonld.expand(doc);
    const dataset = expanded.find((n: Record<string, unknown>) => (n["@type"] as string[] | undefined)?.includes(`${DCAT}Dataset`));
    expect(dataset[`${DCT}title`]).toEqual([{ "@value": title, "@language": "fr" }]);
    expect(dataset[`${DCAT}keyword`].map((k: { "@value": string }) => k["@value"]).sort()).toEqual(["air", "pollution"]);
    expect(dataset[`${DCT}modified`][0]["@type"]).toBe("http://www.w3.org/2001/XMLSchema#dateTime");
    expect(dataset[`${DCT}language`]).toEqual([{ "@id": "http://publications.europa.eu/resource/authority/language/FRA" }]);
    expect(dataset[`${DCT}license`]).toEqual([{ "@id": "https://opendatacommons.org/licenses/odbl/" }]);
    expect(dataset[`${DCT}accrualPeriodicity`]).toEqual([{ "@id": "http://publications.europa.eu/resource/authority/frequency/DAILY" }]);
    expect(dataset[`${DCT}publisher`]).toHaveLength(1);
    expect(dataset[`${DCAT}theme`]).toHaveLength(1);
    // admin templates are never exported
    expect(res.text).not.toContain("secret-internal");

    const nquads: string = await jsonld.toRDF(doc, { format: "application/n-quads" });
    expect(nquads).toContain(`<${DCAT}Dataset>`);
  });

  it("describes the same dataset in Turtle that parses to the same triples", async () => {
    const ttl = await fetchText(`/metadata/dcat/datasets/${uid}/?format=turtle`, backend.adminKey);
    expect(ttl.status).toBe(200);
    expect(ttl.type).toContain("text/turtle");
    const quads: Quad[] = new Parser({ format: "text/turtle" }).parse(ttl.text);
    expect(quads.some((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DCAT}Dataset`)).toBe(true);
    expect(quads.find((q) => q.predicate.value === `${DCT}title`)?.object.value).toBe(title);

    const doc = JSON.parse((await fetchText(`/metadata/dcat/datasets/${uid}/`, backend.adminKey)).text);
    const fromJsonLd = new Parser({ format: "application/n-quads" }).parse(await jsonld.toRDF(doc, { format: "application/n-quads" }));
    expect(canonical(quads)).toEqual(canonical(fromJsonLd));
  });

  it("describes the catalog with the datasets the caller may see", async () => {
    const res = await fetchText("/metadata/dcat/catalog/", backend.adminKey);
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text);
    const quads = new Parser({ format: "application/n-quads" }).parse(await jsonld.toRDF(doc, { format: "application/n-quads" }));
    const catalog = quads.find((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DCAT}Catalog`)!.subject.value;
    const listed = quads.filter((q) => q.subject.value === catalog && q.predicate.value === `${DCAT}dataset`).map((q) => q.object.value);
    expect(listed).toContain(`${apiOrigin}/api/automation/v1/datasets/${uid}/`);

    const ttl = await fetchText("/metadata/dcat/catalog/?format=turtle", backend.adminKey);
    const parsed = new Parser({ format: "text/turtle" }).parse(ttl.text);
    expect(parsed.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${DCAT}Dataset`).length).toBe(listed.length);

    // someone who sees no dataset gets an empty catalog; unknown datasets are 404
    const nobody = await createTestUser({ prefix: "nobody" });
    const empty = JSON.parse((await fetchText("/metadata/dcat/catalog/", nobody.apiKey)).text);
    expect(JSON.stringify(empty)).not.toContain("dcat:Dataset");
    expect((await fetchText(`/metadata/dcat/datasets/${uid}/`, nobody.apiKey)).status).toBe(404);
    expect((await fetchText("/metadata/dcat/catalog/?format=xml", backend.adminKey)).status).toBe(400);
  });
});
