// Upload and download file names. The name a client sends is only a label: it never becomes a path, and it is
// shown back only after losing directories, control characters and excessive length.

const MAX_FILENAME = 200;

export function sanitizeFilename(raw: string | null | undefined, fallback = "upload"): string {
  const base = (raw ?? "").normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .replace(/\s+/g, " ")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim()
    .replace(/^\.+/, "");
  if (!cleaned) return fallback;
  if (cleaned.length <= MAX_FILENAME) return cleaned;
  // Keep the extension: it tells people (and the extractor guess) what the file is.
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, MAX_FILENAME - ext.length) + ext;
}

const MIMETYPES: Record<string, string> = {
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  txt: "text/plain",
  json: "application/json",
  jsonl: "application/x-ndjson",
  ndjson: "application/x-ndjson",
  geojson: "application/geo+json",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xls: "application/vnd.ms-excel",
  zip: "application/zip",
};

/** The declared type, unless it says nothing (octet-stream), in which case the extension decides. */
export function mimetypeFor(filename: string, declared: string | null | undefined): string | null {
  const type = (declared ?? "").split(";")[0]!.trim().toLowerCase();
  if (type && type !== "application/octet-stream" && /^[\w.+-]+\/[\w.+-]+$/.test(type)) return type;
  const ext = filename.includes(".") ? filename.split(".").pop()!.toLowerCase() : "";
  return MIMETYPES[ext] ?? (type || null);
}

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename.normalize("NFD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_").trim() || "download";
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
