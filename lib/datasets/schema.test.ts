import { describe, expect, it } from "vitest";
import { datasetListQuerySchema, datasetWriteSchema } from "@/lib/datasets/schema";
import { fieldErrorsFromZod } from "@/lib/errors/zod-messages";

const errorsOf = (input: unknown) => {
  const result = datasetWriteSchema.safeParse(input);
  return result.success ? {} : fieldErrorsFromZod(result.error);
};

describe("datasetWriteSchema", () => {
  it("accepts the minimal body and trims values", () => {
    expect(datasetWriteSchema.parse({ metadata: { default: { title: { value: "  Air  " } } } })).toEqual({
      metadata: { default: { title: { value: "Air" } } },
    });
  });

  it("drops blank optional values (empty strings, nulls, empty lists)", () => {
    const parsed = datasetWriteSchema.parse({
      metadata: { default: { title: { value: "T" }, description: { value: "  " }, keyword: { value: [] }, publisher: { value: null } } },
    });
    expect(parsed.metadata.default).toEqual({ title: { value: "T" } });
  });

  it("reports a blank or missing title on title.value", () => {
    expect(Object.keys(errorsOf({ metadata: { default: { title: { value: " " } } } }))).toEqual(["metadata.default.title.value"]);
    expect(Object.keys(errorsOf({ metadata: { default: {} } }))).toEqual(["metadata.default.title.value"]);
  });

  it("refuses unknown fields of the default template, by name", () => {
    expect(errorsOf({ metadata: { default: { title: { value: "T" }, titel: { value: "typo" } } } })).toHaveProperty(["metadata.default.titel"]);
  });

  it("types the default template's values", () => {
    const errors = errorsOf({
      metadata: {
        default: {
          title: { value: "T" },
          keyword: { value: "not a list" },
          modified: { value: "2024-13-01" },
          modified_updates_on_data_change: { value: "yes" },
          language: { value: "klingon" },
          timezone: { value: "Nowhere/Land" },
        },
      },
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        "metadata.default.keyword.value",
        "metadata.default.language.value",
        "metadata.default.modified.value",
        "metadata.default.modified_updates_on_data_change.value",
        "metadata.default.timezone.value",
      ].sort(),
    );
  });

  it("accepts IANA time zones and offsets in `modified`", () => {
    expect(
      datasetWriteSchema.safeParse({ metadata: { default: { title: { value: "T" }, timezone: { value: "Europe/Paris" }, modified: { value: "2024-05-01T12:00:00+02:00" } } } })
        .success,
    ).toBe(true);
  });

  it("validates dataset_id", () => {
    for (const ok of ["a", "air-quality_2024", "0x"]) expect(errorsOf({ dataset_id: ok, metadata: { default: { title: { value: "T" } } } })).toEqual({});
    for (const bad of ["Air", "-air", "air quality", "air/quality", "é", "a".repeat(101)]) {
      expect(errorsOf({ dataset_id: bad, metadata: { default: { title: { value: "T" } } } })).toHaveProperty(["dataset_id"]);
    }
  });

  it("strips read-only and unknown top-level properties", () => {
    const parsed = datasetWriteSchema.parse({ uid: "da_x", is_published: true, created_at: "x", metadata: { default: { title: { value: "T" } } } });
    expect(parsed).not.toHaveProperty("uid");
    expect(parsed).not.toHaveProperty("is_published");
  });

  it("keeps untyped templates as given", () => {
    const parsed = datasetWriteSchema.parse({ metadata: { default: { title: { value: "T" } }, visualization: { map_disabled: { value: true } } } });
    expect(parsed.metadata.visualization).toEqual({ map_disabled: { value: true } });
  });

  it("fills default_security defaults when given partially", () => {
    const parsed = datasetWriteSchema.parse({ metadata: { default: { title: { value: "T" } } }, default_security: { is_data_visible: false } });
    expect(parsed.default_security).toEqual({ is_data_visible: false, visible_fields: null, filter_query: "", api_calls_quota: null });
  });
});

describe("datasetListQuerySchema", () => {
  it("coerces query strings and applies defaults", () => {
    expect(datasetListQuerySchema.parse({ limit: "5", offset: "10" })).toEqual({ limit: 5, offset: 10, sort: "-updated_at" });
    expect(datasetListQuerySchema.parse({})).toEqual({ limit: 20, offset: 0, sort: "-updated_at" });
  });

  it.each([{ limit: "1001" }, { limit: "-1" }, { limit: "1.5" }, { offset: "-1" }, { sort: "size" }])("refuses %o", (query) => {
    expect(datasetListQuerySchema.safeParse(query).success).toBe(false);
  });
});
