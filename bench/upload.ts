// `npm run bench -- upload [--size=2GiB]`: upload throughput and the server's memory during a large upload.
// The file is generated while it is sent (the client holds no copy); the server's RSS (its whole process tree)
// is sampled every 100 ms: streaming means it stays flat whatever the size.
import { cpus } from "node:os";
import { withBenchServer } from "./bench-server";
import { uploadGeneratedCsv } from "./multipart-upload";
import { sampleRss } from "./process-memory";
import { parseSize } from "./size-arg";
import { table, writeJson } from "./report";

export async function benchUpload(args: string[]): Promise<void> {
  const sizes = args.length ? args.map((a) => parseSize(a, "--size")) : [64 * 1024 ** 2, 2 * 1024 ** 3];
  await withBenchServer({ env: { MAX_UPLOAD_BYTES: String(4 * 1024 ** 3) } }, async ({ server, store, apiKey, createDataset }) => {
    const dataset = await createDataset("Upload benchmark");
    const rows: (string | number)[][] = [];
    const results = [];
    for (const bytes of sizes) {
      process.stdout.write(`  uploading ${(bytes / 1024 ** 2).toLocaleString("en-US")} MiB…`);
      const rss = sampleRss(server.pid);
      const upload = await uploadGeneratedCsv(server.url, apiKey, dataset.uid, bytes);
      const memory = rss.stop();
      if (upload.status !== 201 || upload.body.size !== bytes) throw new Error(`upload answered ${upload.status}: ${JSON.stringify(upload.body)}`);
      const mib_s = Math.round((bytes / 1024 ** 2 / upload.seconds) * 10) / 10;
      process.stdout.write(` ${mib_s} MiB/s, RSS ${memory.before_mib} → max ${memory.max_mib} MiB\n`);
      results.push({ bytes, seconds: upload.seconds, mib_per_s: mib_s, rss: memory });
      rows.push([`${(bytes / 1024 ** 2).toLocaleString("en-US")} MiB`, Math.round(upload.seconds * 10) / 10, mib_s, memory.before_mib, memory.max_mib, Math.round((memory.max_mib - memory.before_mib) * 10) / 10]);
    }
    console.log(`\nUpload — ${cpus().length} CPUs shared by client and server, SQLite store, file written to ${store.where}`);
    console.log(table(["file", "seconds", "MiB/s", "RSS before (MiB)", "RSS max (MiB)", "RSS growth (MiB)"], rows));
    console.log(`\nWritten to ${writeJson("upload", { bench: "upload", at: new Date().toISOString(), results })}`);
  });
}
