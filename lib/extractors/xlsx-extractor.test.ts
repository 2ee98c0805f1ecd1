import { describe, expect, it } from "vitest";
import { guessExtractorParams, guessExtractors, previewResource } from "@/lib/extractors";
import { buildXlsx, buildZip, type SheetSpec, writeFixture } from "@/lib/extractors/test-fixtures";
import { failure, tempDirForTests } from "@/lib/extractors/test-helpers";

const tmp = tempDirForTests();

const sheets: SheetSpec[] = [
  {
    name: "Communes",
    rows: [
      ["Code postal", "Nom", "Population", "Créée le", "Capitale", "Total", "Note", "Vide"],
      ["75001", "Paris", 2133111, { date: 45292 }, true, { formula: "C2*2", cached: 4266222 }, { inline: "=SUM(A1:A9)" }, null],
      ["13001", "Marseille", 873076.5, { date: 45292.75 }, false, { formula: "B3&\"!\"", cached: "Marseille!" }, null, null],
    ],
  },
  { name: "Autre", rows: [[null], ["Titre du tableau"], ["a", "b"], [1, 2], [3, 4]] },
];

describe("XLSX", () => {
  it("is recognised from its content, whatever its name", async () => {
    const file = await writeFixture(tmp.dir, "upload.bin", buildXlsx(sheets));
    expect((await guessExtractors(file)).map((e) => e.type)).toEqual(["xlsxfile"]);
  });

  it("guesses the first sheet, headers and first row", async () => {
    const file = await writeFixture(tmp.dir, "communes.xlsx", buildXlsx(sheets));
    expect(await guessExtractorParams(file, "xlsxfile")).toEqual({ sheet: "Communes", headers_first_row: true, first_row_no: 1 });
  });

  it("renders cells as text: shared and inline strings, numbers, booleans, dates, cached formula values", async () => {
    for (const method of ["deflate", "store"] as const) {
      const file = await writeFixture(tmp.dir, `communes-${method}.xlsx`, buildXlsx(sheets, {}, method));
      const preview = await previewResource(file, "xlsxfile");
      expect(preview.fields.map((f) => [f.name, f.label, f.type])).toEqual([
        ["code_postal", "Code postal", "int"],
        ["nom", "Nom", "text"],
        ["population", "Population", "double"],
        ["creee_le", "Créée le", "datetime"],
        ["capitale", "Capitale", "boolean"],
        ["total", "Total", "text"],
        ["note", "Note", "text"],
        ["vide", "Vide", "text"],
      ]);
      expect(preview.records).toEqual([
        { code_postal: "75001", nom: "Paris", population: "2133111", creee_le: "2024-01-01", capitale: "true", total: "4266222", note: "=SUM(A1:A9)", vide: null },
        { code_postal: "13001", nom: "Marseille", population: "873076.5", creee_le: "2024-01-01T18:00:00", capitale: "false", total: "Marseille!", note: null, vide: null },
      ]);
    }
  });

  it("reads another sheet by name, skipping rows above its table", async () => {
    const file = await writeFixture(tmp.dir, "autre.xlsx", buildXlsx(sheets));
    expect(await guessExtractorParams(file, "xlsxfile", { sheet: "Autre" })).toEqual({ sheet: "Autre", headers_first_row: true, first_row_no: 3 });
    const preview = await previewResource(file, "xlsxfile", { sheet: "Autre" });
    expect(preview.records).toEqual([
      { a: "1", b: "2" },
      { a: "3", b: "4" },
    ]);
    expect((await previewResource(file, "xlsxfile", { sheet: "Autre", first_row_no: 4, headers_first_row: false }, { limit: 1 })).records).toEqual([{ column_1: "1", column_2: "2" }]);
  });

  it("refuses a missing sheet on params.sheet, listing the sheets", async () => {
    const file = await writeFixture(tmp.dir, "missing-sheet.xlsx", buildXlsx(sheets));
    const error = await failure(previewResource(file, "xlsxfile", { sheet: "Feuil1" }));
    expect(error.code).toBe("validation_error");
    expect(error.fieldErrors()).toEqual({ "params.sheet": ["There is no sheet “Feuil1”. Sheets: Communes, Autre."] });
  });

  it("refuses a zip that is not a workbook, and a file that is not a zip", async () => {
    const zip = await writeFixture(tmp.dir, "archive.xlsx", buildZip([{ name: "readme.txt", data: "hello" }]));
    const error = await failure(previewResource(zip, "xlsxfile"));
    expect([error.code, error.message]).toEqual(["extraction_error", "This zip archive is not an XLSX workbook: it has no xl/workbook.xml."]);
    expect(await guessExtractors(zip)).toEqual([]);
    const text = await failure(previewResource(await writeFixture(tmp.dir, "fake.xlsx", "a,b\n1,2\n"), "xlsxfile"));
    expect(text.code).toBe("extraction_error");
    expect(text.message).toMatch(/^The file is not a readable zip archive/);
    const empty = await failure(previewResource(await writeFixture(tmp.dir, "empty.xlsx", ""), "xlsxfile"));
    expect(empty.message).toBe("The file is empty.");
  });

  it("joins rich text runs and CDATA, leaving out phonetic readings", async () => {
    const sst = '<sst><si><t>Titre</t></si><si><r><t>Tō</t></r><r><t xml:space="preserve">kyō </t></r><rPh><t>トウキョウ</t></rPh><t><![CDATA[<&>]]></t></si></sst>';
    const sheet = '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v> 1 </v></c></row></sheetData></worksheet>';
    const file = await writeFixture(tmp.dir, "rich.xlsx", buildXlsx([{ name: "S", rows: [] }], { "xl/sharedStrings.xml": sst, "xl/worksheets/sheet1.xml": sheet }));
    expect((await previewResource(file, "xlsxfile")).records).toEqual([{ titre: "Tōkyō <&>" }]);
  });

  it("says when the sheet is empty", async () => {
    const file = await writeFixture(tmp.dir, "empty-sheet.xlsx", buildXlsx([{ name: "S", rows: [] }]));
    expect((await failure(previewResource(file, "xlsxfile"))).message).toBe("The sheet “S” is empty.");
  });
});
