// CSV cells for exports. Spreadsheet applications run a cell starting with = + - @ (or tab/CR) as a formula:
// such text cells get a leading apostrophe (OWASP's CSV-injection advice), which they show as text. Numbers and
// points are written by us from numbers, never formulas: a negative value stays a number.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown, options: { delimiter: string; quoteAll: boolean; listSeparator: string }): string {
  let text: string;
  let numeric = typeof value === "number";
  if (value === null || value === undefined) text = "";
  else if (Array.isArray(value)) text = value.map(String).join(options.listSeparator);
  else if (typeof value === "object") {
    const point = value as { lat?: unknown; lon?: unknown };
    numeric = typeof point.lat === "number" && typeof point.lon === "number";
    text = numeric ? `${point.lat}, ${point.lon}` : JSON.stringify(value);
  } else text = String(value);
  if (!numeric && FORMULA_START.test(text)) text = `'${text}`;
  const needsQuotes = options.quoteAll || text.includes(options.delimiter) || /["\n\r]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}
