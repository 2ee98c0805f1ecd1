// Shapes of the Automation API v1 extractor endpoints (`/extractors/`, `guess_extractors`, `guess_extractor_params`, `preview`).

export type ExtractorParameter = {
  type: "string" | "integer" | "boolean" | "choice";
  is_mandatory: boolean;
  name: string;
  label: string;
  default?: string;
  description?: string;
  hidden?: boolean;
  choices?: string[];
  impacts_guessed_parameters?: boolean;
};

/** The Automation API `Extractor` shape. */
export type Extractor = { type: ExtractorType; label: string; parameters: ExtractorParameter[] };

export type ExtractorType = "csvfile" | "jsonfile" | "geojsonfile" | "xlsxfile";

export type ExtractorParams = Record<string, unknown>;

export type FieldType = "text" | "int" | "double" | "boolean" | "date" | "datetime" | "geo_point_2d" | "geo_shape";

export type PreviewField = {
  name: string;
  label: string;
  type: FieldType;
  original_name: string;
  description: string | null;
  annotations: { name: string; args: string[] }[];
};

/** Records are keyed by field `name`. */
export type ResourcePreview = { fields: PreviewField[]; records: Record<string, unknown>[] };

/**
 * A local file to read. filename/mimetype come from the upload or the HTTP response and help guessing.
 * `truncated`: the file holds only the start of the resource (a partial download), so its end is a cut.
 */
export type SourceFile = { path: string; filename: string | null; mimetype: string | null; size: number; truncated?: boolean };

export type CsvParams = {
  separator: string;
  encoding: string;
  doublequote: boolean;
  quotechar: string;
  headers_first_row: boolean;
  first_row_no: number;
};

export type JsonParams = { json_root: string; json_lines: boolean; encoding: string };

export type GeojsonParams = { encoding: string };

export type XlsxParams = { sheet: string; headers_first_row: boolean; first_row_no: number };
