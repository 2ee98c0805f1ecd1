import { describe, expect, it } from "vitest";
import { defineEndpoint, type AnyEndpoint } from "@/lib/http/endpoint";
import { compileRoutes, matchRoute } from "@/lib/http/router";

const endpoint = (method: "GET" | "POST" | "PUT" | "DELETE", path: string): AnyEndpoint =>
  defineEndpoint({ method, path, operationId: `${method} ${path}`, summary: "", tags: [], access: { kind: "public" }, responses: {}, handler: async () => ({ status: 200 }) });

const routes = compileRoutes([
  endpoint("GET", "/datasets/"),
  endpoint("POST", "/datasets/"),
  endpoint("GET", "/datasets/{dataset_uid}/"),
  endpoint("PUT", "/datasets/{dataset_uid}/"),
  endpoint("GET", "/datasets/{dataset_uid}/status/"),
  endpoint("GET", "/extractors/"),
]);

describe("matchRoute", () => {
  it("matches with and without the trailing slash", () => {
    for (const path of ["/datasets/", "/datasets"]) {
      const m = matchRoute(routes, "GET", path);
      expect(m.kind === "found" && m.endpoint.path).toBe("/datasets/");
    }
  });

  it("extracts and decodes path parameters", () => {
    const m = matchRoute(routes, "GET", "/datasets/da_%61bc123/status/");
    expect(m).toMatchObject({ kind: "found", params: { dataset_uid: "da_abc123" } });
  });

  it("does not let a parameter span segments", () => {
    expect(matchRoute(routes, "GET", "/datasets/a/b/").kind).toBe("not_found");
  });

  it("answers method_not_allowed with the allowed methods", () => {
    expect(matchRoute(routes, "DELETE", "/datasets/")).toEqual({ kind: "method_not_allowed", allow: ["GET", "POST"] });
  });

  it("serves HEAD with the GET handler", () => {
    expect(matchRoute(routes, "HEAD", "/extractors/").kind).toBe("found");
  });

  it("is not found for unknown paths and malformed escapes", () => {
    expect(matchRoute(routes, "GET", "/nothing/").kind).toBe("not_found");
    expect(matchRoute(routes, "GET", "/datasets/%E0%A4%A/").kind).toBe("not_found");
  });
});

describe("NUL characters", () => {
  it("never match an identifier", () => {
    expect(matchRoute(routes, "GET", "/datasets/da%00x/").kind).toBe("not_found");
  });
});
