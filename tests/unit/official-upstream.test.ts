// The official-only upstream of api-proxy-official (tests/support/official-upstream.ts) is only as good as its
// reading of the official document: which requests are official operations, and what their answers may hold.
import { describe, expect, it } from "vitest";
import { matchOperation, responseSchema, stripUndeclared } from "../support/official-api";
import { officialTarget } from "../support/official-upstream";

const idOf = (method: string, path: string) => matchOperation(method, path)?.id ?? null;

function strip(method: string, path: string, status: number, body: unknown) {
  const operation = matchOperation(method, path)!;
  return stripUndeclared(body, [responseSchema(operation, status)!]);
}

describe("official operations", () => {
  it("matches path templates, with or without the trailing slash", () => {
    expect(idOf("GET", "/datasets/")).toBe("list-datasets");
    expect(idOf("POST", "/datasets/")).toBe("create-dataset");
    expect(idOf("GET", "/datasets/da_1/")).toBe("retrieve-dataset");
    expect(idOf("GET", "/datasets/da_1")).toBe("retrieve-dataset");
    expect(idOf("GET", "/datasets/da_1/status/")).toBe("get-dataset-status");
    expect(idOf("HEAD", "/datasets/da_1/status/")).toBe("get-dataset-status");
    expect(idOf("GET", "/datasets/da_1/resources/re_1/preview/")).toBe("resource-preview");
    expect(idOf("PUT", "/datasets/da_1/metadata/default/title/")).toBe("update-template-field-dataset-metadata");
  });

  it("prefers the template with more literal segments", () => {
    expect(idOf("GET", "/users/export/")).toBe("users-export");
    expect(idOf("GET", "/users/louise/")).toBe("get-user");
    expect(idOf("POST", "/datasets/da_1/resources/files/")).toBe("upload-resource-file");
    expect(idOf("POST", "/apikeys/search_key/")).toBe("search-apikey");
  });

  it("knows none of our extensions, nor a method the path does not have", () => {
    expect(idOf("GET", "/me/")).toBeNull();
    expect(idOf("GET", "/openapi.json")).toBeNull();
    expect(idOf("GET", "/datasets/da_1/status/live/")).toBeNull();
    expect(idOf("GET", "/datasets/da_1/publish_jobs/")).toBeNull();
    expect(idOf("POST", "/datasets/da_1/processing/preview/")).toBeNull();
    expect(idOf("POST", "/datasets/da_1/processors/reorder/")).toBeNull();
    expect(idOf("PATCH", "/datasets/da_1/")).toBeNull();
    expect(idOf("GET", "/datasets//")).toBeNull();
  });

  it("keeps the declared query parameters and the key, drops the others", () => {
    const list = matchOperation("GET", "/datasets/")!;
    expect(officialTarget(list, "/d/", "?limit=5&search=x&sort=-title&right=view&dataset_id=a&apikey=k")).toBe("/d/?limit=5&dataset_id=a&apikey=k");
    expect(officialTarget(list, "/d/", "?search=x")).toBe("/d/");
    expect(officialTarget(list, "/d/", "?limit=5&offset=0")).toBe("/d/?limit=5&offset=0");
    const users = matchOperation("GET", "/users/")!;
    expect(officialTarget(users, "/u/", "?search=lou&group=g1&sort=username")).toBe("/u/?search=lou&sort=username");
  });
});

describe("answers stripped to the official schemas", () => {
  it("removes what the schema does not declare, at any depth, through $ref and allOf", () => {
    const page = {
      total_count: 1,
      next: null,
      previous: null,
      extra_page_field: 1,
      results: [{ uid: "da_1", dataset_id: "a", status: "idle", rights: { edit: true }, metadata: { default: { title: { value: "T", ours: 1 } } } }],
    };
    expect(strip("GET", "/datasets/", 200, page)).toEqual({
      total_count: 1,
      next: null,
      previous: null,
      results: [{ uid: "da_1", dataset_id: "a", metadata: { default: { title: { value: "T" } } } }],
    });
  });

  it("keeps free-form objects and what additionalProperties allows", () => {
    const resource = { uid: "re_1", type: "csvfile", title: "t", params: { separator: ";", anything: { deep: true } }, ours: 1 };
    expect(strip("GET", "/datasets/da_1/resources/re_1/", 200, resource)).toEqual({ uid: "re_1", type: "csvfile", title: "t", params: { separator: ";", anything: { deep: true } } });
    // processors carry their parameters as top-level properties (additionalProperties: {})
    const processor = { uid: "pr_1", type: "string_replace", label: "l", field: "f", old: "a", new: "b" };
    expect(strip("GET", "/datasets/da_1/processors/pr_1/", 200, processor)).toEqual(processor);
    // custom metadata templates are additional properties of the metadata, read through their own schema
    const metadata = { default: { title: { value: "T" } }, my_template: { my_field: { value: 1, ours: 2 } } };
    expect(strip("GET", "/datasets/da_1/metadata/", 200, metadata)).toEqual({ default: { title: { value: "T" } }, my_template: { my_field: { value: 1 } } });
  });

  it("follows the discriminator to the schema of the object's own type", () => {
    const annotate = { uid: "pr_1", type: "annotate", label: "l", field: "f", annotation: "unit", args: ["km"], ours: true };
    expect(strip("GET", "/datasets/da_1/fields/pr_1/", 200, annotate)).toEqual({ uid: "pr_1", type: "annotate", label: "l", field: "f", annotation: "unit", args: ["km"] });
    const datasource = { type: "uploaded_file", file: { uid: "fi_1" }, ours: 1 };
    expect(strip("GET", "/datasets/da_1/resources/re_1/", 200, { type: "csvfile", title: "t", datasource })).toEqual({ type: "csvfile", title: "t", datasource: { type: "uploaded_file", file: { uid: "fi_1" } } });
  });

  it("reads errors through the default response", () => {
    expect(strip("GET", "/datasets/da_1/", 403, { error_code: "not_found", message: "Not found.", ours: 1 })).toEqual({ error_code: "not_found", message: "Not found." });
  });

  it("leaves scalars and arrays of scalars alone", () => {
    expect(stripUndeclared("x", [{ type: "object", properties: {} }])).toBe("x");
    expect(stripUndeclared([1, 2], [{ type: "array", items: { type: "integer" } }])).toEqual([1, 2]);
    expect(stripUndeclared({ a: 1 }, [{ type: "object", properties: { b: {} }, additionalProperties: false }])).toEqual({});
  });
});
