import { describe, expect, it } from "vitest";
import { isAppError, type AppError } from "@/lib/errors/app-error";
import { createTranslator } from "@/lib/i18n/translator";
import { fr } from "@/lib/i18n/messages/fr";
import { EXTRACTORS, guessExtractorParams, guessExtractors, listExtractors, previewResource, validateExtractorParams, type ExtractorType } from "@/lib/extractors";
import { buildXlsx, writeFixture } from "@/lib/extractors/test-fixtures";
import { tempDirForTests } from "@/lib/extractors/test-helpers";

const tmp = tempDirForTests();

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("listExtractors", () => {
  it("describes the four extractors with their parameters", () => {
    const extractors = listExtractors();
    expect(extractors.map((e) => e.type)).toEqual(["csvfile", "jsonfile", "geojsonfile", "xlsxfile"]);
    const names = Object.fromEntries(extractors.map((e) => [e.type, e.parameters.map((p) => p.name)]));
    expect(names).toEqual({
      csvfile: ["separator", "encoding", "doublequote", "quotechar", "headers_first_row", "first_row_no"],
      jsonfile: ["json_root", "json_lines", "encoding"],
      geojsonfile: ["encoding"],
      xlsxfile: ["sheet", "headers_first_row", "first_row_no"],
    });
    expect(extractors[0]!.parameters[5]).toMatchObject({ type: "integer", is_mandatory: false, default: "1" });
    extractors[0]!.label = "changed";
    expect(EXTRACTORS[0]!.label).toBe("CSV");
  });
});

describe("guessExtractors", () => {
  it.each([
    ["data.csv", "a;b\n1;2\n3;4\n", null, ["csvfile"]],
    ["noext", "a\tb\n1\t2\n3\t4\n", null, ["csvfile"]],
    ["notes.txt", "just one column\nof plain text\n", "text/plain", ["csvfile"]],
    ["notes", "just some prose, with a comma\nand another line\n", null, []],
    ["data.json", '[{"a":1}]', "application/json", ["jsonfile"]],
    ["data.bin", '  {"items":[{"a":1}]}', null, ["jsonfile"]],
    ["data.csv", '[{"a":1,"b":2},{"a":1,"b":2}]', null, ["jsonfile", "csvfile"]],
    ["lines.jsonl", '{"a":1}\n{"a":2}\n', null, ["jsonfile"]],
    ["places.json", '{"type":"FeatureCollection","features":[]}', null, ["geojsonfile", "jsonfile"]],
    ["image.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), "image/png", []],
  ] as const)("%s → %j", async (name, content, mimetype, expected) => {
    const file = await writeFixture(tmp.dir, name, typeof content === "string" ? content : Buffer.from(content), mimetype);
    expect((await guessExtractors(file)).map((e) => e.type)).toEqual(expected);
  });

  it("recognises workbooks from their content and says when a file is empty", async () => {
    const xlsx = await writeFixture(tmp.dir, "book.zip", buildXlsx([{ name: "S", rows: [["a"]] }]));
    const [first] = await guessExtractors(xlsx);
    expect(first).toEqual(EXTRACTORS.find((e) => e.type === "xlsxfile"));
    const empty = await guessExtractors(await writeFixture(tmp.dir, "empty.csv", "")).catch((e: AppError) => e);
    expect(isAppError(empty) && empty.message).toBe("The file is empty.");
  });
});

describe("guessExtractorParams", () => {
  it("fills every parameter of each extractor, and keeps the ones given", async () => {
    const csv = await writeFixture(tmp.dir, "p.csv", "a;b\n1;2\n");
    for (const type of ["csvfile"] as ExtractorType[]) {
      const params = await guessExtractorParams(csv, type);
      expect(Object.keys(params).sort()).toEqual(EXTRACTORS.find((e) => e.type === type)!.parameters.map((p) => p.name).sort());
    }
    expect(await guessExtractorParams(csv, "csvfile", { separator: ",", encoding: "ISO-8859-1" })).toMatchObject({ separator: ",", encoding: "iso-8859-1" });
  });
});

describe("parameter validation", () => {
  it("refuses an unknown extractor type on `type`", async () => {
    const file = await writeFixture(tmp.dir, "v.csv", "a\n1\n");
    const error = await previewResource(file, "pdffile" as ExtractorType).catch((e: AppError) => e);
    expect(isAppError(error) && [error.code, error.fieldErrors()]).toEqual([
      "validation_error",
      { type: ["Unknown extractor “pdffile”: use one of csvfile, jsonfile, geojsonfile, xlsxfile."] },
    ]);
  });

  it("refuses unknown names and bad values on params.<name>, all at once", () => {
    const error = thrown(() => validateExtractorParams("csvfile", { separator: "abc", first_row_no: 0, delimiter: ";", encoding: "klingon", doublequote: "yes" }));
    expect(error.code).toBe("validation_error");
    expect(error.status).toBe(400);
    expect(error.fieldErrors()).toEqual({
      "params.separator": ["Use a single character, such as , ; | or a tab (\\t)."],
      "params.first_row_no": ["Enter a number greater than or equal to 1."],
      "params.delimiter": ["Unknown parameter for the csvfile extractor."],
      "params.encoding": ["Unknown encoding “klingon” (use a name such as utf-8, iso-8859-1, windows-1252 or utf-16le)."],
      "params.doublequote": ["Invalid value: expected boolean."],
    });
    expect(error.fieldErrors(createTranslator(fr))!["params.delimiter"]).toEqual(["Paramètre inconnu pour l’extracteur csvfile."]);
    expect(thrown(() => validateExtractorParams("jsonfile", { json_root: "a..b", json_lines: 1 })).fieldErrors()).toEqual({
      "params.json_root": ["Use a dot-separated path such as data.items, without empty parts."],
      "params.json_lines": ["Invalid value: expected boolean."],
    });
    expect(thrown(() => validateExtractorParams("csvfile", { first_row_no: 1.5 })).fieldErrors()).toEqual({ "params.first_row_no": ["Enter a whole number."] });
    expect(thrown(() => validateExtractorParams("csvfile", "sep=;")).fieldErrors()).toEqual({ params: ["Invalid value: expected object."] });
  });

  it("normalizes lenient forms and drops null values (left to guessing)", () => {
    expect(validateExtractorParams("csvfile", { separator: "\\t", first_row_no: "3", headers_first_row: "false", encoding: " UTF-8 ", quotechar: null })).toEqual({
      separator: "\t",
      first_row_no: 3,
      headers_first_row: false,
      encoding: "utf-8",
    });
    expect(thrown(() => validateExtractorParams("csvfile", { separator: "'", quotechar: "'" })).fieldErrors()).toEqual({
      "params.quotechar": ["The quote character must differ from the separator."],
    });
  });
});
