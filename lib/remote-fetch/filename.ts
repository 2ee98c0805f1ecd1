// The name a remote file claims for itself. It is only ever shown or used as a label (files are stored under random
// names), but it still comes from an untrusted server, so it is reduced to a harmless basename.

const MAX_FILENAME_LENGTH = 200;
// C0/C1 controls, plus bidi overrides and zero-width marks that make a name display differently than it reads.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Basename only, no control characters, at most 200 characters (keeping the extension); null if nothing is left. */
export function sanitizeFilename(raw: string): string | null {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(UNSAFE_CHARACTERS, "").trim();
  if (!cleaned || /^\.+$/.test(cleaned)) return null;
  return truncate(cleaned);
}

function truncate(name: string): string {
  const chars = Array.from(name); // code points, so a surrogate pair is never split
  if (chars.length <= MAX_FILENAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length > 0 && extension.length <= 16) {
    return chars.slice(0, MAX_FILENAME_LENGTH - extension.length).join("") + extension.join("");
  }
  return chars.slice(0, MAX_FILENAME_LENGTH).join("");
}

/** filename* (RFC 5987, preferred) or filename from a Content-Disposition header. */
export function filenameFromContentDisposition(header: string | undefined): string | null {
  if (!header) return null;
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^']*)'[^']*'([^;]*)/i.exec(header);
  if (extended) {
    const decoded = decodeExtended(extended[1] ?? "", (extended[2] ?? "").trim());
    const name = decoded === null ? null : sanitizeFilename(decoded);
    if (name) return name;
  }
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/i.exec(header);
  if (!plain) return null;
  const value = plain[1] !== undefined ? plain[1].replace(/\\(.)/g, "$1") : (plain[2] ?? "").trim();
  return sanitizeFilename(value);
}

function decodeExtended(charset: string, value: string): string | null {
  try {
    if (charset.trim().toLowerCase() === "utf-8") return decodeURIComponent(value);
    // ISO-8859-1 is the only other charset RFC 5987 requires: each %XX is one code point.
    return value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  } catch {
    return null;
  }
}

/** The last non-empty path segment of a URL, percent-decoded. */
export function filenameFromUrl(url: URL): string | null {
  const segment = url.pathname.split("/").filter(Boolean).pop();
  if (!segment) return null;
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // keep the raw segment: a stray "%" is not worth failing a download over
  }
  return sanitizeFilename(decoded);
}

/** "text/csv; charset=utf-8" → "text/csv"; null when absent or malformed. */
export function mimetypeFromContentType(header: string | undefined): string | null {
  const type = header?.split(";", 1)[0]?.trim().toLowerCase();
  return type && /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/.test(type) ? type : null;
}
