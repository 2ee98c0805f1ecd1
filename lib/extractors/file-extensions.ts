// Which extractor a file name's extension points to: a hint when guessing (guess.ts), and the reader of a file
// named by its name only (the data.world surface's files). Dependency-free, importable anywhere.
import type { ExtractorType } from "@/lib/extractors/types";

const BY_EXTENSION: Record<string, ExtractorType> = {
  csv: "csvfile",
  tsv: "csvfile",
  txt: "csvfile",
  json: "jsonfile",
  jsonl: "jsonfile",
  ndjson: "jsonfile",
  geojson: "geojsonfile",
  xlsx: "xlsxfile",
  xlsm: "xlsxfile",
};

export const READABLE_EXTENSIONS = Object.keys(BY_EXTENSION);

export function extractorForFilename(filename: string | null | undefined): ExtractorType | null {
  const extension = filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return (extension && BY_EXTENSION[extension]) || null;
}
