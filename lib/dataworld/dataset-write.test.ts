import { describe, expect, it } from "vitest";
import { datasetWriteFor, resourceWriteFor } from "@/lib/dataworld/dataset-write";
import { fieldLabel } from "@/lib/dataworld/error-response";
import { dataworldReplaceSchema } from "@/lib/dataworld/schema";
import type { DatasetMetadata } from "@/lib/datasets/schema";

const current: DatasetMetadata = {
  default: {
    title: { value: "Old title" },
    description: { value: "Old" },
    keyword: { value: ["old"] },
    theme: { value: ["Sport"] },
    publisher: { value: "Remote", remote_value: "Remote", override_remote_value: false },
  },
  internal: { license_id: { value: "old-license" }, draft: { value: false } },
};

describe("datasetWriteFor", () => {
  it("maps summary, tags, license and visibility, and keeps the rest", () => {
    const write = datasetWriteFor(dataworldReplaceSchema.parse({ title: "New", summary: "Sum", tags: ["a b", "cd"], license: "CC-0", visibility: "PRIVATE" }), current);
    expect(write.is_restricted).toBe(true);
    expect(write.metadata.default).toEqual({
      title: { value: "New" },
      description: { value: "Sum" },
      keyword: { value: ["a b", "cd"] },
      license: { value: "CC-0" },
      theme: { value: ["Sport"] },
      // the remote value is the server's: never sent back
      publisher: { value: "Remote", override_remote_value: false },
    });
    expect(write.metadata.internal).toEqual({ license_id: { value: "CC-0" }, draft: { value: false } });
  });

  it("resets what the body leaves out, except the title", () => {
    const write = datasetWriteFor(dataworldReplaceSchema.parse({ visibility: "OPEN" }), current);
    expect(write.is_restricted).toBe(false);
    expect(Object.keys(write.metadata.default!).sort()).toEqual(["publisher", "theme", "title"]);
    expect(write.metadata.default!.title).toEqual({ value: "Old title" });
    expect(write.metadata.internal).toEqual({ draft: { value: false } });
  });

  it("adds no internal template for a dataset without one and no license", () => {
    expect(datasetWriteFor(dataworldReplaceSchema.parse({ visibility: "OPEN" }), { default: {} }).metadata).toEqual({ default: {} });
  });
});

describe("resourceWriteFor", () => {
  it("makes a remote resource read by the extractor of the file's extension", () => {
    expect(resourceWriteFor({ name: "Stats.GeoJSON", source: { url: "https://example.com/s" } })).toEqual({
      type: "geojsonfile",
      title: "Stats.GeoJSON",
      datasource: { type: "http", connection: { type: "http", url: "https://example.com/s" } },
    });
  });
});

describe("fieldLabel", () => {
  it("writes list positions as data.world does", () => {
    expect(fieldLabel("files.0.source.url")).toBe("files[0].source.url");
    expect(fieldLabel("tags.12")).toBe("tags[12]");
    expect(fieldLabel("title")).toBe("title");
    expect(fieldLabel("non_field_errors")).toBe("body");
  });
});
