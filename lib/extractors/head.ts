// Reading only the start of a file: previews and guesses must cost the same for a 2 KB and a 2 GB upload.
import { open } from "node:fs/promises";
import { HEAD_BYTES } from "@/lib/extractors/limits";
import type { SourceFile } from "@/lib/extractors/types";

export type Head = {
  bytes: Buffer;
  /** True when the file goes on past `bytes`: the last line or value may be cut. */
  truncated: boolean;
  fileSize: number;
};

export async function readHead(file: Pick<SourceFile, "path" | "truncated">, maxBytes: number = HEAD_BYTES): Promise<Head> {
  const handle = await open(file.path, "r");
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.alloc(Math.min(size, maxBytes));
    let filled = 0;
    // A read may return fewer bytes than asked for; stop at end of file even if it shrank meanwhile.
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled), truncated: size > filled || file.truncated === true, fileSize: size };
  } finally {
    await handle.close();
  }
}

/** The last complete line of a truncated head: a byte cut could split a record or a multi-byte character. */
export function cutAtLastNewline(bytes: Buffer, encoding: string): Buffer {
  const enc = encoding.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (enc === "utf16le" || enc === "utf16be" || enc === "utf16" || enc === "ucs2") {
    const big = enc === "utf16be" || (enc === "utf16" && bytes[0] === 0xfe && bytes[1] === 0xff);
    for (let i = bytes.length - 2; i >= 0; i -= 1) {
      if (i % 2 !== 0) continue;
      const [hi, lo] = big ? [bytes[i], bytes[i + 1]] : [bytes[i + 1], bytes[i]];
      if (hi === 0 && lo === 0x0a) return bytes.subarray(0, i + 2);
    }
    return bytes.subarray(0, 0);
  }
  // In UTF-8 and the single-byte encodings, 0x0A and 0x0D are never part of a multi-byte character.
  // A lone CR ends lines only in old Mac files: cutting after the CR of a CRLF would leave a stray CR.
  const lf = bytes.lastIndexOf(0x0a);
  return bytes.subarray(0, (lf === -1 ? bytes.lastIndexOf(0x0d) : lf) + 1);
}
