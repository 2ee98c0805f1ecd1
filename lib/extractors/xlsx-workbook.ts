// The workbook-level parts of an XLSX file: sheet names and where they live, shared strings, date styles.
import { extractionError } from "@/lib/extractors/extraction-error";
import { attribute, parseXmlPart } from "@/lib/extractors/xml-part";
import { isDateFormat } from "@/lib/extractors/xlsx-dates";
import type { ZipArchive } from "@/lib/extractors/zip-reader";

export const WORKBOOK_PART = "xl/workbook.xml";
const WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels";

export type SheetInfo = { name: string; path: string };

export type Workbook = {
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStringsPath: string | null;
  stylesPath: string | null;
};

/** A relationship target as a zip entry name: relative to xl/, or absolute from the package root. */
function resolveTarget(target: string): string {
  const parts = target.startsWith("/") ? [] : ["xl"];
  for (const part of target.replace(/^\/+/, "").split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

const isTrue = (value: string | undefined) => value === "1" || value === "true";

export async function readWorkbook(zip: ZipArchive): Promise<Workbook> {
  if (!zip.entries.has(WORKBOOK_PART)) throw extractionError("extractors.xlsx_not_workbook");
  const declared: { name: string; relId: string }[] = [];
  let date1904 = false;
  await parseXmlPart(
    zip,
    WORKBOOK_PART,
    {
      open: (name, attrs) => {
        if (name === "workbookPr") date1904 = isTrue(attrs.date1904);
        if (name === "sheet") declared.push({ name: attrs.name ?? "", relId: attribute(attrs, "id") ?? "" });
      },
    },
    { readWhole: true },
  );

  const targets = new Map<string, string>();
  let sharedStringsPath: string | null = null;
  let stylesPath: string | null = null;
  if (zip.entries.has(WORKBOOK_RELS_PART)) {
    await parseXmlPart(
      zip,
      WORKBOOK_RELS_PART,
      {
        open: (name, attrs) => {
          if (name !== "Relationship" || !attrs.Target || attrs.TargetMode === "External") return;
          const path = resolveTarget(attrs.Target);
          if (attrs.Id) targets.set(attrs.Id, path);
          if (attrs.Type?.endsWith("/sharedStrings")) sharedStringsPath = path;
          if (attrs.Type?.endsWith("/styles")) stylesPath = path;
        },
      },
      { readWhole: true },
    );
  }
  // Writers that skip the relationships part use the conventional names.
  sharedStringsPath ??= zip.entries.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : null;
  stylesPath ??= zip.entries.has("xl/styles.xml") ? "xl/styles.xml" : null;
  const sheets = declared.map((sheet, index) => ({ name: sheet.name, path: targets.get(sheet.relId) ?? `xl/worksheets/sheet${index + 1}.xml` }));
  return { sheets, date1904, sharedStringsPath, stylesPath };
}

/** For each cell style index, whether its number format shows a date. */
export async function readDateStyles(zip: ZipArchive, workbook: Workbook): Promise<boolean[]> {
  if (!workbook.stylesPath || !zip.entries.has(workbook.stylesPath)) return [];
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await parseXmlPart(
    zip,
    workbook.stylesPath,
    {
      open: (name, attrs) => {
        if (name === "numFmt") formats.set(Number(attrs.numFmtId), attrs.formatCode ?? "");
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) xfFormats.push(Number(attrs.numFmtId ?? 0));
      },
      close: (name) => {
        if (name === "cellXfs") inCellXfs = false;
      },
    },
    { readWhole: true },
  );
  return xfFormats.map((id) => isDateFormat(id, formats));
}

/**
 * The shared strings at the given indexes, streamed: strings nobody asked for are not kept, and reading stops
 * after the highest wanted index, so a huge table costs only what the preview needs.
 */
export async function readSharedStrings(zip: ZipArchive, workbook: Workbook, wanted: Set<number>): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (wanted.size === 0 || !workbook.sharedStringsPath || !zip.entries.has(workbook.sharedStringsPath)) return found;
  let last = 0;
  for (const n of wanted) last = Math.max(last, n);
  let index = -1;
  let text: string | null = null;
  let inT = false;
  let phonetic = 0;
  await parseXmlPart(
    zip,
    workbook.sharedStringsPath,
    {
      open: (name) => {
        if (name === "si") [index, text] = [index + 1, wanted.has(index + 1) ? "" : null];
        else if (name === "rPh") phonetic += 1;
        else if (name === "t") inT = true;
      },
      close: (name) => {
        if (name === "t") inT = false;
        else if (name === "rPh") phonetic -= 1;
        else if (name === "si" && text !== null) found.set(index, text);
      },
      // Phonetic runs (<rPh>) are reading aids for Japanese text, not part of the value.
      text: (chunk) => {
        if (inT && phonetic === 0 && text !== null) text += chunk;
      },
    },
    { done: () => index > last },
  );
  return found;
}
