// `npm run bench -- proxy [--count=400] [--size=2GiB]`: what proxy mode adds. An upstream instance on a fresh
// SQLite store, and a second instance with UPSTREAM_URL pointing at it; the same calls sent to each, one at a
// time, in alternating rounds (so that drift of the machine falls on both alike): the difference of their
// percentiles is the relay's cost. Then a large upload through the proxy, its RSS sampled every 100 ms.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../tests/support/server";
import { withBenchServer } from "./bench-server";
import { sequential, stats } from "./measure";
import { uploadGeneratedCsv } from "./multipart-upload";
import { sampleRss } from "./process-memory";
import { table, writeJson } from "./report";
import { parseCount, parseSize } from "./size-arg";

const ROUNDS = 5;
const DATASETS = 60;
const CSV = "name,value\n" + Array.from({ length: 200 }, (_, i) => `row ${i},${i}`).join("\n") + "\n";

type Call = { name: string; path: string };

async function json(url: string, key: string, init: RequestInit = {}) {
  const response = await fetch(url, { ...init, headers: { Authorization: `Apikey ${key}`, ...(init.headers ?? {}) } });
  const body = await response.json();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

export async function benchProxy(args: string[]): Promise<void> {
  const count = parseCount(args.find((a) => a.startsWith("--count=")) ?? "--count=400", "--count");
  const uploadBytes = parseSize(args.find((a) => a.startsWith("--size=")) ?? "--size=2GiB", "--size");
  await withBenchServer({ env: { MAX_UPLOAD_BYTES: String(4 * 1024 ** 3) } }, async ({ server: upstream, apiKey, createDataset }) => {
    const proxyDir = mkdtempSync(join(tmpdir(), "dpc-bench-proxy-"));
    const proxy = await startServer({ env: { DATA_DIR: proxyDir, UPSTREAM_URL: upstream.url, LOG_LEVEL: "warn" } });
    try {
      process.stdout.write(`  seeding ${DATASETS} datasets and a resource…`);
      for (let i = 0; i < DATASETS; i++) await createDataset(`Proxy benchmark ${i}`);
      const dataset = await createDataset("Proxy benchmark with a resource");
      const form = new FormData();
      form.append("file", new Blob([CSV], { type: "text/csv" }), "values.csv");
      const file = await json(`${upstream.url}/api/automation/v1/datasets/${dataset.uid}/resources/files/`, apiKey, { method: "POST", body: form });
      const resource = await json(`${upstream.url}/api/automation/v1/datasets/${dataset.uid}/resources/`, apiKey, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ type: "csvfile", title: "Values", datasource: { type: "uploaded_file", file: { uid: file.uid } } }),
      });
      process.stdout.write(" done\n");

      const calls: Call[] = [
        { name: "list (20 datasets)", path: "/api/automation/v1/datasets/?limit=20" },
        { name: "retrieve a dataset", path: `/api/automation/v1/datasets/${dataset.uid}/` },
        { name: "preview a resource", path: `/api/automation/v1/datasets/${dataset.uid}/resources/${resource.uid}/preview/` },
      ];
      const headers = { Authorization: `Apikey ${apiKey}` };
      const perRound = Math.max(1, Math.floor(count / ROUNDS));
      const rows: (string | number)[][] = [];
      const results = [];
      for (const call of calls) {
        const direct: number[] = [];
        const viaProxy: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          for (const [base, samples] of [[upstream.url, direct], [proxy.url, viaProxy]] as const) {
            await sequential(`${base}${call.path}`, { headers, count: perRound, warmup: round === 0 ? 20 : 3, samples });
          }
        }
        const d = stats(direct);
        const p = stats(viaProxy);
        const added = { p50_ms: Math.round((p.p50_ms - d.p50_ms) * 10) / 10, p95_ms: Math.round((p.p95_ms - d.p95_ms) * 10) / 10 };
        results.push({ call: call.name, path: call.path, direct: d, proxy: p, added });
        rows.push([call.name, d.p50_ms, p.p50_ms, added.p50_ms, d.p95_ms, p.p95_ms, added.p95_ms, Math.round((p.p95_ms / d.p95_ms) * 100) / 100]);
        process.stdout.write(`  ${call.name}: p95 ${d.p95_ms} ms direct, ${p.p95_ms} ms through the proxy\n`);
      }

      process.stdout.write(`  uploading ${(uploadBytes / 1024 ** 2).toLocaleString("en-US")} MiB through the proxy…`);
      const proxyRss = sampleRss(proxy.pid);
      const upstreamRss = sampleRss(upstream.pid);
      const upload = await uploadGeneratedCsv(proxy.url, apiKey, dataset.uid, uploadBytes);
      const proxyMemory = proxyRss.stop();
      const upstreamMemory = upstreamRss.stop();
      if (upload.status !== 201 || upload.body.size !== uploadBytes) throw new Error(`upload through the proxy answered ${upload.status}: ${JSON.stringify(upload.body)}`);
      const mibPerSecond = Math.round((uploadBytes / 1024 ** 2 / upload.seconds) * 10) / 10;
      process.stdout.write(` ${mibPerSecond} MiB/s\n`);

      console.log(`\nProxy mode — ${cpus().length} CPUs shared by the client, the proxy and the upstream (load ${loadavg()[0]!.toFixed(1)}), loopback, ${perRound * ROUNDS} calls each way in ${ROUNDS} alternating rounds`);
      console.log(table(["call", "p50 direct", "p50 proxy", "p50 added", "p95 direct", "p95 proxy", "p95 added", "p95 ratio"], rows));
      console.log(
        `\nUpload of ${(uploadBytes / 1024 ** 2).toLocaleString("en-US")} MiB through the proxy: ${Math.round(upload.seconds * 10) / 10} s (${mibPerSecond} MiB/s); ` +
          `proxy RSS ${proxyMemory.before_mib} → max ${proxyMemory.max_mib} MiB (+${Math.round((proxyMemory.max_mib - proxyMemory.before_mib) * 10) / 10}), ` +
          `upstream RSS ${upstreamMemory.before_mib} → max ${upstreamMemory.max_mib} MiB`,
      );
      const out = writeJson("proxy", {
        bench: "proxy",
        at: new Date().toISOString(),
        cpus: cpus().length,
        load: loadavg()[0],
        calls: results,
        upload: { bytes: uploadBytes, seconds: upload.seconds, mib_per_s: mibPerSecond, proxy_rss: proxyMemory, upstream_rss: upstreamMemory },
      });
      console.log(`\nWritten to ${out}`);
    } catch (error) {
      console.error(`Proxy output:\n${proxy.output().slice(-4000)}`);
      throw error;
    } finally {
      await proxy.stop();
      rmSync(proxyDir, { recursive: true, force: true });
    }
  });
}
