// DCAT-AP description of the catalog and of each dataset, built from the `default` and `dcat` templates' values
// (admin templates are never exported). One set of RDF triples, written as JSON-LD or as Turtle. Plain TypeScript.
import type { DatasetMetadata } from "@/lib/datasets/schema";

export const DCAT_PREFIXES = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;
type Prefix = keyof typeof DCAT_PREFIXES;
type Curie = `${Prefix}:${string}`;

export type Term = { iri: string } | { bnode: string } | { literal: string; lang?: string; datatype?: Curie };
export type Triple = { s: Term; p: Curie; o: Term };

/** ISO 639-1 → EU Publications Office language authority code. */
const EU_LANGUAGES: Record<string, string> = {
  en: "ENG", fr: "FRA", nl: "NLD", pt: "POR", it: "ITA", ar: "ARA", de: "DEU", es: "SPA", ca: "CAT", eu: "EUS", sv: "SWE",
};

export type DcatDataset = { uid: string; dataset_id: string; created_at: string; metadata: DatasetMetadata };
export type DcatCatalog = { title: string; description: string; homepage: string; iri: string; language: string };

const isUrl = (v: string) => /^https?:\/\/\S+$/i.test(v);
const expand = (curie: Curie) => DCAT_PREFIXES[curie.split(":")[0] as Prefix] + curie.slice(curie.indexOf(":") + 1);

class Graph {
  readonly triples: Triple[] = [];
  private blank = 0;
  add(s: Term, p: Curie, o: Term | null | undefined): void {
    if (o) this.triples.push({ s, p, o });
  }
  node(type: Curie): { bnode: string } {
    const node = { bnode: `b${this.blank++}` };
    this.add(node, "rdf:type", { iri: expand(type) });
    return node;
  }
}

function valueOf(metadata: DatasetMetadata, template: string, field: string): unknown {
  const value = (metadata as Record<string, Record<string, { value?: unknown }> | undefined>)[template]?.[field]?.value;
  return value === null || value === "" ? undefined : value;
}

/** Text values as literals: one per language for i18n values ({ en, fr }), else tagged with the dataset's language. */
function texts(value: unknown, lang: string | undefined): Term[] {
  if (typeof value === "string") return [{ literal: value, ...(lang ? { lang } : {}) }];
  if (typeof value === "number" || typeof value === "boolean") return [{ literal: String(value) }];
  if (Array.isArray(value)) return value.flatMap((v) => texts(v, lang));
  if (value && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([l, v]) => (typeof v === "string" && v.trim() ? [{ literal: v, lang: l }] : []));
  }
  return [];
}

function firstText(value: unknown): string | undefined {
  const [term] = texts(value, undefined);
  return term && "literal" in term ? term.literal : undefined;
}

function dateTerm(value: unknown, datatype: "xsd:date" | "xsd:dateTime"): Term | undefined {
  return typeof value === "string" ? { literal: value, datatype } : undefined;
}

export function datasetIri(apiBase: string, uid: string): string {
  return `${apiBase}/datasets/${uid}/`;
}

function addDataset(graph: Graph, dataset: DcatDataset, apiBase: string): Term {
  const m = dataset.metadata;
  const self = { iri: datasetIri(apiBase, dataset.uid) };
  const lang = typeof valueOf(m, "default", "language") === "string" ? (valueOf(m, "default", "language") as string) : undefined;
  graph.add(self, "rdf:type", { iri: expand("dcat:Dataset") });
  graph.add(self, "dct:identifier", { literal: dataset.dataset_id });
  for (const t of texts(valueOf(m, "default", "title"), lang)) graph.add(self, "dct:title", t);
  for (const t of texts(valueOf(m, "default", "description"), lang)) graph.add(self, "dct:description", t);
  for (const t of texts(valueOf(m, "default", "keyword"), lang)) graph.add(self, "dcat:keyword", t);
  graph.add(self, "dct:modified", dateTerm(valueOf(m, "default", "modified"), "xsd:dateTime"));
  graph.add(self, "dct:issued", dateTerm(valueOf(m, "dcat", "issued"), "xsd:date") ?? { literal: dataset.created_at, datatype: "xsd:dateTime" });
  graph.add(self, "dct:created", dateTerm(valueOf(m, "dcat", "created"), "xsd:date"));
  if (lang && EU_LANGUAGES[lang]) graph.add(self, "dct:language", { iri: `http://publications.europa.eu/resource/authority/language/${EU_LANGUAGES[lang]}` });

  const agent = (predicate: Curie, name: string | undefined) => {
    if (!name) return;
    const node = graph.node("foaf:Agent");
    graph.add(node, "foaf:name", { literal: name });
    graph.add(self, predicate, node);
  };
  agent("dct:publisher", firstText(valueOf(m, "default", "publisher")));
  agent("dct:creator", firstText(valueOf(m, "dcat", "creator")));

  const license = firstText(valueOf(m, "default", "license"));
  if (license) {
    if (isUrl(license)) graph.add(self, "dct:license", { iri: license });
    else {
      const node = graph.node("dct:LicenseDocument");
      graph.add(node, "dct:title", { literal: license });
      graph.add(self, "dct:license", node);
    }
  }
  for (const theme of texts(valueOf(m, "default", "theme"), lang)) {
    const node = graph.node("skos:Concept");
    graph.add(node, "skos:prefLabel", theme);
    graph.add(self, "dcat:theme", node);
  }
  const references = firstText(valueOf(m, "default", "references"));
  if (references) graph.add(self, "dct:references", isUrl(references) ? { iri: references } : { literal: references });
  const landing = firstText(valueOf(m, "dcat", "landingpage"));
  if (landing && isUrl(landing)) graph.add(self, "dcat:landingPage", { iri: landing });
  const frequency = firstText(valueOf(m, "dcat", "accrualperiodicity"));
  if (frequency && isUrl(frequency)) graph.add(self, "dct:accrualPeriodicity", { iri: frequency });
  for (const t of texts(valueOf(m, "dcat", "spatial"), lang)) graph.add(self, "dct:spatial", t);
  const start = valueOf(m, "dcat", "temporal_coverage_start");
  const end = valueOf(m, "dcat", "temporal_coverage_end");
  if (start || end) {
    const period = graph.node("dct:PeriodOfTime");
    graph.add(period, "dcat:startDate", dateTerm(start, "xsd:date"));
    graph.add(period, "dcat:endDate", dateTerm(end, "xsd:date"));
    graph.add(self, "dct:temporal", period);
  }
  const contactName = firstText(valueOf(m, "dcat", "contact_name"));
  const contactEmail = firstText(valueOf(m, "dcat", "contact_email"));
  if (contactName || contactEmail) {
    const contact = graph.node("vcard:Kind");
    if (contactName) graph.add(contact, "vcard:fn", { literal: contactName });
    if (contactEmail) graph.add(contact, "vcard:hasEmail", { iri: `mailto:${contactEmail}` });
    graph.add(self, "dcat:contactPoint", contact);
  }
  for (const t of texts(valueOf(m, "dcat", "accessrights"), lang)) graph.add(self, "dct:accessRights", t);
  return self;
}

