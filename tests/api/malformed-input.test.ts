// Input no schema can be trusted with, on every surface: a JSON body nested thousands deep (it overflowed the stack:
// 500), a lone UTF-16 surrogate in a text (the database's JSON encoding refused it: 500) and a path that is not
// valid percent-encoding (Next's router threw: a plain-text 500). Each is the client's mistake, answered 400 with a
// JSON error saying what is wrong — and nothing is written.
import { describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api-client";

const backend = inject("backend");
const DEEP = "[".repeat(20_000) + "]".repeat(20_000);
const LONE = '"\\ud800"';

describe.skipIf(!!backend.skipReason)(`malformed input (${backend.provider})`, () => {
  const admin = apiClient(backend.baseUrl, backend.adminKey);
  const send = (method: string, path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${backend.baseUrl}${path}`, {
      method,
      headers: { "Content-Type": "application/json", Authorization: `Apikey ${backend.adminKey}`, ...headers },
      body,
    });

  it("refuses a body nested deeper than 64 levels with 400 bad_request, on each surface", async () => {
    const surfaces: [string, string, Record<string, string>][] = [
      ["POST", "/api/automation/v1/datasets/", {}],
      ["POST", "/api/automation/v1/groups/", {}],
      ["POST", "/api/1/datasets/", { "X-API-KEY": backend.adminKey }],
      ["POST", "/api/management/v2/datasets/", {}],
      ["PUT", "/v0/datasets/admin/anything", { Authorization: `Bearer ${backend.adminKey}` }],
    ];
    for (const [method, path, headers] of surfaces) {
      const res = await send(method, path, DEEP, headers);
      const body = await res.json();
      expect(res.status, `${path}: ${JSON.stringify(body)}`).toBe(400);
      expect(body.error_code, path).toBe("bad_request");
      expect(body.message, path).toContain("nested more than 64 levels");
    }
    // 64 levels are fine for the body parser: the schema then says what it expected
    const shallow = await send("POST", "/api/automation/v1/datasets/", "[".repeat(60) + "]".repeat(60));
    expect(shallow.status).toBe(400);
    expect((await shallow.json()).error_code).toBe("validation_error");
  });

  it("refuses a lone surrogate as a validation_error naming the field, and writes nothing", async () => {
    const before = (await admin.get("/datasets/?limit=0")).body.total_count;
    const dataset = await send("POST", "/api/automation/v1/datasets/", `{"metadata":{"default":{"title":{"value":${LONE}}}}}`);
    expect(dataset.status).toBe(400);
    expect(await dataset.json()).toMatchObject({ error_code: "validation_error", detail: { "metadata.default.title.value": [expect.stringContaining("surrogate")] } });
    expect((await admin.get("/datasets/?limit=0")).body.total_count).toBe(before);

    const group = await send("POST", "/api/automation/v1/groups/", `{"title":${LONE}}`);
    expect(group.status).toBe(400);
    expect(await group.json()).toMatchObject({ error_code: "validation_error", detail: { title: [expect.stringContaining("surrogate")] } });

    const key = await send("POST", "/api/automation/v1/apikeys/", `{"label":"CI ${"\\udc00"}","permissions":[]}`);
    expect(key.status).toBe(400);
    expect(await key.json()).toMatchObject({ error_code: "validation_error", detail: { label: [expect.stringContaining("surrogate")] } });

    const udata = await send("POST", "/api/1/datasets/", `{"title":${LONE},"description":"x"}`, { "X-API-KEY": backend.adminKey });
    expect(udata.status).toBe(400);
    expect((await udata.json()).error_code).toBe("validation_error");

    // a well-formed pair (an emoji) is text like any other
    const emoji = await admin.post("/groups/", { title: `Charts 📊 ${Date.now()}` });
    expect(emoji.status, emoji.text).toBe(201);
  });

  it("answers a path that is not valid percent-encoding with 400: JSON on the APIs, a page on the console", async () => {
    for (const path of [
      "/api/automation/v1/datasets/%ff%fe/",
      "/api/explore/v2.1/catalog/datasets/%ff%fe/records/",
      "/api/1/datasets/%ff%fe/",
      "/api/management/v2/datasets/%ff%fe",
      "/v0/datasets/a/%ff",
      "/api/automation/v1/datasets/100%/",
    ]) {
      const res = await fetch(`${backend.baseUrl}${path}`, { headers: { Authorization: `Apikey ${backend.adminKey}` } });
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type"), path).toContain("application/json");
      expect(await res.json(), path).toMatchObject({ error_code: "bad_request", message: expect.stringContaining("percent-encoding") });
    }
    const page = await fetch(`${backend.baseUrl}/datasets/%ff%fe`);
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    // valid percent-encoding still reaches the routes
    expect((await fetch(`${backend.baseUrl}/api/automation/v1/datasets/%64a_zzzzzz/`, { headers: { Authorization: `Apikey ${backend.adminKey}` } })).status).toBe(404);
  });
});
