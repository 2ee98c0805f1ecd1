// The relayed APIs as a script sees them through a proxy console: the upstream's answers, with every link into
// the relayed APIs pointing back at the proxy (documents excepted), and nothing relayed outside the two APIs.
import { request as httpRequest } from "node:http";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody } from "../../support/api-client";
import { createTestUser, uniqueName } from "../../support/fixtures";

const backend = inject("backend");
const { upstreamUrl } = backend.proxy!;

/** A request with its path sent exactly as written (fetch would resolve the dot segments first). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(backend.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: "GET", headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the relayed API through a proxy console", () => {
  const admin = apiClient(backend.baseUrl, backend.adminKey);
  const explore = apiClient(backend.baseUrl, backend.adminKey, "/api/explore/v2.1");
  const prefix = uniqueName("relayed");

  beforeAll(async () => {
    for (const n of [1, 2, 3]) expect((await admin.post("/datasets/", datasetBody(`${prefix} ${n}`))).status).toBe(201);
  });

  it("answers what the upstream answers", async () => {
    const through = await admin.get(`/datasets/?search=${prefix}&limit=10&sort=title`);
    const direct = await apiClient(upstreamUrl, backend.adminKey).get(`/datasets/?search=${prefix}&limit=10&sort=title`);
    expect(through.status).toBe(200);
    expect(through.body).toEqual(direct.body);
    expect(through.body.results.map((d: { metadata: { default: { title: { value: string } } } }) => d.metadata.default.title.value)).toEqual([`${prefix} 1`, `${prefix} 2`, `${prefix} 3`]);
  });

  it("points next/previous links at the proxy, and following them works", async () => {
    const first = await admin.get(`/datasets/?search=${prefix}&limit=1&sort=title`);
    expect(first.body.next).toMatch(new RegExp(`^${backend.baseUrl}/api/automation/`));
    const second = await fetch(first.body.next, { headers: { Authorization: `Apikey ${backend.adminKey}` } });
    const page = (await second.json()) as { previous: string; results: { metadata: { default: { title: { value: string } } } }[] };
    expect(page.results[0]!.metadata.default.title.value).toBe(`${prefix} 2`);
    expect(page.previous).toMatch(new RegExp(`^${backend.baseUrl}/api/automation/`));
  });

  it("points Explore's links at the proxy", async () => {
    const formats = await explore.get("/catalog/exports/");
    expect(formats.status).toBe(200);
    expect(formats.body.links.length).toBeGreaterThan(0);
    for (const link of formats.body.links as { href: string }[]) expect(link.href.startsWith(`${backend.baseUrl}/api/explore/v2.1/catalog/exports/`)).toBe(true);
  });

  it("passes the caller's key given in the query, and refuses a key the upstream refuses", async () => {
    expect((await apiClient(backend.baseUrl).get(`/datasets/?limit=0&apikey=${backend.adminKey}`)).status).toBe(200);
    const refused = await apiClient(backend.baseUrl, "0".repeat(56)).get("/datasets/?limit=0");
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error_code: expect.any(String), message: expect.any(String) });
  });

  it("relays only the two APIs, whatever the raw path says", async () => {
    const user = await createTestUser({ prefix: "raw" });
    for (const path of ["/api/automation/../auth/session", "/api/automation/%2e%2e/%2e%2e/api/auth/session", "/api/explore/../../datasets"]) {
      const res = await rawGet(path, { Authorization: `Apikey ${user.apiKey}` });
      expect(res.body, path).not.toContain(upstreamUrl);
      expect([200, 301, 302, 307, 308, 404], path).toContain(res.status);
      if (res.status === 200) expect(res.body, path).not.toContain(user.username);
    }
  });

  it("streams an upload to the upstream and refuses one over the upstream's limit with its error", async () => {
    const dataset_uid = (await admin.post("/datasets/", datasetBody(uniqueName("Upload")))).body.uid as string;
    const form = new FormData();
    form.append("file", new Blob(["a;b\n1;2\n"], { type: "text/csv" }), "small.csv");
    const small = await fetch(`${backend.baseUrl}/api/automation/v1/datasets/${dataset_uid}/resources/files/`, { method: "POST", headers: { Authorization: `Apikey ${backend.adminKey}` }, body: form });
    expect(small.status).toBe(201);
    const file = (await small.json()) as { uid: string };
    expect((await apiClient(upstreamUrl, backend.adminKey).get(`/datasets/${dataset_uid}/resources/files/${file.uid}/`)).status).toBe(200);

    const big = new FormData();
    big.append("file", new Blob([new Uint8Array(9 * 1024 * 1024).fill(65)], { type: "text/csv" }), "big.csv");
    const refused = await fetch(`${backend.baseUrl}/api/automation/v1/datasets/${dataset_uid}/resources/files/`, { method: "POST", headers: { Authorization: `Apikey ${backend.adminKey}` }, body: big });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error_code: expect.any(String), message: expect.any(String) });
    // the connection that carried the refused upload is closed, not left hanging: the next call answers
    expect((await admin.get("/datasets/?limit=0")).status).toBe(200);
  });
});
