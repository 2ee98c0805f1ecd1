// Against real local servers: the point is what actually goes over the wire, so nothing here is mocked.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { datasourceHeaders, fetchToFile } from "@/lib/remote-fetch";

type Handler = (req: IncomingMessage, res: ServerResponse, port: number) => void;

let server: http.Server;
let port: number;
let handler: Handler;
let requests: { url: string; host: string; headers: http.IncomingHttpHeaders }[];
let dir: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? "", host: req.headers.host ?? "", headers: req.headers });
    handler(req, res, port);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  requests = [];
  dir = await mkdtemp(join(tmpdir(), "remote-fetch-"));
});

afterEach(async () => {
  server.closeAllConnections(); // release any response a test left hanging
  await rm(dir, { recursive: true, force: true });
});

const local = (path: string, host = "127.0.0.1") => `http://${host}:${port}${path}`;
const allow127 = { allowedPrivateHosts: ["127.0.0.1"] };

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, status: error.status, message: error.message, fields: error.fieldErrors() };
  }
  throw new Error("expected the download to fail");
}

const csv = "id,name\n1,Alice\n2,Bob\n";
const serveCsv: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
  res.end(csv);
};

describe("address checks", () => {
  it("refuses 127.0.0.1 without an allow-list, before sending anything", async () => {
    handler = serveCsv;
    const error = await failure(fetchToFile(local("/data.csv"), { dir, maxBytes: 1000 }));
    expect(error).toMatchObject({ code: "remote_fetch_error", status: 400 });
    expect(error.message).toBe(
      "The address 127.0.0.1 resolves to a private or loopback address (127.0.0.1); such addresses are refused. An administrator can allow the host with ALLOWED_PRIVATE_HOSTS.",
    );
    expect(requests).toHaveLength(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it("downloads from 127.0.0.1 once it is allowed", async () => {
    handler = serveCsv;
    const file = await fetchToFile(local("/files/data.csv?v=2"), { dir, maxBytes: 1000, ...allow127 });
    expect(file).toEqual({
      path: expect.stringMatching(new RegExp(`^${dir}/`)),
      filename: "data.csv",
      mimetype: "text/csv",
      size: csv.length,
      truncated: false,
      final_url: local("/files/data.csv?v=2"),
    });
    expect(await readFile(file.path, "utf8")).toBe(csv);
    expect(requests[0]?.headers["accept-encoding"]).toBe("identity");
    expect(requests[0]?.host).toBe(`127.0.0.1:${port}`);
  });

  it("refuses localhost (it resolves to loopback) unless it is listed", async () => {
    handler = serveCsv;
    const error = await failure(fetchToFile(local("/data.csv", "localhost"), { dir, maxBytes: 1000, ...allow127 }));
    expect(error.message).toMatch(/^The address localhost resolves to a private or loopback address \(/);
    expect(requests).toHaveLength(0);

    const file = await fetchToFile(local("/data.csv", "LocalHost"), { dir, maxBytes: 1000, allowedPrivateHosts: ["localhost"] });
    expect(file.size).toBe(csv.length);
    // The name, not the verified address, is what the server sees.
    expect(requests[0]?.host).toBe(`localhost:${port}`);
  });

  it("re-checks every redirect hop", async () => {
    handler = (req, res, p) => {
      if (req.url === "/start") res.writeHead(302, { location: `http://localhost:${p}/data.csv` }).end();
      else serveCsv(req, res, p);
    };
    const error = await failure(fetchToFile(local("/start"), { dir, maxBytes: 1000, ...allow127 }));
    expect(error.code).toBe("remote_fetch_error");
    expect(error.message).toMatch(/^The server redirected to localhost, which resolves to a private or loopback address/);
    expect(requests.map((r) => r.url)).toEqual(["/start"]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("follows up to 5 redirects, dropping credentials when the origin changes", async () => {
    handler = (req, res, p) => {
      const hop = Number(/^\/hop\/(\d+)$/.exec(req.url ?? "")?.[1] ?? -1);
      if (hop === 2) res.writeHead(307, { location: `http://localhost:${p}/hop/3` }).end();
      else if (hop >= 0 && hop < 5) res.writeHead(301, { location: `/hop/${hop + 1}` }).end();
      else serveCsv(req, res, p);
    };
    const headers = datasourceHeaders({
      connection: { url: local("/"), auth: { type: "basic_auth", username: "u", password: "p" } },
      headers: [{ name: "X-Api-Key", value: "secret" }, { name: "Accept", value: "text/csv" }],
    });
    const file = await fetchToFile(local("/hop/0"), { dir, maxBytes: 1000, headers, allowedPrivateHosts: ["127.0.0.1", "localhost"] });
    expect(file.final_url).toBe(local("/hop/5", "localhost"));
    expect(requests.map((r) => r.url)).toEqual(["/hop/0", "/hop/1", "/hop/2", "/hop/3", "/hop/4", "/hop/5"]);
    expect(requests[0]?.headers).toMatchObject({ authorization: "Basic dTpw", "x-api-key": "secret", accept: "text/csv" });
    for (const later of requests.slice(3)) {
      expect(later.headers.authorization).toBeUndefined();
      expect(later.headers["x-api-key"]).toBeUndefined();
      expect(later.headers.accept).toBe("text/csv");
    }
  });

  it("gives up after 5 redirects", async () => {
    handler = (req, res) => res.writeHead(302, { location: `${req.url}x` }).end();
    const error = await failure(fetchToFile(local("/loop"), { dir, maxBytes: 1000, ...allow127 }));
    expect(error.message).toBe("The server at 127.0.0.1 redirected more than 5 times.");
    expect(requests).toHaveLength(6);
  });

  it("refuses a redirect to another scheme", async () => {
    handler = (_req, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end();
    const error = await failure(fetchToFile(local("/x"), { dir, maxBytes: 1000, ...allow127 }));
    expect(error.message).toMatch(/redirected to an address that cannot be fetched/);
  });
});

describe("input checks", () => {
  it.each(["http://user:pw@127.0.0.1/x", "ftp://127.0.0.1/x", "file:///etc/passwd", "not a url"])("refuses %s as a validation error", async (url) => {
    const error = await failure(fetchToFile(url, { dir, maxBytes: 1000, ...allow127 }));
    expect(error.code).toBe("validation_error");
    expect(Object.keys(error.fields ?? {})).toEqual(["datasource.connection.url"]);
  });

  it("refuses CR/LF in a header value before connecting", async () => {
    handler = serveCsv;
    const error = await failure(fetchToFile(local("/x"), { dir, maxBytes: 1000, headers: { "X-A": "1\r\nX-B: 2" }, ...allow127 }));
    expect(error.code).toBe("validation_error");
    expect(requests).toHaveLength(0);
  });
});

describe("size limits", () => {
  const big = Buffer.alloc(50_000, "a");
  const serveBig = (contentLength: boolean): Handler => (_req, res) => {
    res.writeHead(200, contentLength ? { "content-length": big.length } : {});
    // Several writes, so the limit falls inside the stream rather than on the first chunk.
    for (let i = 0; i < big.length; i += 5_000) res.write(big.subarray(i, i + 5_000));
    res.end();
  };

  it("head mode stops at maxBytes and reports truncation", async () => {
    handler = serveBig(false);
    const file = await fetchToFile(local("/big.txt"), { dir, maxBytes: 12_345, head: true, ...allow127 });
    expect(file).toMatchObject({ size: 12_345, truncated: true, filename: "big.txt" });
    expect((await readFile(file.path)).length).toBe(12_345);
  });

  it("head mode does not report truncation for a body that fits exactly", async () => {
    handler = serveBig(true);
    const file = await fetchToFile(local("/big.txt"), { dir, maxBytes: big.length, head: true, ...allow127 });
    expect(file).toMatchObject({ size: big.length, truncated: false });
  });

  it.each([true, false])("full mode fails over maxBytes and leaves no file (content-length: %s)", async (contentLength) => {
    handler = serveBig(contentLength);
    const error = await failure(fetchToFile(local("/big.txt"), { dir, maxBytes: 12_345, ...allow127 }));
    expect(error).toMatchObject({ code: "remote_fetch_error", message: "The remote file is larger than the limit of 12.1 KiB." });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("failures", () => {
  it("times out waiting for headers and leaves no file", async () => {
    handler = () => {}; // never answers
    const started = Date.now();
    const error = await failure(fetchToFile(local("/slow"), { dir, maxBytes: 1000, timeoutMs: 300, ...allow127 }));
    expect(error).toMatchObject({ code: "remote_fetch_error", message: "The server at 127.0.0.1 did not answer within 0.3 seconds." });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await readdir(dir)).toEqual([]);
  });

  it("times out when the body stalls and deletes the partial file", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-length": 1000 });
      res.write("partial");
    };
    const error = await failure(fetchToFile(local("/stall"), { dir, maxBytes: 5000, timeoutMs: 300, ...allow127 }));
    expect(error.message).toMatch(/did not answer within 0.3 seconds/);
    expect(await readdir(dir)).toEqual([]);
  });

  it("enforces the total time limit", async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write("x"), 50); // never idle, never done
      res.on("close", () => clearInterval(timer));
    };
    const error = await failure(fetchToFile(local("/drip"), { dir, maxBytes: 5000, head: true, timeoutMs: 300, totalTimeoutMs: 500, ...allow127 }));
    expect(error.message).toBe("The download from 127.0.0.1 did not finish within 0.5 seconds.");
    expect(await readdir(dir)).toEqual([]);
  });

  it("stops when the caller aborts", async () => {
    handler = () => {};
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(fetchToFile(local("/x"), { dir, maxBytes: 1000, signal: controller.signal, ...allow127 }));
    expect(error.message).toBe("The download was cancelled.");
    expect(await readdir(dir)).toEqual([]);
  });

  it("names the status of a non-2xx answer", async () => {
    handler = (_req, res) => res.writeHead(404).end("nope");
    const error = await failure(fetchToFile(local("/missing.csv"), { dir, maxBytes: 1000, ...allow127 }));
    expect(error).toMatchObject({ code: "remote_fetch_error", message: "The server at 127.0.0.1 answered with HTTP status 404." });
    expect(await readdir(dir)).toEqual([]);
  });

  it("reports refused connections and unknown hosts", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await failure(fetchToFile(`http://127.0.0.1:${closedPort}/`, { dir, maxBytes: 1000, ...allow127 }));
    expect(refused.message).toBe("Could not download from 127.0.0.1 (ECONNREFUSED).");

    const unknown = await failure(fetchToFile("http://no-such-host.invalid/x", { dir, maxBytes: 1000, timeoutMs: 2000 }));
    expect(unknown.message).toMatch(/no-such-host\.invalid (could not be found|did not answer)/);
  });
});

describe("file names", () => {
  it("sanitises the Content-Disposition filename", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "content-disposition": 'attachment; filename="../../etc/passwd"', "content-type": "application/octet-stream" });
      res.end("root:x:0:0");
    };
    const file = await fetchToFile(local("/download?id=1"), { dir, maxBytes: 1000, ...allow127 });
    expect(file).toMatchObject({ filename: "passwd", mimetype: "application/octet-stream" });
    expect(file.path.startsWith(`${dir}/`)).toBe(true);
    expect(await readdir(dir)).toHaveLength(1);
  });
});
