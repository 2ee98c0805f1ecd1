// Which extractors fit a file, best first. The content decides what fits; the file name and media type only
// break ties between formats the content allows (a .csv file holding JSON is offered as JSON first).
import iconv from "iconv-lite";
import { isAppError } from "@/lib/errors/app-error";
import { looksTabular, sampleLines } from "@/lib/extractors/csv-dialect";
import { detectEncoding } from "@/lib/extractors/encoding";
import { extractionError } from "@/lib/extractors/extraction-error";
import { readHead } from "@/lib/extractors/head";
import { JsonDepthError, parseJsonPrefix } from "@/lib/extractors/json-scanner";
import { looksLikeJsonLines } from "@/lib/extractors/json-document";
import { MAX_JSON_DEPTH, SNIFF_BYTES } from "@/lib/extractors/limits";
import { EXTRACTORS } from "@/lib/extractors/registry";
import { extractorForFilename } from "@/lib/extractors/file-extensions";
import { WORKBOOK_PART } from "@/lib/extractors/xlsx-workbook";
import { closeZip, openZip } from "@/lib/extractors/zip-reader";
import type { Extractor, ExtractorType, SourceFile } from "@/lib/extractors/types";

const BY_MEDIA_TYPE: Record<string, ExtractorType> = {
  "text/csv": "csvfile",
  "application/csv": "csvfile",
  "text/tab-separated-values": "csvfile",
  "text/plain": "csvfile",
  "application/json": "jsonfile",
  "application/x-ndjson": "jsonfile",
  "application/jsonl": "jsonfile",
  "application/geo+json": "geojsonfile",
  "application/vnd.geo+json": "geojsonfile",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsxfile",
};

function hinted(file: SourceFile): Set<ExtractorType> {
  const hints = new Set<ExtractorType>();
  const byName = extractorForFilename(file.filename);
  if (byName) hints.add(byName);
  const mediaType = file.mimetype?.toLowerCase().split(";")[0]?.trim();
  if (mediaType && BY_MEDIA_TYPE[mediaType]) hints.add(BY_MEDIA_TYPE[mediaType]);
  return hints;
}

async function isWorkbook(path: string): Promise<boolean> {
  try {
    const zip = await openZip(path);
    closeZip(zip);
    return zip.entries.has(WORKBOOK_PART);
  } catch (error) {
    if (isAppError(error)) return false;
    throw error;
  }
}

function isJson(text: string, truncated: boolean): boolean {
  if (!/^[{[]/.test(text)) return false;
  try {
    const parsed = parseJsonPrefix(text, 0, { truncated, maxDepth: MAX_JSON_DEPTH });
    return !parsed.complete || text.slice(parsed.end).trim() === "" || looksLikeJsonLines({ text, truncated, encoding: "" });
  } catch (error) {
    // Deeply nested is still JSON: the preview will say why it refuses it.
    return error instanceof JsonDepthError;
  }
}

/** Content scores: what the bytes say, before any hint. Zero means the format does not fit. */
async function contentScores(file: SourceFile): Promise<Map<ExtractorType, number>> {
  const head = await readHead(file, SNIFF_BYTES);
  if (head.fileSize === 0) throw extractionError("extractors.empty_file");
  const scores = new Map<ExtractorType, number>();
  if (head.bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if (await isWorkbook(file.path)) scores.set("xlsxfile", 10);
    return scores;
  }
  const encoding = detectEncoding(head.bytes, head.truncated);
  // NUL bytes do not occur in text outside UTF-16/32: this is some binary format.
  if (!encoding.startsWith("utf-16") && !encoding.startsWith("utf-32") && head.bytes.includes(0)) return scores;
  const text = iconv.decode(head.bytes, encoding).replace(/^\uFEFF/, "").trimStart();
  if (text === "" && !head.truncated) throw extractionError("extractors.empty_file");
  if (isJson(text, head.truncated)) {
    scores.set("jsonfile", 5);
    if (/"type"\s*:\s*"(FeatureCollection|Feature)"/.test(text)) scores.set("geojsonfile", 8);
    // Text that is JSON can still be read as CSV, but only someone who says so wants that.
    scores.set("csvfile", 0.5);
  } else {
    scores.set("csvfile", looksTabular(sampleLines(text).join("\n")) ? 4 : 0.5);
  }
  return scores;
}

export async function guessExtractors(file: SourceFile): Promise<Extractor[]> {
  const scores = await contentScores(file);
  const hints = hinted(file);
  const ranked = EXTRACTORS.map((extractor) => {
    const content = scores.get(extractor.type) ?? 0;
    // A weak content match (plain text, or JSON as CSV) only counts when the name or media type asks for it.
    const fits = content >= 1 || (content > 0 && hints.has(extractor.type));
    return { extractor, score: fits ? content + (hints.has(extractor.type) ? 2 : 0) : 0 };
  }).filter(({ score }) => score > 0);
  ranked.sort((a, b) => b.score - a.score);
  return ranked.map(({ extractor }) => structuredClone(extractor));
}
