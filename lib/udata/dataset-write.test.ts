import { describe, expect, it } from "vitest";
import type { DatasetMetadata } from "@/lib/datasets/schema";
import { datasetWriteFor } from "./dataset-write";

const current: DatasetMetadata = {
  default: { title: { value: "Avant" }, description: { value: "Texte" }, language: { value: "fr" } },
  internal: { license_id: { value: "lov2" } },
};

describe("datasetWriteFor", () => {
  it("changes only the fields sent and keeps the other metadata", () => {
    const write = datasetWriteFor({ title: "Après", private: true }, current);
    expect(write.metadata.default).toEqual({ title: { value: "Après" }, description: { value: "Texte" }, language: { value: "fr" } });
    expect(write.metadata.internal).toEqual({ license_id: { value: "lov2" } });
    expect(write.is_restricted).toBe(true);
    expect(current.default.title!.value).toBe("Avant");
  });

  it("makes the dataset public when `private` is left out, as udata's form boolean does", () => {
    expect(datasetWriteFor({ description: "x" }, current).is_restricted).toBe(false);
  });

  it("maps tags to keywords and an empty license to none", () => {
    const write = datasetWriteFor({ tags: ["air", "santé"], license: "" }, current);
    expect(write.metadata.default.keyword).toEqual({ value: ["air", "santé"] });
    expect(write.metadata.internal?.license_id).toBeUndefined();
  });
});
