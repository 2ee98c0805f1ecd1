import { describe, expect, it } from "vitest";
import { DATASET_ID_PATTERN } from "@/lib/datasets/schema";
import { datasetIdCandidates, slugifyDatasetId } from "@/lib/datasets/dataset-id";

describe("slugifyDatasetId", () => {
  it.each([
    ["Qualité de l'air 2024", "qualite-de-l-air-2024"],
    ["  Bike   counters!! ", "bike-counters"],
    ["Ærø & Œuvre", "r-uvre"],
    ["日本語", ""],
    ["___", ""],
  ])("%s → %s", (title, slug) => {
    expect(slugifyDatasetId(title)).toBe(slug);
  });

  it("caps the length without a trailing hyphen", () => {
    const slug = slugifyDatasetId("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });

  it("yields valid candidates, falling back to 'dataset'", () => {
    const candidates = [...datasetIdCandidates("日本語", 3)];
    expect(candidates).toEqual(["dataset", "dataset-1", "dataset-2"]);
    for (const c of [...datasetIdCandidates("Qualité de l'air", 5)]) expect(c).toMatch(DATASET_ID_PATTERN);
  });
});
