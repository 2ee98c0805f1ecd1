// udata's resource `format` (a lower-cased file extension) and the extractor that reads it here. A format no
// extractor reads cannot become a resource of this portal: the API says so and names the formats it can hold.
import type { ExtractorType } from "@/lib/extractors/types";

const EXTRACTOR_BY_FORMAT: Record<string, ExtractorType> = {
  csv: "csvfile",
  tsv: "csvfile",
  txt: "csvfile",
  json: "jsonfile",
  geojson: "geojsonfile",
  xlsx: "xlsxfile",
};

const FORMAT_BY_EXTRACTOR: Record<ExtractorType, string> = { csvfile: "csv", jsonfile: "json", geojsonfile: "geojson", xlsxfile: "xlsx" };

export const SUPPORTED_FORMATS = Object.keys(EXTRACTOR_BY_FORMAT);

/** udata trims and lower-cases the format. */
export function normaliseFormat(format: string): string {
  return format.trim().toLowerCase().replace(/^\./, "");
}

export function extractorForFormat(format: string): ExtractorType | null {
  return EXTRACTOR_BY_FORMAT[normaliseFormat(format)] ?? null;
}

/** The format of a file or URL from its name: "data.CSV" → "csv", "https://x/y.geojson?z" → "geojson". */
export function formatFromName(name: string): string {
  const path = name.split(/[?#]/)[0] ?? "";
  const dot = path.lastIndexOf(".");
  return dot >= 0 && dot > path.lastIndexOf("/") ? normaliseFormat(path.slice(dot + 1)) : "";
}

export function formatOfExtractor(type: string): string {
  return FORMAT_BY_EXTRACTOR[type as ExtractorType] ?? type;
}
