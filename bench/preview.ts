// `npm run bench -- preview [--size=…]…`: preview latency of uploaded CSV files of growing size (default 1 MiB,
// 64 MiB and 2 GiB). A preview reads only the head of the file, so its latency must not grow with the size.
import { cpus } from "node:os";
import { withBenchServer } from "./bench-server";
import { stats } from "./measure";
import { uploadGeneratedCsv } from "./multipart-upload";
import { parseSize } from "./size-arg";
import { table, writeJson } from "./report";

const SAMPLES = 50;

async function previewOnce(url: string, apiKey: string, file_uid: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { Authorization: `Apikey ${apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ type: "csvfile", datasource: { type: "uploaded_file", file: { uid: file_uid } } }),
  });
  const body = (await response.json()) as { records?: unknown[] };
  const ms = performance.now() - started;
  if (response.status !== 200 || body.records?.length !== 20) throw new Error(`preview answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return ms;
}

export async function benchPreview(args: string[]): Promise<void> {
  const sizes = args.length ? args.map((a) => parseSize(a, "--size")) : [1024 ** 2, 64 * 1024 ** 2, 2 * 1024 ** 3];
  await withBenchServer({ env: { MAX_UPLOAD_BYTES: String(4 * 1024 ** 3) } }, async ({ server, apiKey, createDataset }) => {
    const dataset = await createDataset("Preview benchmark");
    const url = `${server.url}/api/automation/v1/datasets/${dataset.uid}/resources/preview/`;
    const results = [];
    for (const bytes of sizes) {
      const label = bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GiB` : `${bytes / 1024 ** 2} MiB`;
      process.stdout.write(`  ${label}: uploading…`);
      const upload = await uploadGeneratedCsv(server.url, apiKey, dataset.uid, bytes);
      if (upload.status !== 201 || !upload.body.uid) throw new Error(`upload answered ${upload.status}: ${JSON.stringify(upload.body)}`);
      const first = await previewOnce(url, apiKey, upload.body.uid);
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) samples.push(await previewOnce(url, apiKey, upload.body.uid));
      const s = stats(samples);
      process.stdout.write(` first preview ${Math.round(first)} ms, p50 ${s.p50_ms} ms, p95 ${s.p95_ms} ms\n`);
      results.push({ label, bytes, first_ms: Math.round(first * 10) / 10, ...s });
    }
    const base = results[0]!;
    console.log(`\nPreview (POST …/resources/preview/, 20 records) — ${cpus().length} CPUs shared by client and server`);
    console.log(
      table(
        ["file", "first (ms)", "p50 (ms)", "p95 (ms)", "max (ms)", `p50 ÷ p50 at ${base.label}`],
        results.map((r) => [r.label, r.first_ms, r.p50_ms, r.p95_ms, r.max_ms, Math.round((r.p50_ms / base.p50_ms) * 100) / 100]),
      ),
    );
    console.log(`(${SAMPLES} sequential previews per file after the first)`);
    console.log(`\nWritten to ${writeJson("preview", { bench: "preview", at: new Date().toISOString(), samples: SAMPLES, results })}`);
  });
}
