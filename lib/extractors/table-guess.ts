// Guesses shared by the row-based formats (CSV, XLSX): where the table starts and whether it has a header row.
import { classifyText } from "@/lib/extractors/field-types";

type Row = readonly (string | null)[];

const filled = (cell: string | null | undefined): cell is string => cell !== null && cell !== undefined && cell.trim() !== "";
const filledCount = (row: Row) => row.filter(filled).length;

const MAX_SKIPPED_ROWS = 20;

/**
 * Index of the first row of the table: leading blank lines, comments and titles ("Export of 2024-01-01") have
 * far fewer filled cells than the rows of the table, so they are skipped.
 */
export function guessFirstRowIndex(rows: readonly Row[]): number {
  const counts = rows.map(filledCount).filter((n) => n > 0).sort((a, b) => a - b);
  const typical = counts[Math.floor(counts.length / 2)] ?? 0;
  if (typical < 2) return Math.max(0, rows.findIndex((row) => filledCount(row) > 0));
  const threshold = Math.max(2, Math.ceil(typical / 2));
  for (let index = 0; index < Math.min(rows.length, MAX_SKIPPED_ROWS); index += 1) {
    const row = rows[index]!;
    const comment = (row.find(filled) ?? "").trimStart().startsWith("#");
    if (!comment && filledCount(row) >= threshold) return index;
  }
  return 0;
}

type Kind = "empty" | "text" | "typed";
const kindOf = (cell: string | null | undefined): Kind => {
  if (!filled(cell)) return "empty";
  return classifyText(cell.trim()) === "text" ? "text" : "typed";
};

/**
 * Whether the first row names the columns. A column whose values are numbers, dates or booleans tells:
 * a text first cell there is a header, a typed one is data. Without such evidence, assume a header, as most files have one.
 */
export function guessHeadersFirstRow(rows: readonly Row[]): boolean {
  const [first, ...rest] = rows;
  if (!first || rest.length === 0) return true;
  let headerEvidence = 0;
  let dataEvidence = 0;
  first.forEach((cell, column) => {
    const kinds = rest.map((row) => kindOf(row[column])).filter((kind) => kind !== "empty");
    const typed = kinds.filter((kind) => kind === "typed").length;
    if (kinds.length === 0 || typed / kinds.length < 0.8) return;
    const own = kindOf(cell);
    if (own === "text") headerEvidence += 1;
    else if (own === "typed") dataEvidence += 1;
  });
  if (headerEvidence > 0) return true;
  // All-text tables give no evidence either way.
  return dataEvidence === 0;
}
