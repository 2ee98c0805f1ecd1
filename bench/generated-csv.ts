// CSV bytes generated on the fly: a header and numbered rows, to any size, without holding it in memory.
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";

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

// A wide table for the publish and explore benchmarks: 20 mixed columns (ints, doubles, French decimals to
// normalise, text with commas and quotes, dates, datetimes, a category for facets, latitude/longitude), ~200 bytes
// a row, the same on every run. Written to a file because sqlite3's .import needs one to compare with.
export const CATEGORIES = ["transport", "energy", "housing", "health", "education", "culture", "sport", "environment", "economy", "tourism", "safety", "water"];
const CITIES = ["Paris", "Lyon", "Marseille", "Toulouse", "Nice", "Nantes", "Strasbourg", "Montpellier", "Bordeaux", "Lille", "Rennes", "Grenoble", "Dijon", "Angers", "Nîmes", "Brest"];
const STATUSES = ["open", "closed", "pending", "archived"];
const WIDE_HEADER =
  "id,category,name,city,postal_code,population,surface_km2,amount_fr,unit_price,quantity,ratio,created_on,updated_at,latitude,longitude,status,score,description,code,temperature\n";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function wideRow(i: number): string {
  const city = CITIES[(i * 7) % CITIES.length]!;
  const amount = ((i * 7919) % 1_000_000) / 100;
  return [
    i + 1,
    CATEGORIES[i % CATEGORIES.length],
    `Station ${city} ${i % 9973}`,
    city,
    pad(1000 + (i % 94_000), 5),
    (i * 7919) % 2_500_000,
    ((i % 50_000) / 100).toFixed(2),
    `"${amount.toFixed(2).replace(".", ",")}"`,
    ((i % 10_000) / 100 + 0.5).toFixed(2),
    i % 97,
    ((i % 1000) / 1000).toFixed(3),
    `20${pad(10 + (i % 15))}-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}`,
    `2024-${pad((i % 12) + 1)}-${pad((i % 28) + 1)}T${pad(i % 24)}:${pad(i % 60)}:${pad((i * 7) % 60)}Z`,
    (42 + (i % 70_000) / 10_000).toFixed(5),
    (-4 + (i % 120_000) / 10_000).toFixed(5),
    STATUSES[i % STATUSES.length],
    (i * 31) % 1000,
    `"Relevé ${i}, ${city}, ""lot ${i % 40}"""`,
    `AB-${i.toString(36).toUpperCase()}`,
    ((((i * 13) % 600) - 100) / 10).toFixed(1),
  ].join(",");
}

/** Rows of the wide table whose category is CATEGORIES[k] among the first `rows`. */
export const categoryRows = (rows: number, k: number) => Math.floor((rows - k + CATEGORIES.length - 1) / CATEGORIES.length);

/** Writes `rows` rows of the wide table (plus its header) to `path`; returns the file's size. */
export async function writeWideCsv(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (let i = 0; i < rows; ) {
    let text = i === 0 ? WIDE_HEADER : "";
    for (const end = Math.min(rows, i + 5000); i < end; i++) text += wideRow(i) + "\n";
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  }
  out.end();
  await finished(out);
  return bytes;
}
