import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { guessExtractorParams, previewResource } from "@/lib/extractors";
import { writeFixture } from "@/lib/extractors/test-fixtures";
import { failure, tempDirForTests } from "@/lib/extractors/test-helpers";

const tmp = tempDirForTests();

describe("CSV guessing", () => {
  it.each([
    [",", "name,age,city\nAda,36,London\nAlan,41,Wilmslow\n"],
    [";", "name;age;city\nAda;36;London\nAlan;41;Wilmslow\n"],
    ["\t", "name\tage\tcity\nAda\t36\tLondon\nAlan\t41\tWilmslow\n"],
    ["|", "name|age|city\nAda|36|London\nAlan|41|Wilmslow\n"],
  ])("finds the separator %j", async (separator, text) => {
    const file = await writeFixture(tmp.dir, `sep-${text.length}-${separator.charCodeAt(0)}.csv`, text);
    expect(await guessExtractorParams(file, "csvfile")).toEqual({
      separator,
      encoding: "utf-8",
      doublequote: true,
      quotechar: '"',
      headers_first_row: true,
      first_row_no: 1,
    });
  });

  it("ignores separators inside quoted values and prefers consistent column counts", async () => {
    const text = 'nom;prix;note\n"Café, crème";2,5;"bon; très"\nThé;1,8;ok\nChocolat;3,2;"a,b,c"\n';
    const file = await writeFixture(tmp.dir, "quoted.csv", text);
    expect((await guessExtractorParams(file, "csvfile")).separator).toBe(";");
  });

  it("detects a missing header row from typed columns", async () => {
    const file = await writeFixture(tmp.dir, "noheader.csv", "1,2.5,2024-01-01\n2,3.5,2024-01-02\n3,4.5,2024-01-03\n");
    expect((await guessExtractorParams(file, "csvfile")).headers_first_row).toBe(false);
    const preview = await previewResource(file, "csvfile");
    expect(preview.fields.map((f) => [f.name, f.type])).toEqual([
      ["column_1", "int"],
      ["column_2", "double"],
      ["column_3", "date"],
    ]);
    expect(preview.records).toHaveLength(3);
  });

  it("skips title and blank lines above the table", async () => {
    const text = "Export des communes\n\n# généré le 2024-05-01\ncode;nom;population\n75056;Paris;2133111\n13055;Marseille;873076\n";
    const file = await writeFixture(tmp.dir, "title.csv", text);
    const params = await guessExtractorParams(file, "csvfile");
    expect(params).toMatchObject({ separator: ";", first_row_no: 4, headers_first_row: true });
    const preview = await previewResource(file, "csvfile");
    expect(preview.fields.map((f) => f.name)).toEqual(["code", "nom", "population"]);
    expect(preview.records[0]).toEqual({ code: "75056", nom: "Paris", population: "2133111" });
  });
});

