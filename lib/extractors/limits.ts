// Every bound the extractors put on hostile or huge input, in one place so they can be reviewed together.
// Each one has a unit test that fails if the check is removed.

const MiB = 1024 * 1024;

/** Bytes read from the start of a CSV, JSON or GeoJSON file to guess parameters and build a preview. Nothing past it is read. */
export const HEAD_BYTES = 1 * MiB;

/** Bytes looked at to tell formats apart (guess_extractors). */
export const SNIFF_BYTES = 64 * 1024;

/** Lines sampled when guessing a CSV separator, the first data row and headers. */
export const SAMPLE_LINES = 50;

/** Beyond this many columns a file is refused: a wrong separator or a hostile file, never a useful preview. */
export const MAX_COLUMNS = 1000;

/** Containers nested deeper than this are refused; the JSON scanner is iterative, this bounds the work per value. */
export const MAX_JSON_DEPTH = 64;

/** Most bytes inflated from one XLSX part, whether it is read whole (workbook, styles) or streamed (sheet, shared strings). */
export const MAX_XLSX_ENTRY_BYTES = 64 * MiB;

/** An XLSX part compressed more than this is taken for a zip bomb… */
export const MAX_COMPRESSION_RATIO = 100;
/** …once it declares at least this many uncompressed bytes (small parts legitimately compress very well). */
export const COMPRESSION_RATIO_MIN_BYTES = 4 * MiB;

/** Entries listed in a zip's central directory: a real workbook has a few dozen, each costs memory to list. */
export const MAX_ZIP_ENTRIES = 10_000;

/** Rows read from a sheet when guessing parameters (preview reads header + limit rows). */
export const SAMPLE_ROWS = 50;

/** Records a preview may ask for. */
export const MAX_PREVIEW_RECORDS = 1000;

export const formatMiB = (bytes: number): string => String(Math.round((bytes / MiB) * 10) / 10);
