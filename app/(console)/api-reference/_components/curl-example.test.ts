import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AnyEndpoint } from "@/lib/http/endpoint";
import { curlExample } from "./curl-example";

const endpoint = (method: AnyEndpoint["method"], path: string, body?: z.ZodType): AnyEndpoint => ({
  method,
  path,
  body,
  operationId: path,
  summary: path,
  tags: [],
  access: { kind: "principal" },
  responses: {},
  handler: async () => ({ status: 200 }),
});

describe("curlExample", () => {
  it("lists when the surface has a list", () => {
    const surface = { base: "/api/automation/v1", authExample: '-H "Authorization: Apikey <your key>"', endpoints: [endpoint("GET", "/datasets/{uid}/"), endpoint("GET", "/datasets/")] };
    expect(curlExample(surface, "http://localhost:3000")).toBe('curl -H "Authorization: Apikey <your key>" http://localhost:3000/api/automation/v1/datasets/');
  });

  it("otherwise shows the first operation, with its method and JSON body", () => {
    const surface = { base: "/v0", authExample: '-H "Authorization: Bearer <your key>"', endpoints: [endpoint("PUT", "/datasets/{owner}/{id}", z.object({}))] };
    expect(curlExample(surface, "http://h")).toBe('curl -X PUT -H "Authorization: Bearer <your key>" -H "Content-Type: application/json" -d @request.json http://h/v0/datasets/{owner}/{id}');
  });
});
