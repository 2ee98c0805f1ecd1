// Extractors: from a local file to extractor guesses, guessed parameters and a preview of its first records.
// Server-side and pure (no database): the resources service calls it with files it has stored or downloaded.
// Text formats are only ever read up to HEAD_BYTES from their start; XLSX parts are streamed and capped.
import { guessCsvParams, previewCsv } from "@/lib/extractors/csv-extractor";
import { guessGeojsonParams, previewGeojson } from "@/lib/extractors/geojson-extractor";
import { guessJsonParams, previewJson } from "@/lib/extractors/json-extractor";
import { validateLimit, validateParams } from "@/lib/extractors/params";
import { guessXlsxParams, previewXlsx } from "@/lib/extractors/xlsx-extractor";
import type { ExtractorParams, ExtractorType, ResourcePreview, SourceFile } from "@/lib/extractors/types";

export { EXTRACTORS, listExtractors } from "@/lib/extractors/registry";
export { guessExtractors } from "@/lib/extractors/guess";
export { HEAD_BYTES, MAX_PREVIEW_RECORDS } from "@/lib/extractors/limits";
export type * from "@/lib/extractors/types";

type Implementation = {
  guess: (file: SourceFile, given: ExtractorParams) => Promise<object>;
  preview: (file: SourceFile, given: ExtractorParams, limit: number) => Promise<ResourcePreview>;
};

// Each implementation guesses whatever `given` leaves out, consistently with what it fixes (a given encoding
// decides how the separator is looked for), in a single read of the file.
const IMPLEMENTATIONS: Record<ExtractorType, Implementation> = {
  csvfile: { guess: guessCsvParams, preview: previewCsv },
  jsonfile: { guess: guessJsonParams, preview: previewJson },
  geojsonfile: { guess: guessGeojsonParams, preview: previewGeojson },
  xlsxfile: { guess: guessXlsxParams, preview: previewXlsx },
};

/**
 * The parameters a client gave, checked and normalized (for saving a resource): unknown names and bad values
 * throw `validation_error` keyed `params.<name>`; an unknown type, keyed `type`.
 */
export function validateExtractorParams(type: unknown, params: unknown): ExtractorParams {
  return validateParams(type, params).given;
}

/**
 * Every parameter of the extractor, filled from the file. Parameters given in `params` are kept and the others
 * guessed consistently with them (re-guessing after a change to one that `impacts_guessed_parameters`).
 */
export async function guessExtractorParams(file: SourceFile, type: ExtractorType, params: ExtractorParams = {}): Promise<ExtractorParams> {
  const valid = validateParams(type, params);
  return { ...(await IMPLEMENTATIONS[valid.type].guess(file, valid.given)) };
}

/**
 * The first records (20 unless `limit` says otherwise, at most MAX_PREVIEW_RECORDS) as they would be extracted.
 * Parameters not given are guessed; unknown ones and bad values are refused with `validation_error`.
 */
export async function previewResource(
  file: SourceFile,
  type: ExtractorType,
  params: ExtractorParams = {},
  options: { limit?: number } = {},
): Promise<ResourcePreview> {
  const valid = validateParams(type, params);
  const limit = validateLimit(options.limit);
  return IMPLEMENTATIONS[valid.type].preview(file, valid.given, limit);
}
