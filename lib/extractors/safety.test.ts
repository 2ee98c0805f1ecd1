// One test per limit in limits.ts (and per hostile input the brief lists): each fails if its check is removed.
import { randomBytes } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { guessExtractorParams, guessExtractors, previewResource } from "@/lib/extractors";
import { HEAD_BYTES, MAX_COLUMNS, MAX_JSON_DEPTH, MAX_PREVIEW_RECORDS, MAX_XLSX_ENTRY_BYTES, MAX_ZIP_ENTRIES, SNIFF_BYTES } from "@/lib/extractors/limits";
import { buildZip, writeFixture, xlsxParts, type ZipEntrySpec } from "@/lib/extractors/test-fixtures";
import { failure, tempDirForTests } from "@/lib/extractors/test-helpers";

const tmp = tempDirForTests();

const MiB = 1024 * 1024;

/**
 * A valid head of CSV lines filling exactly `HEAD_BYTES`, followed by lines of bytes that are invalid UTF-8:
 * reading a single byte more than the head makes the preview fail.
 */
function csvWithPoisonedTail(totalBytes: number): Buffer {
  const file = Buffer.alloc(totalBytes, Buffer.from([0xff, 0x0a]));
  const header = "id,name,value\n";
  let text = header;
  for (let i = 0; text.length < HEAD_BYTES - 40; i += 1) text += `${i},name ${i},${i * 1.5}\n`;
  text += "x".repeat(HEAD_BYTES - text.length - 1) + "\n";
  file.write(text, 0, "utf8");
  return file;
}

/** A workbook whose parts are all normal except the given ones. */
function workbookWith(entries: Partial<Record<string, Omit<ZipEntrySpec, "name">>>): Buffer {
  const parts = xlsxParts([{ name: "S", rows: [["a"], ["b"]] }]);
  return buildZip(Object.entries(parts).map(([name, data]) => ({ name, data, ...entries[name] })));
}

describe("text formats read no more than HEAD_BYTES", () => {
  it("previews a 50 MB CSV without reading past the head", async () => {
    const file = await writeFixture(tmp.dir, "big.csv", csvWithPoisonedTail(50 * MiB));
    const preview = await previewResource(file, "csvfile", { encoding: "utf-8" });
    expect(preview.records).toHaveLength(20);
    expect(preview.records[0]).toEqual({ id: "0", name: "name 0", value: "0" });
    // Guessing looks at the same head only: the 0xFF tail would make it anything but UTF-8.
    expect((await guessExtractorParams(file, "csvfile")).encoding).toBe("utf-8");
  });

  it("previews a 50 MB JSON array from its head, leaving out the record cut by the limit", async () => {
    const file = Buffer.alloc(50 * MiB, "}");
    let text = "[";
    for (let i = 0; text.length < HEAD_BYTES + 1000; i += 1) text += `{"i":${i},"s":"${"y".repeat(50)}"},`;
    file.write(text, 0, "utf8");
    const preview = await previewResource(await writeFixture(tmp.dir, "big.json", file), "jsonfile", {}, { limit: 1000 });
    expect(preview.records).toHaveLength(1000);
  });

  it("sniffs formats from SNIFF_BYTES only", async () => {
    const file = Buffer.alloc(SNIFF_BYTES + 4096, 0);
    // NUL bytes right after the sniffed head would make it a binary file.
    file.write("a;b;c\n1;2;3\n".repeat(SNIFF_BYTES / 12), 0, "utf8");
    file.fill("\n", Math.floor(SNIFF_BYTES / 12) * 12, SNIFF_BYTES);
    const source = await writeFixture(tmp.dir, "sniff.csv", file);
    expect((await guessExtractors(source)).map((e) => e.type)).toEqual(["csvfile"]);
  });

  it("refuses a first line longer than the head", async () => {
    const file = await writeFixture(tmp.dir, "one-line.csv", Buffer.alloc(5 * MiB, "a"));
    const error = await failure(previewResource(file, "csvfile"));
    expect(error.code).toBe("extraction_error");
    expect(error.message).toMatch(/^The first line is longer than 1 MB/);
    expect((await failure(guessExtractorParams(file, "csvfile"))).message).toMatch(/^The first line is longer than 1 MB/);
  });
});

