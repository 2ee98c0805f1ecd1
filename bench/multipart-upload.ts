// Uploads a CSV (generated on the fly, or a file) as multipart/form-data through plain node:http, streamed with a
// known Content-Length (as browsers send files), and times it.
import { createReadStream, statSync } from "node:fs";
import { request } from "node:http";
import { basename } from "node:path";
import { pipeline } from "node:stream/promises";
import { PassThrough, type Readable } from "node:stream";
import { csvStream } from "./generated-csv";

export type UploadResult = { status: number; body: { uid?: string; size?: number; error_code?: string }; seconds: number };

export function uploadGeneratedCsv(baseUrl: string, apiKey: string, dataset_uid: string, bytes: number, filename = "generated.csv"): Promise<UploadResult> {
  return uploadStream(baseUrl, apiKey, dataset_uid, csvStream(bytes), bytes, filename);
}

export function uploadCsvFile(baseUrl: string, apiKey: string, dataset_uid: string, path: string): Promise<UploadResult> {
  return uploadStream(baseUrl, apiKey, dataset_uid, createReadStream(path), statSync(path).size, basename(path));
}

async function uploadStream(baseUrl: string, apiKey: string, dataset_uid: string, source: Readable, bytes: number, filename: string): Promise<UploadResult> {
  const boundary = `----dpc-bench-${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(`/api/automation/v1/datasets/${dataset_uid}/resources/files/`, baseUrl);
  const started = performance.now();
  return new Promise<UploadResult>((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: {
          Authorization: `Apikey ${apiKey}`,
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": String(head.length + bytes + tail.length),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {}, seconds: (performance.now() - started) / 1000 }));
      },
    );
    req.on("error", reject);
    const body = new PassThrough();
    body.write(head);
    pipeline(source, body, { end: false })
      .then(() => body.end(tail))
      .catch(reject);
    body.pipe(req);
  });
}