/** The triples describing one dataset. */
export function datasetGraph(dataset: DcatDataset, apiBase: string): Triple[] {
  const graph = new Graph();
  addDataset(graph, dataset, apiBase);
  return graph.triples;
}

/** The triples describing the catalog and each of `datasets`. */
export function catalogGraph(catalog: DcatCatalog, datasets: DcatDataset[], apiBase: string): Triple[] {
  const graph = new Graph();
  const self = { iri: catalog.iri };
  graph.add(self, "rdf:type", { iri: expand("dcat:Catalog") });
  graph.add(self, "dct:title", { literal: catalog.title, lang: catalog.language });
  graph.add(self, "dct:description", { literal: catalog.description, lang: catalog.language });
  graph.add(self, "foaf:homepage", { iri: catalog.homepage });
  const publisher = graph.node("foaf:Agent");
  graph.add(publisher, "foaf:name", { literal: catalog.title });
  graph.add(self, "dct:publisher", publisher);
  for (const dataset of datasets) graph.add(self, "dcat:dataset", addDataset(graph, dataset, apiBase));
  return graph.triples;
}

const compact = (iri: string): string => {
  for (const [prefix, ns] of Object.entries(DCAT_PREFIXES)) if (iri.startsWith(ns) && /^[A-Za-z][\w-]*$/.test(iri.slice(ns.length))) return `${prefix}:${iri.slice(ns.length)}`;
  return iri;
};
const subjectId = (term: Term) => ("iri" in term ? term.iri : "bnode" in term ? `_:${term.bnode}` : "");

/** JSON-LD (one node per subject in @graph, prefixed names declared in @context). */
export function toJsonLd(triples: Triple[]): Record<string, unknown> {
  const nodes = new Map<string, Record<string, unknown>>();
  for (const { s, p, o } of triples) {
    const id = subjectId(s);
    const node = nodes.get(id) ?? { "@id": id };
    nodes.set(id, node);
    if (p === "rdf:type" && "iri" in o) {
      node["@type"] = [...((node["@type"] as string[] | undefined) ?? []), compact(o.iri)];
      continue;
    }
    const value = "iri" in o ? { "@id": o.iri } : "bnode" in o ? { "@id": `_:${o.bnode}` } : { "@value": o.literal, ...(o.lang ? { "@language": o.lang } : {}), ...(o.datatype ? { "@type": o.datatype } : {}) };
    node[p] = [...((node[p] as unknown[] | undefined) ?? []), value];
  }
  return { "@context": { ...DCAT_PREFIXES }, "@graph": [...nodes.values()] };
}

function turtleString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;
}
function turtleIri(iri: string): string {
  const curie = compact(iri);
  if (curie !== iri) return curie;
  // characters IRIREF forbids, percent-encoded
  return `<${iri.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)}>`;
}
function turtleTerm(term: Term): string {
  if ("iri" in term) return turtleIri(term.iri);
  if ("bnode" in term) return `_:${term.bnode}`;
  return `${turtleString(term.literal)}${term.lang ? `@${term.lang}` : term.datatype ? `^^${term.datatype}` : ""}`;
}

/** Turtle: the prefixes, then one block per subject. */
export function toTurtle(triples: Triple[]): string {
  const lines = Object.entries(DCAT_PREFIXES).map(([prefix, ns]) => `@prefix ${prefix}: <${ns}> .`);
  const bySubject = new Map<string, { s: Term; pairs: [string, string][] }>();
  for (const { s, p, o } of triples) {
    const key = subjectId(s);
    const entry = bySubject.get(key) ?? { s, pairs: [] };
    bySubject.set(key, entry);
    entry.pairs.push([p === "rdf:type" ? "a" : p, turtleTerm(o)]);
  }
  for (const { s, pairs } of bySubject.values()) {
    lines.push("", `${turtleTerm(s)}`);
    pairs.forEach(([p, o], i) => lines.push(`    ${p} ${o} ${i === pairs.length - 1 ? "." : ";"}`));
  }
  return `${lines.join("\n")}\n`;
}
