// Rows of one worksheet, streamed: reading stops once enough rows are in, however large the sheet is.
import { extractionError } from "@/lib/extractors/extraction-error";
import { MAX_COLUMNS } from "@/lib/extractors/limits";
import { serialToIso } from "@/lib/extractors/xlsx-dates";
import { readDateStyles, readSharedStrings, type SheetInfo, type Workbook } from "@/lib/extractors/xlsx-workbook";
import { parseXmlPart } from "@/lib/extractors/xml-part";
import type { ZipArchive } from "@/lib/extractors/zip-reader";

/** A row by its 1-based sheet row number, cells rendered as text (null when empty). */
export type SheetRow = { r: number; cells: (string | null)[] };

type RawCell = { type: string; style: number; value: string; inline: string | null };

/** 0-based column of a cell reference ("C7" → 2). */
function columnOf(reference: string): number {
  let column = 0;
  for (const c of reference) {
    const code = c.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    // Excel stops at XFD; stop counting long before a hostile "AAAAAAAAAAAA1" overflows anything.
    if (column > 16_384) break;
  }
  return column - 1;
}

async function readRawRows(zip: ZipArchive, sheet: SheetInfo, fromRow: number, maxRows: number) {
  const rows: { r: number; raw: RawCell[] }[] = [];
  let [rowNumber, column] = [0, -1];
  let row: RawCell[] | null = null;
  let cell: RawCell | null = null;
  let [inValue, inInline, inText, phonetic, ended] = [false, false, false, 0, false];
  await parseXmlPart(
    zip,
    sheet.path,
    {
      open: (name, attrs) => {
        if (ended) return;
        if (name === "row") [rowNumber, row, column] = [Number(attrs.r) || rowNumber + 1, [], -1];
        else if (name === "c" && row) {
          column = attrs.r ? columnOf(attrs.r) : column + 1;
          cell = { type: attrs.t ?? "n", style: Number(attrs.s ?? 0), value: "", inline: null };
        } else if (name === "v") inValue = true;
        else if (name === "is" && cell) [inInline, cell.inline] = [true, ""];
        else if (name === "t") inText = true;
        else if (name === "rPh") phonetic += 1;
      },
      text: (text) => {
        // Only the cached value <v> is read: a formula <f> is never looked at, let alone evaluated.
        if (!cell) return;
        if (inValue) cell.value += text;
        else if (inInline && inText && phonetic === 0) cell.inline += text;
      },
      close: (name) => {
        if (ended) return;
        if (name === "v") inValue = false;
        else if (name === "t") inText = false;
        else if (name === "is") inInline = false;
        else if (name === "rPh") phonetic -= 1;
        else if (name === "c" && cell && row) {
          if (cell.value !== "" || cell.inline !== null) {
            if (column >= MAX_COLUMNS || column < 0) throw extractionError("extractors.too_many_columns", { max: MAX_COLUMNS });
            row[column] = cell;
          }
          cell = null;
        } else if (name === "row" && row) {
          if (rowNumber >= fromRow && row.length > 0) rows.push({ r: rowNumber, raw: row });
          row = null;
          if (rows.length >= maxRows) ended = true;
        } else if (name === "sheetData") ended = true;
      },
    },
    { done: () => ended },
  );
  return rows;
}

function render(cell: RawCell | undefined, strings: Map<number, string>, dateStyles: boolean[], date1904: boolean): string | null {
  if (!cell) return null;
  switch (cell.type) {
    case "s":
      return strings.get(Number(cell.value)) ?? null;
    case "inlineStr":
      return cell.inline ?? (cell.value || null);
    case "b":
      return cell.value === "1" || cell.value === "true" ? "true" : "false";
    case "str":
    case "e":
    case "d":
      return cell.value;
    default: {
      const number = Number(cell.value);
      if (cell.value.trim() === "" || !Number.isFinite(number)) return cell.value || null;
      if (dateStyles[cell.style]) return serialToIso(number, date1904) ?? String(number);
      return String(number);
    }
  }
}

export async function readSheetRows(zip: ZipArchive, workbook: Workbook, sheet: SheetInfo, options: { fromRow: number; maxRows: number }): Promise<SheetRow[]> {
  const rawRows = await readRawRows(zip, sheet, options.fromRow, options.maxRows);
  const wanted = new Set<number>();
  let styled = false;
  for (const { raw } of rawRows)
    for (const cell of raw) {
      if (cell?.type === "s" && /^\s*\d+\s*$/.test(cell.value)) wanted.add(Number(cell.value));
      if (cell && cell.style > 0 && (cell.type === "n" || cell.type === "")) styled = true;
    }
  const strings = await readSharedStrings(zip, workbook, wanted);
  const dateStyles = styled ? await readDateStyles(zip, workbook) : [];
  return rawRows.map(({ r, raw }) => ({ r, cells: Array.from(raw, (cell) => render(cell, strings, dateStyles, workbook.date1904)) }));
}
