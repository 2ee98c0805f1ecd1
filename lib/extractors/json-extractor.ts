// JSON files: an array of records at the root or under `json_root`, or JSON Lines (one record per line).
import { extractionError } from "@/lib/extractors/extraction-error";
import { completeElements, looksLikeJsonLines, parseDocument, parseLines, readJsonText, type JsonText } from "@/lib/extractors/json-document";
import { HEAD_BYTES, MAX_JSON_DEPTH, formatMiB } from "@/lib/extractors/limits";
import { objectPreview } from "@/lib/extractors/preview-builder";
import type { JsonParams, ResourcePreview, SourceFile } from "@/lib/extractors/types";

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Dot-separated path to the array of records: the root itself when it is an array, otherwise the shallowest
 * array of objects (breadth first, so `{"meta": {"links": [{…}]}, "data": [{…}]}` gives "data").
 */
export function findRecordsPath(root: unknown): string | null {
  if (Array.isArray(root)) return "";
  const queue: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  for (let head = 0; head < queue.length; head += 1) {
    const { value, path } = queue[head]!;
    if (!isObject(value) || path.length >= MAX_JSON_DEPTH) continue;
    for (const [key, child] of Object.entries(value)) {
      // A key with a dot cannot be written in a dot-separated path.
      if (key.includes(".")) continue;
      if (Array.isArray(child) && isObject(child[0])) return [...path, key].join(".");
      if (isObject(child)) queue.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

export function resolvePath(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path === "" ? [] : path.split(".")) {
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

function guessFromDoc(doc: JsonText, given: Partial<JsonParams>): JsonParams {
  const jsonLines = given.json_lines ?? looksLikeJsonLines(doc);
  let root = given.json_root;
  if (root === undefined) root = jsonLines ? "" : (findRecordsPath(parseDocument(doc).value) ?? "");
  return { json_root: root, json_lines: jsonLines, encoding: doc.encoding };
}

export async function guessJsonParams(file: SourceFile, given: Partial<JsonParams> = {}): Promise<JsonParams> {
  return guessFromDoc(await readJsonText(file, given.encoding), given);
}

function linesRecords(doc: JsonText, root: string, limit: number): unknown[] {
  const values = parseLines(doc, limit);
  if (root === "") return values;
  // With json_root, each line holds a document whose array (or object) at that path gives the records.
  return values.flatMap((value) => {
    const node = resolvePath(value, root);
    if (node === undefined) throw extractionError("extractors.json_root_not_found", { path: root });
    return Array.isArray(node) ? node : [node];
  }).slice(0, limit);
}

function documentRecords(doc: JsonText, root: string, limit: number): unknown[] {
  const parsed = parseDocument(doc);
  const node = resolvePath(parsed.value, root);
  if (!Array.isArray(node)) {
    if (root === "" && findRecordsPath(parsed.value) === null) throw extractionError("extractors.json_no_records");
    if (root === "") throw extractionError("extractors.json_root_needed", { path: findRecordsPath(parsed.value) ?? "" });
    // In a cut document the path may simply not have been reached yet.
    if (node === undefined && !parsed.complete) throw extractionError("extractors.json_root_beyond_head", { path: root, size: formatMiB(HEAD_BYTES) });
    throw extractionError("extractors.json_root_not_found", { path: root });
  }
  return completeElements(node, parsed, limit);
}

export async function previewJson(file: SourceFile, given: Partial<JsonParams>, limit: number): Promise<ResourcePreview> {
  const doc = await readJsonText(file, given.encoding);
  const params = guessFromDoc(doc, given);
  const records = params.json_lines ? linesRecords(doc, params.json_root, limit) : documentRecords(doc, params.json_root, limit);
  return objectPreview(records);
}
