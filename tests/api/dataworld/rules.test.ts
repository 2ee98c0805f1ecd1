// PUT /v0/datasets/{owner}/{id}: every rule of data.world's replace (API-CONTRACT.md §6.2), through real HTTP.
// A violation answers 422 naming the field, and changes nothing; the boundary values pass.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { DATAWORLD_FILE_LABELS, DATAWORLD_LICENSES } from "@/lib/dataworld/schema";
import type { TestUser } from "../../support/fixtures";
import { createOwnedDataset, createOwner, dataworldClient, expectRefused, snapshot, validBody, type Snapshot } from "./dataworld-client";

const backend = inject("backend");

const file = (extra: Record<string, unknown> = {}) => ({ name: "players.csv", source: { url: "http://127.0.0.1:9/players.csv" }, ...extra });

describe.skipIf(!!backend.skipReason)(`data.world replace: field rules (${backend.provider})`, () => {
  const dw = dataworldClient(backend.baseUrl);
  let owner: TestUser;
  let dataset: { uid: string; dataset_id: string };
  let before: Snapshot;

  beforeAll(async () => {
    owner = await createOwner();
    dataset = await createOwnedDataset(backend.baseUrl, owner, { metadata: { keyword: { value: ["kept"] } } });
    before = await snapshot(backend.baseUrl, backend.adminKey, dataset.uid);
  });

  it.each<[string, unknown, string]>([
    ["an empty title", validBody({ title: "" }), "title"],
    ["a title of 61 characters", validBody({ title: "t".repeat(61) }), "title"],
    ["a title that is not a string", validBody({ title: 12 }), "title"],
    ["a description of 121 characters", validBody({ description: "d".repeat(121) }), "description"],
    ["a summary of 25,001 characters", validBody({ summary: "s".repeat(25_001) }), "summary"],
    ["tags that are not a list", validBody({ tags: "basketball" }), "tags"],
    ["a tag of 1 character", validBody({ tags: ["ok tag", "a"] }), "tags[1]"],
    ["a tag of 26 characters", validBody({ tags: ["t".repeat(26)] }), "tags[0]"],
    ["a tag with punctuation", validBody({ tags: ["data-world"] }), "tags[0]"],
    ["a tag with an underscore", validBody({ tags: ["data_world"] }), "tags[0]"],
    ["a license off the list", validBody({ license: "MIT" }), "license"],
    ["a license in the wrong case", validBody({ license: "cc-by" }), "license"],
    ["no visibility", {}, "visibility"],
    ["a visibility off the list", validBody({ visibility: "PUBLIC" }), "visibility"],
    ["a lower-case visibility", validBody({ visibility: "open" }), "visibility"],
    ["files that are not a list", validBody({ files: { name: "a.csv" } }), "files"],
    ["a file without a name", validBody({ files: [file({ name: undefined })] }), "files[0].name"],
    ["a file name without an extension", validBody({ files: [file({ name: "players" })] }), "files[0].name"],
    ["a file this portal cannot read", validBody({ files: [file(), file({ name: "notes.pdf" })] }), "files[1].name"],
    ["a file without a source", validBody({ files: [file({ source: undefined })] }), "files[0].source"],
    ["a source without a url", validBody({ files: [file({ source: {} })] }), "files[0].source.url"],
    ["a source url that is not a URL", validBody({ files: [file({ source: { url: "players.csv" } })] }), "files[0].source.url"],
    ["a source url that is not http", validBody({ files: [file({ source: { url: "ftp://example.com/players.csv" } })] }), "files[0].source.url"],
    ["a source url with credentials", validBody({ files: [file({ source: { url: "https://user:pw@example.com/a.csv" } })] }), "files[0].source.url"],
    ["a file description of 121 characters", validBody({ files: [file({ description: "d".repeat(121) })] }), "files[0].description"],
    ["a file label off the list", validBody({ files: [file({ labels: ["raw data", "data"] })] }), "files[0].labels[1]"],
    ["a body that is not an object", ["visibility"], "body"],
  ])("refuses %s with 422 naming %s, and changes nothing", async (_case, body, field) => {
    const res = await dw.replace(owner.username, dataset.dataset_id, body, owner.apiKey);
    expectRefused(res, 422, "validation_error");
    expect(res.body.message).toMatch(new RegExp(`(^|; )${field.replace(/[[\].]/g, "\\$&")}: `));
    expect(res.body.detail[field]).toEqual([expect.any(String)]);
    expect(await snapshot(backend.baseUrl, backend.adminKey, dataset.uid)).toEqual(before);
  });

  it("names every field at fault in one answer", async () => {
    const res = await dw.replace(owner.username, dataset.dataset_id, { title: "t".repeat(61), tags: ["x"], license: "MIT" }, owner.apiKey);
    expectRefused(res, 422, "validation_error");
    for (const field of ["title", "tags[0]", "license", "visibility"]) expect(res.body.message).toContain(`${field}: `);
  });

  it("takes the boundary values: a title of 60 characters, tags of 2 and 25 letters, digits and spaces", async () => {
    const title = "T".repeat(60);
    const tags = ["ab", "x".repeat(25), "Année 2017", "42"];
    const res = await dw.replace(owner.username, dataset.dataset_id, validBody({ title, tags, description: "d".repeat(120), summary: "s".repeat(25_000) }), owner.apiKey);
    expect(res.status).toBe(200);
    const after = (await snapshot(backend.baseUrl, backend.adminKey, dataset.uid)).dataset as { metadata: { default: Record<string, { value: unknown }> } };
    expect(after.metadata.default.title?.value).toBe(title);
    expect(after.metadata.default.keyword?.value).toEqual(tags);
    expect(after.metadata.default.description?.value).toBe("s".repeat(25_000));
  });

  it.each(DATAWORLD_LICENSES.map((license) => [license]))("takes the license %s", async (license) => {
    const res = await dw.replace(owner.username, dataset.dataset_id, validBody({ license }), owner.apiKey);
    expect(res.status).toBe(200);
    const after = (await snapshot(backend.baseUrl, backend.adminKey, dataset.uid)).dataset as { metadata: Record<string, Record<string, { value: unknown }>> };
    expect(after.metadata.default!.license?.value).toBe(license);
    expect(after.metadata.internal!.license_id?.value).toBe(license);
  });

  it.each(DATAWORLD_FILE_LABELS.map((label) => [label]))("takes the file label %s", async (label) => {
    const res = await dw.replace(owner.username, dataset.dataset_id, validBody({ files: [file({ labels: [label], description: "d".repeat(120) })] }), owner.apiKey);
    expect(res.status).toBe(200);
  });

  it("answers 400 to malformed JSON, and changes nothing", async () => {
    const current = await snapshot(backend.baseUrl, backend.adminKey, dataset.uid);
    const res = await dw.replace(owner.username, dataset.dataset_id, undefined, owner.apiKey, { raw: '{"visibility": "OPEN",' });
    expectRefused(res, 400, "bad_request");
    expect(await snapshot(backend.baseUrl, backend.adminKey, dataset.uid)).toEqual(current);
  });
});
