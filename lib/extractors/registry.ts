// The extractors this server offers, with their parameter schemas (Automation API `Extractor` objects).
import type { Extractor, ExtractorParameter, ExtractorType } from "@/lib/extractors/types";

const encoding: ExtractorParameter = {
  type: "string",
  is_mandatory: false,
  name: "encoding",
  label: "Encoding",
  default: "utf-8",
  description: "Character encoding of the file, such as utf-8, iso-8859-1, windows-1252 or utf-16le. Guessed from the file when not set.",
  impacts_guessed_parameters: true,
};

const headersFirstRow: ExtractorParameter = {
  type: "boolean",
  is_mandatory: false,
  name: "headers_first_row",
  label: "First row contains headers",
  default: "true",
  description: "The first row of the table names the fields. When false, fields are named column_1, column_2…",
};

const firstRowNo: ExtractorParameter = {
  type: "integer",
  is_mandatory: false,
  name: "first_row_no",
  label: "First row",
  default: "1",
  description: "Number (from 1) of the row where the table starts, headers included; rows above it are skipped.",
  impacts_guessed_parameters: true,
};

export const EXTRACTORS: Extractor[] = [
  {
    type: "csvfile",
    label: "CSV",
    parameters: [
      {
        type: "string",
        is_mandatory: false,
        name: "separator",
        label: "Separator",
        default: ",",
        description: "Character between values: a comma, a semicolon, a pipe or a tab (\\t).",
        impacts_guessed_parameters: true,
      },
      encoding,
      {
        type: "boolean",
        is_mandatory: false,
        name: "doublequote",
        label: "Double quote",
        default: "true",
        description: "A quote character inside a quoted value is written twice (\"\").",
      },
      {
        type: "string",
        is_mandatory: false,
        name: "quotechar",
        label: "Quote character",
        default: '"',
        description: "Character around values that contain the separator or line breaks; empty for none.",
        impacts_guessed_parameters: true,
      },
      headersFirstRow,
      firstRowNo,
    ],
  },
  {
    type: "jsonfile",
    label: "JSON",
    parameters: [
      {
        type: "string",
        is_mandatory: false,
        name: "json_root",
        label: "Path to the records",
        default: "",
        description: "Dot-separated path to the array of records, such as data.items. Empty when the document itself is the array (or for JSON Lines).",
        impacts_guessed_parameters: true,
      },
      {
        type: "boolean",
        is_mandatory: false,
        name: "json_lines",
        label: "JSON Lines",
        default: "false",
        description: "One JSON record per line (JSON Lines, NDJSON) instead of a single document.",
        impacts_guessed_parameters: true,
      },
      encoding,
    ],
  },
  { type: "geojsonfile", label: "GeoJSON", parameters: [encoding] },
  {
    type: "xlsxfile",
    label: "Excel (XLSX)",
    parameters: [
      {
        type: "string",
        is_mandatory: false,
        name: "sheet",
        label: "Sheet",
        description: "Name of the sheet to read. The first sheet when not set.",
        impacts_guessed_parameters: true,
      },
      headersFirstRow,
      firstRowNo,
    ],
  },
];

export const EXTRACTOR_TYPES = EXTRACTORS.map((extractor) => extractor.type);

export const isExtractorType = (value: unknown): value is ExtractorType => EXTRACTOR_TYPES.includes(value as ExtractorType);

export const extractorOf = (type: ExtractorType): Extractor => EXTRACTORS.find((extractor) => extractor.type === type)!;

/** A copy, so callers cannot alter the schemas served to everyone. */
export const listExtractors = (): Extractor[] => structuredClone(EXTRACTORS);
