// Output of the benchmarks: a compact text table on stdout and the same figures as JSON in bench/.out/.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type Cell = string | number | null | undefined;

const fmt = (value: Cell) => (value === null || value === undefined ? "–" : typeof value === "number" ? value.toLocaleString("en-US", { maximumFractionDigits: 1 }) : value);

/** Left-aligned first column, right-aligned figures. */
export function table(header: Cell[], rows: Cell[][]): string {
  const cells = [header, ...rows].map((row) => row.map(fmt));
  const widths = header.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? "").length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  const [head, ...body] = cells;
  return [line(head!), widths.map((w) => "─".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

export function writeJson(name: string, data: unknown): string {
  const dir = join(__dirname, ".out");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  return file;
}
