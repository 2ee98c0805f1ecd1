import { describe, expect, it } from "vitest";
import { guessExtractorParams, previewResource } from "@/lib/extractors";
import { writeFixture } from "@/lib/extractors/test-fixtures";
import { failure, tempDirForTests } from "@/lib/extractors/test-helpers";

const tmp = tempDirForTests();

describe("JSON", () => {
  it("previews an array of records, keeping JSON types and flattening nested values to text", async () => {
    const records = [
      { id: 1, name: "Ada", score: 9.5, active: true, tags: ["a", "b"], address: { city: "London" } },
      { id: 2, name: "Alan", score: 8, active: false, extra: null },
    ];
    const file = await writeFixture(tmp.dir, "array.json", JSON.stringify(records, null, 2));
    expect(await guessExtractorParams(file, "jsonfile")).toEqual({ json_root: "", json_lines: false, encoding: "utf-8" });
    const preview = await previewResource(file, "jsonfile");
    expect(preview.fields.map((f) => [f.name, f.type])).toEqual([
      ["id", "int"],
      ["name", "text"],
      ["score", "double"],
      ["active", "boolean"],
      ["tags", "text"],
      ["address", "text"],
      ["extra", "text"],
    ]);
    expect(preview.records[0]).toEqual({ id: 1, name: "Ada", score: 9.5, active: true, tags: '["a","b"]', address: '{"city":"London"}', extra: null });
    expect(preview.records[1]).toMatchObject({ tags: null, extra: null });
  });

  it("finds the records under a nested root, the shallowest array of objects first", async () => {
    const doc = { meta: { links: { self: "x" }, pages: [1, 2] }, data: { items: [{ a: 1 }, { a: 2 }] }, deeper: { x: { y: [{ z: 1 }] } } };
    const file = await writeFixture(tmp.dir, "nested.json", JSON.stringify(doc));
    expect((await guessExtractorParams(file, "jsonfile")).json_root).toBe("data.items");
    expect((await previewResource(file, "jsonfile")).records).toEqual([{ a: 1 }, { a: 2 }]);
    expect((await previewResource(file, "jsonfile", { json_root: "deeper.x.y" })).records).toEqual([{ z: 1 }]);
  });

  it("reads JSON Lines", async () => {
    const file = await writeFixture(tmp.dir, "lines.jsonl", '{"a":1,"b":"x"}\n{"a":2}\n\n{"a":3,"c":[1]}\n');
    expect(await guessExtractorParams(file, "jsonfile")).toEqual({ json_root: "", json_lines: true, encoding: "utf-8" });
    const preview = await previewResource(file, "jsonfile");
    expect(preview.records).toEqual([
      { a: 1, b: "x", c: null },
      { a: 2, b: null, c: null },
      { a: 3, b: null, c: "[1]" },
    ]);
    expect((await previewResource(file, "jsonfile", {}, { limit: 2 })).records).toHaveLength(2);
  });

  it("reports invalid JSON with its position", async () => {
    const file = await writeFixture(tmp.dir, "invalid.json", '[\n  {"a": 1},\n  {"a": tru}\n]');
    const error = await failure(previewResource(file, "jsonfile"));
    expect(error.code).toBe("extraction_error");
    expect(error.message).toBe("Invalid JSON at line 3, column 9: unexpected character “t”.");
    const trailing = await failure(previewResource(await writeFixture(tmp.dir, "trailing.json", '[{"a":1}] x'), "jsonfile"));
    expect(trailing.message).toMatch(/^Invalid JSON at line 1, column 11/);
    const cut = await failure(previewResource(await writeFixture(tmp.dir, "cut.json", '[{"a":1},'), "jsonfile"));
    expect(cut.message).toMatch(/unexpected end/);
  });

  it("asks for json_root when the root is not an array and holds no array of records", async () => {
    const file = await writeFixture(tmp.dir, "object.json", JSON.stringify({ name: "x", values: [1, 2, 3] }));
    const error = await failure(previewResource(file, "jsonfile"));
    expect(error.code).toBe("extraction_error");
    expect(error.message).toMatch(/set json_root/);
    const missing = await failure(previewResource(file, "jsonfile", { json_root: "data.items" }));
    expect(missing.message).toBe("There is no array of records at json_root “data.items”.");
    const explicitEmpty = await failure(previewResource(await writeFixture(tmp.dir, "wrapped.json", '{"results":[{"a":1}]}'), "jsonfile", { json_root: "" }));
    expect(explicitEmpty.message).toMatch(/such as “results”/);
  });

  it("reads a partial download (SourceFile.truncated) as a cut head, not as broken JSON", async () => {
    const file = await writeFixture(tmp.dir, "partial.json", '{"results":[{"a":1},{"a":2},{"a":3');
    expect((await previewResource({ ...file, truncated: true }, "jsonfile")).records).toEqual([{ a: 1 }, { a: 2 }]);
    expect((await failure(previewResource(file, "jsonfile"))).message).toMatch(/unexpected end of the document/);
    const big = await writeFixture(tmp.dir, "partial-one.json", `[{"a":"${"x".repeat(100)}`);
    expect((await failure(previewResource({ ...big, truncated: true }, "jsonfile"))).message).toBe("The first record is larger than 1 MB and cannot be previewed.");
  });

  it("previews arrays of scalars as a value field", async () => {
    const preview = await previewResource(await writeFixture(tmp.dir, "scalars.json", "[1, 2.5, null]"), "jsonfile");
    expect(preview.fields.map((f) => [f.name, f.type])).toEqual([["value", "double"]]);
    expect(preview.records).toEqual([{ value: 1 }, { value: 2.5 }, { value: null }]);
  });

  it("treats a __proto__ key as data", async () => {
    const preview = await previewResource(await writeFixture(tmp.dir, "proto.json", '[{"__proto__": {"polluted": 1}, "a": 1}]'), "jsonfile");
    expect(preview.fields.map((f) => f.name)).toEqual(["proto", "a"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("GeoJSON", () => {
  const collection = {
    type: "FeatureCollection",
    features: [
      { type: "Feature", geometry: { type: "Point", coordinates: [2.35, 48.85] }, properties: { nom: "Paris", population: 2133111 } },
      { type: "Feature", geometry: { type: "Polygon", coordinates: [[[0, 40], [4, 40], [4, 44], [0, 40]]] }, properties: { nom: "Carré", geo_shape: "x" } },
      { type: "Feature", geometry: null, properties: null },
    ],
  };

  it("turns features into records with geo_shape, geo_point_2d and properties", async () => {
    const file = await writeFixture(tmp.dir, "places.geojson", JSON.stringify(collection));
    expect(await guessExtractorParams(file, "geojsonfile")).toEqual({ encoding: "utf-8" });
    const preview = await previewResource(file, "geojsonfile");
    expect(preview.fields.map((f) => [f.name, f.type])).toEqual([
      ["geo_point_2d", "geo_point_2d"],
      ["geo_shape", "geo_shape"],
      ["nom", "text"],
      ["population", "int"],
      ["geo_shape_2", "text"],
    ]);
    expect(preview.records[0]).toEqual({ geo_point_2d: "48.85,2.35", geo_shape: collection.features[0]!.geometry, nom: "Paris", population: 2133111, geo_shape_2: null });
    expect(preview.records[1]!.geo_point_2d).toBe("42,2");
    expect(preview.records[2]).toEqual({ geo_point_2d: null, geo_shape: null, nom: null, population: null, geo_shape_2: null });
  });

  it("refuses what is not a FeatureCollection", async () => {
    const error = await failure(previewResource(await writeFixture(tmp.dir, "topo.json", '{"type":"Topology","objects":{}}'), "geojsonfile"));
    expect(error.message).toBe("The file is not a GeoJSON FeatureCollection (found Topology).");
  });
});
