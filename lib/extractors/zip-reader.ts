// Zip archives read defensively: yauzl checks that entries really inflate to their declared size; on top of it,
// declared sizes and compression ratios are capped before anything is inflated, and inflated bytes are counted.
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { Readable } from "node:stream";
import { isAppError } from "@/lib/errors/app-error";
import { extractionError } from "@/lib/extractors/extraction-error";
import { COMPRESSION_RATIO_MIN_BYTES, MAX_COMPRESSION_RATIO, MAX_XLSX_ENTRY_BYTES, MAX_ZIP_ENTRIES, formatMiB } from "@/lib/extractors/limits";

export type ZipArchive = { file: ZipFile; entries: Map<string, Entry> };

export async function openZip(path: string): Promise<ZipArchive> {
  const file = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true }, (error, zip) =>
      error || !zip ? reject(extractionError("extractors.zip_invalid", { detail: error?.message ?? "unreadable" }, error)) : resolve(zip),
    ),
  );
  try {
    // yauzl lists exactly the number of entries the end record declares, so checking it bounds the listing.
    if (file.entryCount > MAX_ZIP_ENTRIES) throw extractionError("extractors.zip_too_many_entries", { max: MAX_ZIP_ENTRIES });
    const entries = await new Promise<Map<string, Entry>>((resolve, reject) => {
      const found = new Map<string, Entry>();
      file.on("entry", (entry: Entry) => {
        found.set(entry.fileName, entry);
        file.readEntry();
      });
      file.on("end", () => resolve(found));
      file.on("error", (error: Error) => reject(extractionError("extractors.zip_invalid", { detail: error.message }, error)));
      file.readEntry();
    });
    return { file, entries };
  } catch (error) {
    file.close();
    throw error;
  }
}

export const closeZip = (zip: ZipArchive): void => zip.file.close();

/**
 * Refuses an entry before inflating it: encrypted, compressed suspiciously well (a bomb), or, for a part read
 * whole, declaring more than the cap. Streamed parts may be large: only what is read of them counts.
 */
function checkEntry(entry: Entry, readWhole: boolean): void {
  const name = entry.fileName;
  if (entry.isEncrypted()) throw extractionError("extractors.zip_invalid", { detail: `${name} is encrypted` });
  if (readWhole && entry.uncompressedSize > MAX_XLSX_ENTRY_BYTES)
    throw extractionError("extractors.xlsx_entry_too_large", { entry: name, size: formatMiB(MAX_XLSX_ENTRY_BYTES) });
  if (entry.uncompressedSize >= COMPRESSION_RATIO_MIN_BYTES && entry.uncompressedSize > MAX_COMPRESSION_RATIO * Math.max(entry.compressedSize, 1))
    throw extractionError("extractors.xlsx_compression_ratio", { entry: name, ratio: MAX_COMPRESSION_RATIO });
}

function openStream(zip: ZipArchive, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.file.openReadStream(entry, (error, stream) =>
      error || !stream ? reject(unreadable(entry.fileName, error)) : resolve(stream),
    ),
  );
}

const unreadable = (name: string, error: unknown) =>
  isAppError(error) ? error : extractionError("extractors.zip_entry_unreadable", { entry: name, detail: error instanceof Error ? error.message : String(error) }, error);

/** The inflated bytes of an entry, chunk by chunk; the consumer may stop early (the stream is then destroyed). */
export async function* entryChunks(zip: ZipArchive, name: string, readWhole = false): AsyncGenerator<Buffer> {
  const entry = zip.entries.get(name);
  if (!entry) throw extractionError("extractors.xlsx_part_missing", { entry: name });
  checkEntry(entry, readWhole);
  const stream = await openStream(zip, entry);
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      // yauzl already stops an entry that inflates past its declared size; this also bounds honest huge ones.
      if (inflated > MAX_XLSX_ENTRY_BYTES) throw extractionError("extractors.xlsx_entry_too_large", { entry: name, size: formatMiB(MAX_XLSX_ENTRY_BYTES) });
      yield chunk;
    }
  } catch (error) {
    throw unreadable(name, error);
  } finally {
    stream.destroy();
  }
}
