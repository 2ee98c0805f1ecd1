// Text encodings: guessed from the byte order mark, then a strict UTF-8 check, then chardet's statistics.
import chardet from "chardet";
import iconv from "iconv-lite";
import { extractionError } from "@/lib/extractors/extraction-error";
import { cutAtLastNewline, type Head } from "@/lib/extractors/head";
import { SNIFF_BYTES } from "@/lib/extractors/limits";

export const isKnownEncoding = (name: string): boolean => iconv.encodingExists(name);

function bomEncoding(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * Offset of the first byte that breaks UTF-8, or -1. With `truncated`, a sequence cut by the end of the buffer
 * is not an error: the head stopped in the middle of a character.
 */
export function firstInvalidUtf8(bytes: Buffer, truncated: boolean): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return truncated && allContinuations(bytes, i + 1, bytes.length) ? -1 : i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are all invalid UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

function allContinuations(bytes: Buffer, from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) if ((bytes[k]! & 0xc0) !== 0x80) return false;
  return true;
}

/** The encoding of a head of bytes, as a name iconv-lite knows. Latin-1 text is reported as iso-8859-1 or windows-1252. */
export function detectEncoding(bytes: Buffer, truncated: boolean): string {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  if (firstInvalidUtf8(bytes, truncated) === -1) return "utf-8";
  // chardet's statistics settle within a few kilobytes; running them over a whole head only costs time.
  const [best] = chardet.analyse(bytes.subarray(0, SNIFF_BYTES));
  const name = best?.name.toLowerCase();
  if (name?.startsWith("utf-16") || name?.startsWith("utf-32")) return name;
  // chardet's guesses between single-byte encodings are shaky on short samples, while Western European text
  // (the common case for a non-UTF-8 upload here) is safe to read as Latin-1. Trust it only when it is sure.
  if (name && best && best.confidence >= 50 && !name.startsWith("iso-8859-1") && name !== "windows-1252" && iconv.encodingExists(name)) return name;
  // Bytes 0x80–0x9F are control characters in ISO-8859-1 but letters and punctuation (€, “, œ…) in windows-1252.
  return bytes.some((b) => b >= 0x80 && b <= 0x9f) ? "windows-1252" : "iso-8859-1";
}

const isUtf8 = (encoding: string) => /^utf-?8$/i.test(encoding);

export type DecodeOptions = {
  /** The encoding was given by the user, not guessed: report bytes that do not fit instead of replacing them. */
  explicit: boolean;
  /** Drop the last, possibly cut line of a truncated head (CSV); JSON keeps everything and handles the cut itself. */
  wholeLines: boolean;
};

/** The head as text (byte order mark removed). Throws when the file is empty or not in the declared encoding. */
export function decodeHead(head: Head, encoding: string, options: DecodeOptions): string {
  if (head.fileSize === 0) throw extractionError("extractors.empty_file");
  const bytes = head.truncated && options.wholeLines ? cutAtLastNewline(head.bytes, encoding) : head.bytes;
  if (isUtf8(encoding)) {
    const invalid = firstInvalidUtf8(bytes, head.truncated && !options.wholeLines);
    if (invalid !== -1 && options.explicit) {
      const line = countNewlines(bytes, invalid) + 1;
      const guess = detectEncoding(head.bytes, head.truncated);
      // A UTF-8 byte order mark on a file that is not UTF-8: the statistics below it still say what it is.
      const detected = isUtf8(guess) ? detectEncoding(head.bytes.subarray(3), head.truncated) : guess;
      throw extractionError("extractors.invalid_encoding", { encoding: "UTF-8", offset: invalid, line, detected });
    }
  }
  const text = iconv.decode(bytes, encoding);
  if (!head.truncated && text.replace(/^\uFEFF/, "").trim() === "") throw extractionError("extractors.empty_file");
  return text.replace(/^\uFEFF/, "");
}

function countNewlines(bytes: Buffer, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i += 1) if (bytes[i] === 0x0a) n += 1;
  return n;
}
