// CSV bytes generated on the fly: a header and numbered rows, to any size, without holding it in memory.
import { Readable } from "node:stream";

const DISTINCT_CHUNKS = 16;
const HEADER = "id;commune;code_postal;population;surface_km2;date_maj\n";

function row(i: number): string {
  return `${i};Commune numéro ${i % 35_000};${String(10000 + (i % 89_999)).padStart(5, "0")};${(i * 7919) % 250_000};${((i % 5000) / 10).toFixed(1)};2024-0${(i % 9) + 1}-1${i % 10}\n`;
}

/** A stream of exactly `bytes` bytes of CSV (the last row is cut where the size ends). */
export function csvStream(bytes: number, chunkBytes = 1024 * 1024): Readable {
  let sent = 0;
  let i = 0;
  let first = true;
  let n = 0;
  const cycle: Buffer[] = [];
  return new Readable({
    read() {
      if (sent >= bytes) return void this.push(null);
      let chunk: Buffer;
      if (first || cycle.length < DISTINCT_CHUNKS) {
        let text = first ? HEADER : "";
        while (text.length < chunkBytes) text += row(i++);
        chunk = Buffer.from(text);
        if (!first) cycle.push(chunk);
        first = false;
      } else {
        // Past a few distinct chunks, repeat them: generating text would slow the client down more than the server.
        chunk = cycle[n++ % cycle.length]!;
      }
      if (sent + chunk.length > bytes) chunk = chunk.subarray(0, bytes - sent);
      sent += chunk.length;
      this.push(chunk);
    },
  });
}
