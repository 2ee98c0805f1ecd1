// Resources, uploaded files, extractors and previews through real HTTP, on the real server and database.
// Remote datasources are served by a local HTTP server (127.0.0.1 is in the server's ALLOWED_PRIVATE_HOSTS).
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody } from "../support/api-client";
import { createTestUser, type TestUser } from "../support/fixtures";
import { officialSchemaErrors } from "../support/official-openapi";
import { deflateRawSync } from "node:zlib";
import { buildXlsx, buildZip, xlsxParts } from "@/lib/extractors/test-fixtures";
import { UPLOAD_LIMIT_FOR_TESTS } from "./setup/backend";

const backend = inject("backend");

const CSV = ["code;commune;population;formula", ...Array.from({ length: 30 }, (_, i) => `${75001 + i};Paris ${i + 1}e;${1000 + i};=SUM(A1:A2)`)].join("\n") + "\n";

async function upload(baseUrl: string, key: string, dataset_uid: string, content: string | Uint8Array, filename: string, type = "text/csv") {
  const form = new FormData();
  form.append("file", new Blob([content as BlobPart], { type }), filename);
  const response = await fetch(`${baseUrl}/api/automation/v1/datasets/${dataset_uid}/resources/files/`, {
    method: "POST",
    headers: { Authorization: `Apikey ${key}` },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function storedFiles(): string[] {
  return readdirSync(join(backend.env.DATA_DIR!, "files")).filter((n) => n !== ".incoming");
}
function incomingFiles(): string[] {
  return readdirSync(join(backend.env.DATA_DIR!, "files", ".incoming"));
}

describe.skipIf(!!backend.skipReason)(`resources API (${backend.provider})`, () => {
  const admin = apiClient(backend.baseUrl, backend.adminKey);
  const official = (method: string, path: string, status: number | "default", body: unknown) => expect(officialSchemaErrors(method, path, status, body)).toEqual([]);
  let dataset_uid: string;
  let remote: Server;
  let remoteUrl: string;

  beforeAll(async () => {
    const created = await admin.post("/datasets/", datasetBody("Resources under test"));
    dataset_uid = created.body.uid;
    remote = createServer((req, res) => {
      if (req.url === "/communes.csv") {
        res.writeHead(200, { "Content-Type": "text/csv; charset=utf-8" });
        res.end(CSV);
      } else if (req.url === "/to-localhost") {
        // 127.0.0.1 is allowed, "localhost" is not: the redirect target must be checked again
        res.writeHead(302, { Location: `http://localhost:${(remote.address() as { port: number }).port}/communes.csv` });
        res.end();
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => remote.listen(0, "127.0.0.1", resolve));
    remoteUrl = `http://127.0.0.1:${(remote.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => remote?.close(() => resolve())));

  it("lists the extractors with their parameters", async () => {
    const res = await admin.get("/extractors/");
    expect(res.status).toBe(200);
    official("GET", "/extractors/", 200, res.body);
    expect(res.body.map((e: { type: string }) => e.type).sort()).toEqual(["csvfile", "geojsonfile", "jsonfile", "xlsxfile"]);
    const csv = res.body.find((e: { type: string }) => e.type === "csvfile");
    expect(csv.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["separator", "encoding", "headers_first_row", "first_row_no"]));
  });

  describe("an uploaded CSV, from upload to delete", () => {
    let file: { uid: string; filename: string };
    let resource_uid: string;

    it("uploads a file (streamed, sanitised name) and downloads the same bytes", async () => {
      const before = storedFiles().length;
      const res = await upload(backend.baseUrl, backend.adminKey, dataset_uid, CSV, "../../etc/communes.csv");
      expect(res.status).toBe(201);
      official("POST", "/datasets/{dataset_uid}/resources/files/", 201, res.body);
      expect(res.body).toMatchObject({ filename: "communes.csv", mimetype: "text/csv", size: Buffer.byteLength(CSV) });
      expect(res.body.uid).toMatch(/^fi_[a-z0-9]{6}$/);
      file = res.body;
      expect(storedFiles()).toHaveLength(before + 1);
      expect(storedFiles().every((n) => /^[a-f0-9]{32}$/.test(n))).toBe(true);

      const meta = await admin.get(`/datasets/${dataset_uid}/resources/files/${file.uid}/`);
      expect(meta.status).toBe(200);
      official("GET", "/datasets/{dataset_uid}/resources/files/{file_uid}/", 200, meta.body);
      const download = await admin.get(`/datasets/${dataset_uid}/resources/files/${file.uid}/download/`);
      expect(download.status).toBe(200);
      expect(download.text).toBe(CSV);
      expect(download.headers.get("content-type")).toBe("text/csv");
      expect(download.headers.get("content-disposition")).toBe(`attachment; filename="communes.csv"; filename*=UTF-8''communes.csv`);
    });

    it("guesses the extractor and its parameters, and previews 20 records before saving", async () => {
      const datasource = { type: "uploaded_file", file: { uid: file.uid } };
      const guessed = await admin.post(`/datasets/${dataset_uid}/resources/guess_extractors/`, { datasource });
      expect(guessed.status).toBe(200);
      official("POST", "/datasets/{dataset_uid}/resources/guess_extractors/", 200, guessed.body);
      expect(guessed.body[0].type).toBe("csvfile");

      const params = await admin.post(`/datasets/${dataset_uid}/resources/guess_extractor_params/`, { datasource, type: "csvfile" });
      expect(params.status).toBe(200);
      official("POST", "/datasets/{dataset_uid}/resources/guess_extractor_params/", 200, params.body);
      expect(params.body).toMatchObject({ extractor: "csvfile", params: { separator: ";", headers_first_row: true } });
      // given parameters are kept, the others guessed around them
      const kept = await admin.post(`/datasets/${dataset_uid}/resources/guess_extractor_params/`, { datasource, type: "csvfile", params: { headers_first_row: false } });
      expect(kept.body.params).toMatchObject({ separator: ";", headers_first_row: false });

      const preview = await admin.post(`/datasets/${dataset_uid}/resources/preview/`, { datasource, type: "csvfile" });
      expect(preview.status).toBe(200);
      official("POST", "/datasets/{dataset_uid}/resources/preview/", 200, preview.body);
      expect(preview.body.fields.map((f: { name: string }) => f.name)).toEqual(["code", "commune", "population", "formula"]);
      expect(preview.body.fields.find((f: { name: string }) => f.name === "population").type).toBe("int");
      expect(preview.body.records).toHaveLength(20);
      // formula-like cells are data, kept as they are
      expect(preview.body.records[0]).toMatchObject({ code: "75001", commune: "Paris 1e", formula: "=SUM(A1:A2)" });
    });

    it("creates, lists, retrieves and previews the saved resource", async () => {
      const created = await admin.post(`/datasets/${dataset_uid}/resources/`, {
        type: "csvfile",
        title: "Communes",
        params: { separator: ";" },
        datasource: { type: "uploaded_file", file: { uid: file.uid } },
      });
      expect(created.status).toBe(201);
      official("POST", "/datasets/{dataset_uid}/resources/", 201, created.body);
      expect(created.body).toMatchObject({
        type: "csvfile",
        title: "Communes",
        display_name: "communes.csv",
        extraction_infos: { type: "csvfile" },
        origin: { type: "uploaded_file" },
        datasource: { type: "uploaded_file", file: { uid: file.uid, filename: "communes.csv" } },
      });
      // the parameters left out were guessed and saved
      expect(created.body.params).toMatchObject({ separator: ";", headers_first_row: true, encoding: "utf-8" });
      resource_uid = created.body.uid;
      expect(resource_uid).toMatch(/^re_[a-z0-9]{6}$/);

      const list = await admin.get(`/datasets/${dataset_uid}/resources/?expand=datasource.dataset`);
      expect((await admin.get(`/datasets/${dataset_uid}/resources/?expand=nonsense`)).status).toBe(400);
      expect(list.status).toBe(200);
      official("GET", "/datasets/{dataset_uid}/resources/", 200, list.body);
      expect(list.body.results.map((r: { uid: string }) => r.uid)).toContain(resource_uid);

      const one = await admin.get(`/datasets/${dataset_uid}/resources/${resource_uid}/?expand=datasource.connection`);
      expect(one.status).toBe(200);
      official("GET", "/datasets/{dataset_uid}/resources/{resource_uid}/", 200, one.body);

      const preview = await admin.get(`/datasets/${dataset_uid}/resources/${resource_uid}/preview/`);
      expect(preview.status).toBe(200);
      official("GET", "/datasets/{dataset_uid}/resources/{resource_uid}/preview/", 200, preview.body);
      expect(preview.body.records).toHaveLength(20);

      const extractors = await admin.get(`/datasets/${dataset_uid}/resources/${resource_uid}/guess_extractors/`);
      expect(extractors.status).toBe(200);
      expect(extractors.body[0].type).toBe("csvfile");
      const params = await admin.get(`/datasets/${dataset_uid}/resources/${resource_uid}/guess_extractors_params/`);
      expect(params.status).toBe(200);
      expect(params.body).toMatchObject({ extractor: "csvfile", params: { separator: ";" } });
    });

    it("updates the resource: new title and parameters change the preview", async () => {
      const res = await admin.put(`/datasets/${dataset_uid}/resources/${resource_uid}/`, {
        type: "csvfile",
        title: "Communes (raw)",
        params: { separator: ";", headers_first_row: false },
        datasource: { type: "uploaded_file", file: { uid: file.uid } },
      });
      expect(res.status).toBe(200);
      official("PUT", "/datasets/{dataset_uid}/resources/{resource_uid}/", 200, res.body);
      expect(res.body.title).toBe("Communes (raw)");
      const preview = await admin.get(`/datasets/${dataset_uid}/resources/${resource_uid}/preview/`);
      expect(preview.body.fields[0].name).toBe("column_1");
      expect(preview.body.records[0]).toMatchObject({ column_1: "code" });
    });

    it("cleans the cache (204)", async () => {
      const res = await admin.post(`/datasets/${dataset_uid}/resources/${resource_uid}/clean_cache/`);
      expect(res.status).toBe(204);
    });

    it("keeps a file another resource uses, and deletes it with its last resource", async () => {
      const second = await admin.post(`/datasets/${dataset_uid}/resources/`, {
        type: "csvfile",
        title: "Same file",
        datasource: { type: "uploaded_file", file: { uid: file.uid } },
      });
      expect(second.status).toBe(201);
      const before = storedFiles().length;
      expect((await admin.delete(`/datasets/${dataset_uid}/resources/${resource_uid}/`)).status).toBe(204);
      expect((await admin.get(`/datasets/${dataset_uid}/resources/${resource_uid}/`)).status).toBe(404);
      expect((await admin.get(`/datasets/${dataset_uid}/resources/files/${file.uid}/`)).status).toBe(200);
      expect(storedFiles()).toHaveLength(before);

      expect((await admin.delete(`/datasets/${dataset_uid}/resources/${second.body.uid}/`)).status).toBe(204);
      expect((await admin.get(`/datasets/${dataset_uid}/resources/files/${file.uid}/`)).status).toBe(404);
      expect(storedFiles()).toHaveLength(before - 1);
    });
  });

  describe("remote URLs", () => {
    it("previews a CSV served over HTTP", async () => {
      const datasource = { type: "http", connection: { url: remoteUrl }, relative_url: "communes.csv" };
      const res = await admin.post(`/datasets/${dataset_uid}/resources/preview/`, { datasource, type: "csvfile" });
      expect(res.status).toBe(200);
      expect(res.body.records).toHaveLength(20);
      const created = await admin.post(`/datasets/${dataset_uid}/resources/`, {
        type: "csvfile",
        title: "Remote communes",
        datasource: { type: "http", connection: { url: remoteUrl, auth: { type: "basic_auth", username: "u", password: "secret" } }, relative_url: "communes.csv" },
      });
      expect(created.status).toBe(201);
      official("POST", "/datasets/{dataset_uid}/resources/", 201, created.body);
      expect(created.body.display_name).toBe(`${remoteUrl}/communes.csv`);
      expect(created.body.origin).toEqual({ label: "HTTP", type: "http" });
      // the password is write-only
      expect(JSON.stringify(created.body)).not.toContain("secret");
      expect(created.body.datasource.connection.auth).toEqual({ type: "basic_auth", username: "u" });
    });

    it("refuses a redirect to an address that is not allowed", async () => {
      const datasource = { type: "http", connection: { url: `${remoteUrl}/to-localhost` } };
      const res = await admin.post(`/datasets/${dataset_uid}/resources/preview/`, { datasource, type: "csvfile" });
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe("remote_fetch_error");
      expect(res.body.message).toMatch(/localhost|127\.0\.0\.1|::1/);
    });

    it("refuses private and metadata addresses", async () => {
      for (const url of ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/data.csv", "http://[::1]:3000/x.csv"]) {
        const res = await admin.post(`/datasets/${dataset_uid}/resources/guess_extractors/`, { datasource: { type: "http", connection: { url } } });
        expect(res.status, url).toBe(400);
        expect(res.body.error_code, url).toBe("remote_fetch_error");
      }
    });
  });

  describe("bad input", () => {
    it("answers 413 over the upload limit and keeps nothing", async () => {
      const before = storedFiles().length;
      const res = await upload(backend.baseUrl, backend.adminKey, dataset_uid, new Uint8Array(UPLOAD_LIMIT_FOR_TESTS + 1024), "big.csv");
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ error_code: "payload_too_large", message: expect.stringMatching(/8 MiB/) });
      expect(storedFiles()).toHaveLength(before);
      expect(incomingFiles()).toEqual([]);
    });

    it("keeps nothing from an upload interrupted halfway", async () => {
      const before = storedFiles().length;
      const { hostname, port } = new URL(backend.baseUrl);
      const boundary = "----dpc-interrupted";
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.csv"\r\nContent-Type: text/csv\r\n\r\n`;
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname, () => {
          socket.write(
            `POST /api/automation/v1/datasets/${dataset_uid}/resources/files/ HTTP/1.1\r\nHost: ${hostname}:${port}\r\n` +
              `Authorization: Apikey ${backend.adminKey}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 1000000\r\n\r\n${head}`,
          );
          socket.write("a;b;c\n".repeat(10_000), () => setTimeout(() => socket.destroy(), 200));
        });
        socket.on("close", () => resolve());
        socket.on("error", reject);
      });
      await expect.poll(() => incomingFiles(), { timeout: 5000 }).toEqual([]);
      expect(storedFiles()).toHaveLength(before);
    });

    it("refuses a body that is not multipart, or has no file part", async () => {
      const json = await admin.post(`/datasets/${dataset_uid}/resources/files/`, { file: "x" });
      expect(json.status).toBe(415);
      expect(json.body.error_code).toBe("unsupported_media_type");
      const form = new FormData();
      form.append("other", "value");
      const res = await fetch(`${backend.baseUrl}/api/automation/v1/datasets/${dataset_uid}/resources/files/`, {
        method: "POST",
        headers: { Authorization: `Apikey ${backend.adminKey}` },
        body: form,
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error_code: "bad_request", message: expect.stringMatching(/file/) });
    });

    it("validates resources field by field", async () => {
      const unknownType = await admin.post(`/datasets/${dataset_uid}/resources/`, { type: "pdf", title: "x", datasource: { type: "uploaded_file", file: { uid: "fi_aaaaaa" } } });
      expect(unknownType.status).toBe(400);
      expect(unknownType.body.error_code).toBe("validation_error");
      expect(Object.keys(unknownType.body.detail)).toContain("type");

      const ftp = await admin.post(`/datasets/${dataset_uid}/resources/`, { type: "csvfile", title: "x", datasource: { type: "ftp" } });
      expect(ftp.status).toBe(400);
      expect(ftp.body.detail["datasource.type"][0]).toMatch(/uploaded_file, http/);

      const missing = await admin.post(`/datasets/${dataset_uid}/resources/`, { type: "csvfile", title: "x", datasource: { type: "uploaded_file", file: { uid: "fi_zzzzzz" } } });
      expect(missing.status).toBe(400);
      expect(missing.body.detail["datasource.file.uid"]).toBeDefined();

      const file = await upload(backend.baseUrl, backend.adminKey, dataset_uid, CSV, "p.csv");
      const badParams = await admin.post(`/datasets/${dataset_uid}/resources/`, {
        type: "csvfile",
        title: "x",
        params: { separator: "abc", first_row_no: 0 },
        datasource: { type: "uploaded_file", file: { uid: file.body.uid } },
      });
      expect(badParams.status).toBe(400);
      expect(Object.keys(badParams.body.detail)).toEqual(expect.arrayContaining(["params.separator", "params.first_row_no"]));
    });

    it("explains files the extractors cannot read", async () => {
      const cases: [string, string | Uint8Array, string][] = [
        ["empty.csv", "", "csvfile"],
        ["deep.json", "[".repeat(10_000) + "]".repeat(10_000), "jsonfile"],
        ["broken.json", '[{"a": 1}, {"a": ', "jsonfile"],
      ];
      for (const [name, content, type] of cases) {
        const file = await upload(backend.baseUrl, backend.adminKey, dataset_uid, content, name, "application/octet-stream");
        expect(file.status, name).toBe(201);
        const res = await admin.post(`/datasets/${dataset_uid}/resources/preview/`, { datasource: { type: "uploaded_file", file: { uid: file.body.uid } }, type });
        expect(res.status, name).toBe(400);
        expect(res.body.error_code, name).toBe("extraction_error");
        expect(res.body.message.length, name).toBeGreaterThan(10);
      }
    });

    it("refuses hostile workbooks: a zip bomb, entity tricks, a zip that is no workbook", async () => {
      const zeros = Buffer.alloc(20 * 1024 * 1024);
      const parts = xlsxParts([{ name: "S", rows: [["a"], ["b"]] }]);
      const withPart = (name: string, entry: object) => buildZip(Object.entries(parts).map(([n, data]) => ({ name: n, data, ...(n === name ? entry : {}) })));
      const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>';
      const cases: [string, Buffer][] = [
        ["bomb.xlsx", withPart("xl/worksheets/sheet1.xml", { data: zeros, compressed: deflateRawSync(zeros) })],
        ["xxe.xlsx", withPart("xl/worksheets/sheet1.xml", { data: xxe })],
        ["not-a-workbook.xlsx", buildZip([{ name: "hello.txt", data: "hello" }])],
      ];
      for (const [name, content] of cases) {
        const file = await upload(backend.baseUrl, backend.adminKey, dataset_uid, content, name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        expect(file.status, name).toBe(201);
        const res = await admin.post(`/datasets/${dataset_uid}/resources/preview/`, { datasource: { type: "uploaded_file", file: { uid: file.body.uid } }, type: "xlsxfile" });
        expect(res.status, name).toBe(400);
        expect(res.body.error_code, name).toBe("extraction_error");
        expect(res.text, name).not.toMatch(/root:/);
      }
    });

    it("previews a workbook: sheets, cached formula values, dates", async () => {
      const xlsx = buildXlsx([
        { name: "Notes", rows: [["ignore me"]] },
        { name: "Stations", rows: [["station", "value", "total"], ["Nord", 12.5, { formula: "B2*2", cached: 25 }], ["Sud", 3, { formula: "B3*2", cached: 6 }]] },
      ]);
      const file = await upload(backend.baseUrl, backend.adminKey, dataset_uid, xlsx, "stations.xlsx", "application/octet-stream");
      expect(file.body.mimetype).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      const datasource = { type: "uploaded_file", file: { uid: file.body.uid } };
      expect((await admin.post(`/datasets/${dataset_uid}/resources/guess_extractors/`, { datasource })).body[0].type).toBe("xlsxfile");
      const res = await admin.post(`/datasets/${dataset_uid}/resources/preview/`, { datasource, type: "xlsxfile", params: { sheet: "Stations" } });
      expect(res.status).toBe(200);
      expect(res.body.fields.map((f: { name: string }) => f.name)).toEqual(["station", "value", "total"]);
      expect(res.body.records).toEqual([
        { station: "Nord", value: "12.5", total: "25" },
        { station: "Sud", value: "3", total: "6" },
      ]);
      const missing = await admin.post(`/datasets/${dataset_uid}/resources/preview/`, { datasource, type: "xlsxfile", params: { sheet: "Nope" } });
      expect(missing.status).toBe(400);
      expect(missing.body.detail["params.sheet"][0]).toMatch(/Stations/);
    });

    it("explains a first line longer than the preview reads, and bytes that are not the given encoding", async () => {
      const oneLine = await upload(backend.baseUrl, backend.adminKey, dataset_uid, "a".repeat(3 * 1024 * 1024), "one-line.csv");
      const long = await admin.post(`/datasets/${dataset_uid}/resources/preview/`, { datasource: { type: "uploaded_file", file: { uid: oneLine.body.uid } }, type: "csvfile" });
      expect(long.status).toBe(400);
      expect(long.body).toMatchObject({ error_code: "extraction_error", message: expect.stringMatching(/first line is longer/) });

      const latin1 = await upload(backend.baseUrl, backend.adminKey, dataset_uid, Buffer.from("nom;ville\nÉlodie;Besançon\n", "latin1"), "l1.csv");
      const wrong = await admin.post(`/datasets/${dataset_uid}/resources/preview/`, {
        datasource: { type: "uploaded_file", file: { uid: latin1.body.uid } },
        type: "csvfile",
        params: { encoding: "utf-8" },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error_code).toBe("extraction_error");
    });

    it("keeps ragged rows: short rows padded, extra cells in extra columns", async () => {
      const file = await upload(backend.baseUrl, backend.adminKey, dataset_uid, "a,b,c\n1,2,3\n4,5\n6,7,8,9\n", "ragged.csv");
      const res = await admin.post(`/datasets/${dataset_uid}/resources/preview/`, { datasource: { type: "uploaded_file", file: { uid: file.body.uid } }, type: "csvfile" });
      expect(res.status).toBe(200);
      expect(res.body.records[1]).toMatchObject({ a: "4", b: "5", c: null });
      expect(Object.values(res.body.records[2])).toContain("9");
    });

    it("decodes a latin-1 CSV", async () => {
      const latin1 = Buffer.from("région;valeur\nÎle-de-France;1\nProvence-Alpes-Côte d'Azur;2\n", "latin1");
      const file = await upload(backend.baseUrl, backend.adminKey, dataset_uid, latin1, "latin1.csv");
      const res = await admin.post(`/datasets/${dataset_uid}/resources/preview/`, { datasource: { type: "uploaded_file", file: { uid: file.body.uid } }, type: "csvfile" });
      expect(res.status).toBe(200);
      expect(res.body.records[0].region).toBe("Île-de-France");
    });
  });

  describe("who may do what", () => {
    let reviewer: TestUser;
    let stranger: TestUser;
    let resource_uid: string;
    let file_uid: string;

    beforeAll(async () => {
      reviewer = await createTestUser({ prefix: "reviewer", permissions: ["explore_restricted_dataset"] });
      stranger = await createTestUser({ prefix: "stranger", permissions: ["create_dataset"] });
      const file = await upload(backend.baseUrl, backend.adminKey, dataset_uid, CSV, "shared.csv");
      file_uid = file.body.uid;
      const created = await admin.post(`/datasets/${dataset_uid}/resources/`, { type: "csvfile", title: "Reviewed", datasource: { type: "uploaded_file", file: { uid: file_uid } } });
      resource_uid = created.body.uid;
    });

    it("lets a reviewer list, retrieve, preview and download", async () => {
      const client = apiClient(backend.baseUrl, reviewer.apiKey);
      expect((await client.get(`/datasets/${dataset_uid}/resources/`)).status).toBe(200);
      expect((await client.get(`/datasets/${dataset_uid}/resources/${resource_uid}/`)).status).toBe(200);
      const preview = await client.get(`/datasets/${dataset_uid}/resources/${resource_uid}/preview/`);
      expect(preview.status).toBe(200);
      expect(preview.body.records).toHaveLength(20);
      expect((await client.get(`/datasets/${dataset_uid}/resources/files/${file_uid}/download/`)).status).toBe(200);
    });

    it("refuses a reviewer every change, upload and unsaved preview (403)", async () => {
      const client = apiClient(backend.baseUrl, reviewer.apiKey);
      const datasource = { type: "uploaded_file", file: { uid: file_uid } };
      const attempts = [
        await client.post(`/datasets/${dataset_uid}/resources/`, { type: "csvfile", title: "x", datasource }),
        await client.put(`/datasets/${dataset_uid}/resources/${resource_uid}/`, { type: "csvfile", title: "x", datasource }),
        await client.delete(`/datasets/${dataset_uid}/resources/${resource_uid}/`),
        await client.post(`/datasets/${dataset_uid}/resources/preview/`, { datasource, type: "csvfile" }),
        await client.post(`/datasets/${dataset_uid}/resources/guess_extractors/`, { datasource }),
        await client.post(`/datasets/${dataset_uid}/resources/${resource_uid}/clean_cache/`),
        await upload(backend.baseUrl, reviewer.apiKey, dataset_uid, CSV, "nope.csv"),
      ];
      for (const res of attempts) expect(res.status).toBe(403);
      expect((await admin.get(`/datasets/${dataset_uid}/resources/${resource_uid}/`)).body.title).toBe("Reviewed");
    });

    it("hides another user's dataset entirely (404)", async () => {
      const client = apiClient(backend.baseUrl, stranger.apiKey);
      expect((await client.get(`/datasets/${dataset_uid}/resources/`)).status).toBe(404);
      expect((await client.get(`/datasets/${dataset_uid}/resources/${resource_uid}/preview/`)).status).toBe(404);
      expect((await client.get(`/datasets/${dataset_uid}/resources/files/${file_uid}/download/`)).status).toBe(404);
      expect((await upload(backend.baseUrl, stranger.apiKey, dataset_uid, CSV, "nope.csv")).status).toBe(404);
    });

    it("refuses anonymous requests (401)", async () => {
      const anonymous = apiClient(backend.baseUrl);
      expect((await anonymous.get(`/datasets/${dataset_uid}/resources/`)).status).toBe(401);
      expect((await anonymous.get("/extractors/")).status).toBe(401);
    });
  });

  it("deletes the files' bytes with their dataset", async () => {
    const own = await admin.post("/datasets/", datasetBody("Dataset with a file"));
    const before = storedFiles().length;
    const file = await upload(backend.baseUrl, backend.adminKey, own.body.uid, CSV, "gone.csv");
    await admin.post(`/datasets/${own.body.uid}/resources/`, { type: "csvfile", title: "x", datasource: { type: "uploaded_file", file: { uid: file.body.uid } } });
    expect(storedFiles()).toHaveLength(before + 1);
    expect((await admin.delete(`/datasets/${own.body.uid}/`)).status).toBe(204);
    expect(storedFiles()).toHaveLength(before);
  });
});
