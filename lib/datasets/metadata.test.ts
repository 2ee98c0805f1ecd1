import { describe, expect, it } from "vitest";
import { metadataForCreate, metadataForUpdate } from "@/lib/datasets/metadata";
import type { DatasetMetadata } from "@/lib/datasets/schema";

const t0 = new Date("2024-01-01T00:00:00.000Z");
const t1 = new Date("2024-06-01T00:00:00.000Z");

describe("metadataForCreate", () => {
  it("sets modified to the creation time and language to en", () => {
    expect(metadataForCreate({ default: { title: { value: "T" } } }, t0).default).toEqual({
      title: { value: "T" },
      modified: { value: t0.toISOString() },
      language: { value: "en" },
    });
  });

  it("keeps a given modified, normalised to UTC", () => {
    const m = metadataForCreate({ default: { title: { value: "T" }, modified: { value: "2020-01-01T02:00:00+02:00" } } }, t0);
    expect(m.default.modified).toEqual({ value: "2020-01-01T00:00:00.000Z" });
  });
});

describe("metadataForUpdate", () => {
  const previous = (extra: Record<string, unknown> = {}): DatasetMetadata => ({
    default: { title: { value: "Old" }, modified: { value: t0.toISOString() }, language: { value: "fr" }, ...extra },
  });

  it("keeps modified and language when the client omits them", () => {
    const m = metadataForUpdate({ default: { title: { value: "New" } } }, previous(), t1);
    expect(m.default.modified).toEqual({ value: t0.toISOString() });
    expect(m.default.language).toEqual({ value: "fr" });
  });

  it("moves modified to now on a change when the dataset asks for it", () => {
    const flag = { modified_updates_on_metadata_change: { value: true } };
    const m = metadataForUpdate({ default: { title: { value: "New" }, ...flag } }, previous(flag), t1);
    expect(m.default.modified).toEqual({ value: t1.toISOString() });
  });

  it("treats a resent, unchanged modified as not set (the console sends the whole metadata back)", () => {
    const flag = { modified_updates_on_metadata_change: { value: true } };
    const m = metadataForUpdate({ default: { title: { value: "New" }, modified: { value: "2024-01-01T01:00:00+01:00" }, ...flag } }, previous(flag), t1);
    expect(m.default.modified).toEqual({ value: t1.toISOString() });
  });

  it("does not move modified when nothing changed", () => {
    const flag = { modified_updates_on_metadata_change: { value: true } };
    const before = previous(flag);
    const m = metadataForUpdate(structuredClone(before) as never, before, t1);
    expect(m.default.modified).toEqual({ value: t0.toISOString() });
  });

  it("uses a modified the client changed", () => {
    const m = metadataForUpdate({ default: { title: { value: "New" }, modified: { value: "2023-03-03T00:00:00Z" } } }, previous(), t1);
    expect(m.default.modified).toEqual({ value: "2023-03-03T00:00:00.000Z" });
  });
});