describe("MAX_COLUMNS", () => {
  it("refuses wider CSV rows, JSON records and sheets", async () => {
    const wide = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`);
    const wideCsv = await writeFixture(tmp.dir, "wide.csv", `${wide.join(",")}\n${wide.join(",")}\n`);
    const csv = await failure(previewResource(wideCsv, "csvfile"));
    expect(csv.message).toBe(`The file has more than ${MAX_COLUMNS} columns: check the separator.`);
    // The CSV parser stops at the first such row, before a whole head of cells is in memory.
    expect((await failure(guessExtractorParams(wideCsv, "csvfile"))).message).toBe(csv.message);
    const record = Object.fromEntries(wide.map((k) => [k, 1]));
    const json = await failure(previewResource(await writeFixture(tmp.dir, "wide.json", JSON.stringify([record])), "jsonfile"));
    expect(json.code).toBe("extraction_error");
    const sheet = `<worksheet><sheetData><row r="1"><c r="ALN1" t="inlineStr"><is><t>far</t></is></c></row></sheetData></worksheet>`;
    const xlsx = await writeFixture(tmp.dir, "wide.xlsx", buildZip(Object.entries(xlsxParts([{ name: "S", rows: [] }], { "xl/worksheets/sheet1.xml": sheet })).map(([name, data]) => ({ name, data }))));
    expect((await failure(previewResource(xlsx, "xlsxfile"))).message).toMatch(/more than 1000 columns/);
    expect((await previewResource(await writeFixture(tmp.dir, "ok.csv", `${wide.slice(1).join(",")}\n`), "csvfile")).fields).toHaveLength(MAX_COLUMNS);
  });
});

describe("MAX_JSON_DEPTH", () => {
  it.each([
    ["arrays", "[".repeat(10_000) + "]".repeat(10_000)],
    ["objects", '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000)],
  ])("refuses %s nested 10,000 deep without overflowing the stack", async (name, text) => {
    const file = await writeFixture(tmp.dir, `deep-${name}.json`, text);
    const error = await failure(previewResource(file, "jsonfile"));
    expect([error.code, error.message]).toEqual(["extraction_error", `The JSON document is nested deeper than ${MAX_JSON_DEPTH} levels.`]);
    expect((await failure(guessExtractorParams(file, "jsonfile"))).message).toMatch(/nested deeper than 64 levels/);
  });

  it("accepts records nested exactly to the limit", async () => {
    const inner = "[".repeat(MAX_JSON_DEPTH - 2) + "]".repeat(MAX_JSON_DEPTH - 2);
    const preview = await previewResource(await writeFixture(tmp.dir, "deep-ok.json", `[{"a":${inner}}]`), "jsonfile");
    expect(preview.records).toHaveLength(1);
  });
});

describe("XLSX archives", () => {
  it("refuses a part compressed more than MAX_COMPRESSION_RATIO (a zip bomb)", async () => {
    const zeros = Buffer.alloc(20 * MiB);
    const file = await writeFixture(tmp.dir, "bomb.xlsx", workbookWith({ "xl/worksheets/sheet1.xml": { data: zeros, compressed: deflateRawSync(zeros) } }));
    const error = await failure(previewResource(file, "xlsxfile"));
    expect([error.code, error.message]).toEqual(["extraction_error", "The workbook part xl/worksheets/sheet1.xml is compressed more than 100 to 1: it looks like a zip bomb and is refused."]);
  });

  it("refuses a part read whole whose declared size exceeds MAX_XLSX_ENTRY_BYTES", async () => {
    // Incompressible data keeps the ratio under the bomb threshold: only the size check can catch this one.
    const noise = randomBytes(MiB);
    const file = await writeFixture(tmp.dir, "huge-workbook.xlsx", workbookWith({ "xl/workbook.xml": { data: noise, compressed: deflateRawSync(noise), declaredSize: MAX_XLSX_ENTRY_BYTES + 1 } }));
    const error = await failure(previewResource(file, "xlsxfile"));
    expect(error.message).toBe("The workbook part xl/workbook.xml is larger than 64 MB once uncompressed.");
  });

  it("stops inflating a streamed part at MAX_XLSX_ENTRY_BYTES", async () => {
    const head = '<worksheet><sheetData>';
    const filler = Buffer.alloc(MAX_XLSX_ENTRY_BYTES + MiB, "<x/>");
    const sheet = Buffer.concat([Buffer.from(head), filler, Buffer.from("</sheetData></worksheet>")]);
    const parts = xlsxParts([{ name: "S", rows: [] }], { "xl/worksheets/sheet1.xml": sheet });
    const file = await writeFixture(tmp.dir, "huge-sheet.xlsx", buildZip(Object.entries(parts).map(([name, data]) => ({ name, data, method: "store" as const }))));
    const error = await failure(previewResource(file, "xlsxfile"));
    expect(error.message).toBe("The workbook part xl/worksheets/sheet1.xml is larger than 64 MB once uncompressed.");
  }, 30_000);

  it("refuses a part that inflates past its declared size", async () => {
    const sheet = Buffer.from(`<worksheet><sheetData>${"<x/>".repeat(5 * MiB)}</sheetData></worksheet>`);
    const file = await writeFixture(tmp.dir, "lying.xlsx", workbookWith({ "xl/worksheets/sheet1.xml": { data: sheet, declaredSize: 1000 } }));
    const error = await failure(previewResource(file, "xlsxfile"));
    expect(error.code).toBe("extraction_error");
    expect(error.message).toMatch(/^The part xl\/worksheets\/sheet1.xml of the archive cannot be read \(too many bytes/);
  });

  it("refuses an archive listing more than MAX_ZIP_ENTRIES files", async () => {
    const entries = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `f${i}`, data: "", method: "store" as const }));
    const file = await writeFixture(tmp.dir, "many.xlsx", buildZip([...Object.entries(xlsxParts([{ name: "S", rows: [["a"]] }])).map(([name, data]) => ({ name, data })), ...entries]));
    const error = await failure(previewResource(file, "xlsxfile"));
    expect(error.message).toBe(`The zip archive lists more than ${MAX_ZIP_ENTRIES} files: this is not a workbook.`);
  });

  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]>`;
  it.each([
    ["billion laughs in the shared strings", "xl/sharedStrings.xml", `${laughs}<sst><si><t>&lol9;</t></si></sst>`],
    ["an external entity in the sheet", "xl/worksheets/sheet1.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>'],
    ["an external entity in the workbook", "xl/workbook.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook><sheets><sheet name="&xxe;" r:id="rId1"/></sheets></workbook>'],
  ])("never expands entities: %s", async (_, part, xml) => {
    const file = await writeFixture(tmp.dir, `entities-${part.replace(/\W/g, "_")}.xlsx`, workbookWith({ [part]: { data: xml } }));
    const outcome = await previewResource(file, "xlsxfile").then(
      (preview) => JSON.stringify(preview),
      (error: unknown) => (isAppError(error) ? `${error.code}: ${error.message}` : String(error)),
    );
    expect(outcome).not.toMatch(/root:|lollollol/);
    expect(outcome).toBe(`extraction_error: The workbook part ${part} declares a DOCTYPE, which workbooks never do: it is refused.`);
  });
});

describe("MAX_PREVIEW_RECORDS", () => {
  it("refuses larger limits", async () => {
    const file = await writeFixture(tmp.dir, "small.csv", "a\n1\n");
    const error = await failure(previewResource(file, "csvfile", {}, { limit: MAX_PREVIEW_RECORDS + 1 }));
    expect(error.code).toBe("validation_error");
    expect(error.fieldErrors()).toEqual({ limit: [`Enter a whole number from 1 to ${MAX_PREVIEW_RECORDS}.`] });
    expect((await previewResource(file, "csvfile", {}, { limit: MAX_PREVIEW_RECORDS })).records).toHaveLength(1);
  });
});
