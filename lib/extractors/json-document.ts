// The head of a JSON or GeoJSON file, decoded and parsed as far as it goes, with errors people can act on.
import { decodeHead, detectEncoding } from "@/lib/extractors/encoding";
import { extractionError } from "@/lib/extractors/extraction-error";
import { readHead } from "@/lib/extractors/head";
import { JsonDepthError, JsonSyntaxError, lineAndColumn, parseJsonPrefix, type ParsedPrefix } from "@/lib/extractors/json-scanner";
import { HEAD_BYTES, MAX_JSON_DEPTH, formatMiB } from "@/lib/extractors/limits";
import type { SourceFile } from "@/lib/extractors/types";

export type JsonText = { text: string; truncated: boolean; encoding: string };

export async function readJsonText(file: SourceFile, encoding: string | undefined): Promise<JsonText> {
  const head = await readHead(file);
  const chosen = encoding ?? detectEncoding(head.bytes, head.truncated);
  const text = decodeHead(head, chosen, { explicit: encoding !== undefined, wholeLines: false });
  return { text, truncated: head.truncated, encoding: chosen };
}

const isBlank = (c: string | undefined) => c === " " || c === "\t" || c === "\r" || c === "\n";

/** One value from `start`, with scanner failures turned into extraction errors. */
export function parseValue(doc: JsonText, start: number): ParsedPrefix {
  try {
    return parseJsonPrefix(doc.text, start, { truncated: doc.truncated, maxDepth: MAX_JSON_DEPTH });
  } catch (error) {
    if (error instanceof JsonDepthError) throw extractionError("extractors.json_too_deep", { max: MAX_JSON_DEPTH }, error);
    if (error instanceof JsonSyntaxError) throw invalidJson(doc.text, error.position, error.detail, error);
    throw error;
  }
}

function invalidJson(text: string, position: number, detail: string, cause?: unknown) {
  return extractionError("extractors.json_invalid", { ...lineAndColumn(text, position), detail }, cause);
}

/** The whole document as one value: anything but whitespace after it is an error. */
export function parseDocument(doc: JsonText): ParsedPrefix {
  const parsed = parseValue(doc, 0);
  if (parsed.complete) {
    let i = parsed.end;
    while (isBlank(doc.text[i])) i += 1;
    if (i < doc.text.length) throw invalidJson(doc.text, i, "unexpected data after the end of the document (JSON Lines files need json_lines)");
  }
  return parsed;
}

/** Whether values follow each other one per line (JSON Lines): a first value, a line break, then another value. */
export function looksLikeJsonLines(doc: JsonText): boolean {
  const first = parseValue(doc, 0);
  if (!first.complete) return false;
  let i = first.end;
  while (doc.text[i] === " " || doc.text[i] === "\t" || doc.text[i] === "\r") i += 1;
  if (doc.text[i] !== "\n") return false;
  while (isBlank(doc.text[i])) i += 1;
  return doc.text[i] === "{" || doc.text[i] === "[";
}

/** Values of a JSON Lines text, up to `limit`; a last line cut by the end of the head is left out. */
export function parseLines(doc: JsonText, limit: number): unknown[] {
  const values: unknown[] = [];
  let i = 0;
  while (values.length < limit) {
    while (isBlank(doc.text[i])) i += 1;
    if (i >= doc.text.length) break;
    const parsed = parseValue(doc, i);
    if (!parsed.complete) break;
    values.push(parsed.value);
    i = parsed.end;
    while (doc.text[i] === " " || doc.text[i] === "\t" || doc.text[i] === "\r") i += 1;
    if (i < doc.text.length && doc.text[i] !== "\n") throw invalidJson(doc.text, i, "expected a line break after a value");
  }
  return values;
}

/** Complete elements of an array from a possibly cut document; the first one being cut means records are too large. */
export function completeElements(array: unknown[], parsed: ParsedPrefix, limit: number): unknown[] {
  const items = array.slice(0, limit + 1);
  const last = items.at(-1);
  if (items.length > 0 && last !== null && typeof last === "object" && parsed.incomplete.has(last)) items.pop();
  if (items.length === 0 && parsed.incomplete.has(array)) throw extractionError("extractors.record_too_large", { size: formatMiB(HEAD_BYTES) });
  return items.slice(0, limit);
}
