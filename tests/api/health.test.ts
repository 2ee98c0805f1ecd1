import { describe, expect, inject, it } from "vitest";

const backend = inject("backend");

describe.skipIf(!!backend.skipReason)(`health (${backend.provider})`, () => {
  it("answers 200 {status: ok} without credentials once the store is ready", async () => {
    const res = await fetch(`${backend.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("serves our OpenAPI document, generated from the same schemas", async () => {
    for (const base of ["/api/automation/v1", "/api/automation/v1.0"]) {
      const res = await fetch(`${backend.baseUrl}${base}/openapi.json`);
      expect(res.status).toBe(200);
      const doc = await res.json();
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/datasets/", "/datasets/{dataset_uid}/", "/datasets/{dataset_uid}/status/"]));
      expect(doc.paths["/datasets/"].post.requestBody.content["application/json"].schema).toBeDefined();
    }
  });
});
