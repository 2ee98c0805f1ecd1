import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { guessExtractorParams, previewResource, type ExtractorType, type SourceFile } from "@/lib/extractors";
import { streamRecords } from "@/lib/extractors/record-stream";
import { buildXlsx, writeFixture } from "@/lib/extractors/test-fixtures";
import { tempDirForTests } from "@/lib/extractors/test-helpers";

const tmp = tempDirForTests();

/** Every record the publish would read, with the parameters and fields the preview settles on. */
async function allRecords(file: SourceFile, type: ExtractorType) {
  const params = await guessExtractorParams(file, type);
  const { fields } = await previewResource(file, type, params);
  const records: Record<string, unknown>[] = [];
  let bytes = 0;
  for await (const batch of streamRecords(file, type, params, fields)) {
    records.push(...batch.records);
    bytes = batch.bytes_done;
  }
  return { fields, records, bytes };
}

describe("streamRecords", () => {
  it("reads every CSV row past the preview's head, with the preview's field names", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i};Ville ${i};${i % 2 ? "" : "x"}`);
    const file = await writeFixture(tmp.dir, "big.csv", `Code;Nom de la ville;Note\n${rows.join("\n")}\n`);
    const { fields, records, bytes } = await allRecords(file, "csvfile");
    expect(fields.map((f) => f.name)).toEqual(["code", "nom_de_la_ville", "note"]);
    expect(records).toHaveLength(5000);
    expect(records[4999]).toEqual({ code: "4999", nom_de_la_ville: "Ville 4999", note: null });
    expect(bytes).toBe(file.size);
  });

  it("decodes latin-1 and keeps quoted separators and line breaks", async () => {
    const text = 'nom,commentaire\n"Élise","un, deux"\n"Zoé","ligne\nsuivante"\n';
    const file = await writeFixture(tmp.dir, "latin1.csv", iconv.encode(text, "latin1"));
    const { records } = await allRecords(file, "csvfile");
    expect(records).toEqual([
      { nom: "Élise", commentaire: "un, deux" },
      { nom: "Zoé", commentaire: "ligne\nsuivante" },
    ]);
  });

  it("drops cells beyond the schema of the preview", async () => {
    const file = await writeFixture(tmp.dir, "ragged.csv", "a,b\n1,2\n3,4,5\n");
    const { records } = await allRecords(file, "csvfile");
    expect(records).toEqual([
      { a: "1", b: "2", column_3: null },
      { a: "3", b: "4", column_3: "5" },
    ]);
  });

  it("streams JSON Lines and reads JSON documents under their root", async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: i, tags: ["a", "b"] })).join("\n");
    const jsonl = await allRecords(await writeFixture(tmp.dir, "rows.jsonl", lines), "jsonfile");
    expect(jsonl.records).toHaveLength(3000);
    expect(jsonl.records[2999]).toEqual({ id: 2999, tags: '["a","b"]' });

    const doc = await allRecords(await writeFixture(tmp.dir, "doc.json", JSON.stringify({ meta: {}, data: [{ x: 1 }, { x: 2, y: "z" }] })), "jsonfile");
    expect(doc.records).toEqual([
      { x: 1, y: null },
      { x: 2, y: "z" },
    ]);
  });

  it("gives GeoJSON features their point, shape and properties", async () => {
    const geojson = { type: "FeatureCollection", features: [{ type: "Feature", geometry: { type: "Point", coordinates: [2.35, 48.85] }, properties: { name: "Paris" } }] };
    const { records } = await allRecords(await writeFixture(tmp.dir, "points.geojson", JSON.stringify(geojson)), "geojsonfile");
    expect(records).toEqual([{ geo_point_2d: "48.85,2.35", geo_shape: { type: "Point", coordinates: [2.35, 48.85] }, name: "Paris" }]);
  });

  it("reads every row of a sheet", async () => {
    const rows = [["id", "label"], ...Array.from({ length: 300 }, (_, i) => [i, `row ${i}`])];
    const file = await writeFixture(tmp.dir, "sheet.xlsx", buildXlsx([{ name: "Data", rows }]));
    const { records } = await allRecords(file, "xlsxfile");
    expect(records).toHaveLength(300);
    expect(records[299]).toEqual({ id: "299", label: "row 299" });
  });
});