describe("CSV encodings", () => {
  const latin = "Région;Nom;Code postal\nÎle-de-France;Élodie Dupré;75001\nProvence-Alpes-Côte d'Azur;Jérôme Lefèvre;13001\n";

  it("detects Latin-1 and decodes it", async () => {
    const file = await writeFixture(tmp.dir, "latin1.csv", iconv.encode(latin, "latin1"));
    const params = await guessExtractorParams(file, "csvfile");
    expect(["iso-8859-1", "windows-1252"]).toContain(params.encoding);
    const preview = await previewResource(file, "csvfile");
    expect(preview.fields.map((f) => f.label)).toEqual(["Région", "Nom", "Code postal"]);
    expect(preview.records[0]).toEqual({ region: "Île-de-France", nom: "Élodie Dupré", code_postal: "75001" });
  });

  it("reports windows-1252 when its extra characters are present", async () => {
    const file = await writeFixture(tmp.dir, "cp1252.csv", iconv.encode("nom,prix\nCafé,3 €\nThé,2 € “bon”\n", "win1252"));
    expect((await guessExtractorParams(file, "csvfile")).encoding).toBe("windows-1252");
    expect((await previewResource(file, "csvfile")).records[1]).toEqual({ nom: "Thé", prix: "2 € “bon”" });
  });

  it("refuses bytes that are not UTF-8 when utf-8 is given, naming the offset, the line and the likely encoding", async () => {
    const file = await writeFixture(tmp.dir, "latin1-explicit.csv", iconv.encode(latin, "latin1"));
    const error = await failure(previewResource(file, "csvfile", { encoding: "utf-8" }));
    expect(error.code).toBe("extraction_error");
    expect(error.status).toBe(400);
    expect(error.message).toContain("byte 1 (line 1)");
    expect(error.message).toMatch(/set the encoding parameter to “(iso-8859-1|windows-1252)”/);
  });

  it("reads UTF-16 with a byte order mark and UTF-8 with one", async () => {
    const text = "a,b\nÉté,1\n";
    const utf16 = await writeFixture(tmp.dir, "utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]));
    expect((await guessExtractorParams(utf16, "csvfile")).encoding).toBe("utf-16le");
    expect((await previewResource(utf16, "csvfile")).records).toEqual([{ a: "Été", b: "1" }]);
    const bom = await writeFixture(tmp.dir, "bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect((await previewResource(bom, "csvfile")).fields[0]!.name).toBe("a");
  });
});

describe("CSV preview", () => {
  it("names fields from headers: ASCII slugs, duplicates numbered, blanks by position", async () => {
    const file = await writeFixture(tmp.dir, "names.csv", "Code postal,Nom,nom,,Œuvre d'art,Ünïcödé!\n1,2,3,4,5,6\n");
    const preview = await previewResource(file, "csvfile");
    expect(preview.fields.map((f) => f.name)).toEqual(["code_postal", "nom", "nom_2", "column_4", "oeuvre_d_art", "unicode"]);
    expect(preview.fields[0]).toEqual({ name: "code_postal", label: "Code postal", type: "int", original_name: "Code postal", description: null, annotations: [] });
  });

  it("pads short rows with null and collects extra cells into added column_N fields", async () => {
    const file = await writeFixture(tmp.dir, "ragged.csv", "a,b,c\n1,2\n1,2,3,4,5\n,,\n");
    const preview = await previewResource(file, "csvfile");
    expect(preview.fields.map((f) => f.name)).toEqual(["a", "b", "c", "column_4", "column_5"]);
    expect(preview.records).toEqual([
      { a: "1", b: "2", c: null, column_4: null, column_5: null },
      { a: "1", b: "2", c: "3", column_4: "4", column_5: "5" },
      { a: null, b: null, c: null, column_4: null, column_5: null },
    ]);
  });

  it("keeps formula-like cells verbatim as text", async () => {
    const file = await writeFixture(tmp.dir, "formulas.csv", 'a,b,c,d\n=1+2,+cmd|\' /C calc\'!A0,-2+3,@SUM(A1)\n"=HYPERLINK(""http://x"")",x,y,z\n');
    const preview = await previewResource(file, "csvfile");
    expect(preview.records[0]).toEqual({ a: "=1+2", b: "+cmd|' /C calc'!A0", c: "-2+3", d: "@SUM(A1)" });
    expect(preview.records[1]!.a).toBe('=HYPERLINK("http://x")');
  });

  it("guesses field types from the values but keeps the values as text", async () => {
    const text = "i,d,b,day,at,point,t\n1,1.5,true,2024-02-29,2024-02-29T10:00:00Z,\"48.85,2.35\",007\n-2,3,false,2024-03-01,2024-03-01 08:30,\"-33.9,151.2\",x\n";
    const preview = await previewResource(await writeFixture(tmp.dir, "types.csv", text), "csvfile");
    expect(preview.fields.map((f) => f.type)).toEqual(["int", "double", "boolean", "date", "datetime", "geo_point_2d", "text"]);
    expect(preview.records[0]!.i).toBe("1");
  });

  it("honours the limit, given parameters and quoting options", async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `${i},'x;y'`).join("\n");
    const file = await writeFixture(tmp.dir, "limit.csv", `n;v\n${rows}\n`);
    const preview = await previewResource(file, "csvfile", { separator: ",", quotechar: "'", headers_first_row: false, first_row_no: 2 }, { limit: 5 });
    expect(preview.records).toHaveLength(5);
    expect(preview.records[0]).toEqual({ column_1: "0", column_2: "x;y" });
    expect((await previewResource(file, "csvfile")).records).toHaveLength(20);
  });

  it("does not cut a quoted multi-line value at the end of the head", async () => {
    const file = await writeFixture(tmp.dir, "multiline.csv", 'a,b\n1,"line one\nline two"\n2,x\n');
    expect((await previewResource(file, "csvfile")).records).toEqual([
      { a: "1", b: "line one\nline two" },
      { a: "2", b: "x" },
    ]);
  });

  it("drops the line cut by the end of a partial download, even inside quotes", async () => {
    const file = await writeFixture(tmp.dir, "partial.csv", 'a,b\n1,x\n2,"multi\nline\n3,cut');
    expect((await previewResource({ ...file, truncated: true }, "csvfile")).records).toEqual([{ a: "1", b: "x" }]);
    const plain = await writeFixture(tmp.dir, "partial-plain.csv", "a,b\n1,x\n2,y\n3,cu");
    expect((await previewResource({ ...plain, truncated: true }, "csvfile")).records).toHaveLength(2);
  });

  it("says the file is empty: zero bytes, whitespace only, or a byte order mark alone", async () => {
    for (const [name, content] of [
      ["zero.csv", Buffer.alloc(0)],
      ["blank.csv", Buffer.from("  \n\n\t \r\n")],
      ["bom-only.csv", Buffer.from([0xef, 0xbb, 0xbf])],
    ] as const) {
      const error = await failure(previewResource(await writeFixture(tmp.dir, name, content), "csvfile"));
      expect([error.code, error.message]).toEqual(["extraction_error", "The file is empty."]);
    }
  });

  it("reports a broken CSV with its line", async () => {
    const file = await writeFixture(tmp.dir, "broken.csv", 'a,b\n1,"x"y"\n2,"open\n');
    const error = await failure(previewResource(file, "csvfile", { separator: ",", doublequote: false }));
    expect(error.code).toBe("extraction_error");
    expect(error.message).toMatch(/line \d+/);
  });
});
