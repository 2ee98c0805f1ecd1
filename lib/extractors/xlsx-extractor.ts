// XLSX workbooks: one sheet (the first unless `sheet` says otherwise) read as a table.
import { extractionError, paramError } from "@/lib/extractors/extraction-error";
import { SAMPLE_ROWS } from "@/lib/extractors/limits";
import { tabularPreview } from "@/lib/extractors/preview-builder";
import { guessFirstRowIndex, guessHeadersFirstRow } from "@/lib/extractors/table-guess";
import type { ResourcePreview, SourceFile, XlsxParams } from "@/lib/extractors/types";
import { readSheetRows, type SheetRow } from "@/lib/extractors/xlsx-sheet";
import { readWorkbook, type SheetInfo, type Workbook } from "@/lib/extractors/xlsx-workbook";
import { closeZip, openZip, type ZipArchive } from "@/lib/extractors/zip-reader";

async function withWorkbook<T>(file: SourceFile, read: (zip: ZipArchive, workbook: Workbook) => Promise<T>): Promise<T> {
  if (file.size === 0) throw extractionError("extractors.empty_file");
  const zip = await openZip(file.path);
  try {
    return await read(zip, await readWorkbook(zip));
  } finally {
    closeZip(zip);
  }
}

function pickSheet(workbook: Workbook, name: string | undefined): SheetInfo {
  const [first] = workbook.sheets;
  if (!first) throw extractionError("extractors.xlsx_no_sheets");
  if (name === undefined) return first;
  const sheet = workbook.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw paramError("sheet", "extractors.sheet_not_found", { sheet: name, sheets: workbook.sheets.map((s) => s.name).join(", ") });
  return sheet;
}

type Guessed = { params: XlsxParams; rows: SheetRow[] };

/** Reads enough rows to guess from and, beyond them, `extraRows` for a preview, in one pass over the sheet. */
async function guessFromSheet(zip: ZipArchive, workbook: Workbook, given: Partial<XlsxParams>, extraRows: number): Promise<Guessed> {
  const sheet = pickSheet(workbook, given.sheet);
  const rows = await readSheetRows(zip, workbook, sheet, { fromRow: given.first_row_no ?? 1, maxRows: SAMPLE_ROWS + extraRows });
  const first_row_no = given.first_row_no ?? rows[guessFirstRowIndex(rows.map((row) => row.cells))]?.r ?? 1;
  const table = rows.filter((row) => row.r >= first_row_no);
  const headers_first_row = given.headers_first_row ?? guessHeadersFirstRow(table.slice(0, SAMPLE_ROWS).map((row) => row.cells));
  return { params: { sheet: sheet.name, headers_first_row, first_row_no }, rows: table };
}

export async function guessXlsxParams(file: SourceFile, given: Partial<XlsxParams> = {}): Promise<XlsxParams> {
  return withWorkbook(file, async (zip, workbook) => (await guessFromSheet(zip, workbook, given, 0)).params);
}

export async function previewXlsx(file: SourceFile, given: Partial<XlsxParams>, limit: number): Promise<ResourcePreview> {
  return withWorkbook(file, async (zip, workbook) => {
    const { params, rows } = await guessFromSheet(zip, workbook, given, limit + 1);
    if (rows.length === 0) throw extractionError("extractors.sheet_empty", { sheet: params.sheet });
    const wanted = rows.slice(0, limit + (params.headers_first_row ? 1 : 0));
    return tabularPreview(
      wanted.map((row) => row.cells),
      params.headers_first_row,
    );
  });
}
