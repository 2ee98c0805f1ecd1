import { describe, expect, it } from "vitest";
import { cleanParams, datasourceOf, httpDatasource, placeFieldErrors, titleFromFilename, titleFromUrl } from "@/components/resources/resource-form-values";
import { stableStringify } from "@/components/resources/use-resource-preview";
import { cellText } from "@/components/resources/cell-text";
import type { Resource } from "@/lib/resources/schema";

const resource = (datasource: Resource["datasource"]): Resource => ({
  uid: "re_abcdef",
  type: "csvfile",
  title: "T",
  display_name: "d",
  extraction_infos: null,
  origin: { label: "HTTP", type: "http" },
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
  params: {},
  datasource,
});

describe("resource form values", () => {
  it("leaves empty parameters out so that the server guesses them", () => {
    expect(cleanParams({ separator: "", encoding: undefined, first_row_no: NaN, quotechar: null, headers_first_row: false, doublequote: true })).toEqual({
      headers_first_row: false,
      doublequote: true,
    });
  });

  it("suggests a title from a file name or a URL", () => {
    expect(titleFromFilename("fromages.final.csv")).toBe("fromages.final");
    expect(titleFromFilename(".env")).toBe(".env");
    expect(titleFromFilename("C:\\data\\arbres.xlsx")).toBe("arbres");
    expect(titleFromUrl("https://example.org/open/arbres%20remarquables.csv?x=1")).toBe("arbres remarquables");
    expect(titleFromUrl("https://example.org/")).toBe("example.org");
    expect(titleFromUrl("not a url")).toBe("");
  });

  it("turns a saved datasource into a write: the file by reference, the connection without secrets", () => {
    expect(datasourceOf(resource({ type: "uploaded_file", file: { uid: "fi_abcdef", filename: "a.csv", mimetype: "text/csv", size: 3, created_at: "2026-01-01T00:00:00Z" } }))).toEqual({
      type: "uploaded_file",
      file: { uid: "fi_abcdef" },
    });
    const saved = datasourceOf(
      resource({ type: "http", connection: { type: "http", url: "https://example.org/a.csv", auth: { type: "basic_auth", username: "u" } }, relative_url: "x" }),
    );
    expect(saved).toEqual({ type: "http", connection: { type: "http", url: "https://example.org/a.csv", auth: { type: "basic_auth", username: "u" } }, relative_url: "x" });
    // unchanged fields give the saved datasource back (so the saved preview, with the stored password, is used)
    expect(stableStringify(httpDatasource({ url: "https://example.org/a.csv", username: "u", password: "" }, saved))).toBe(stableStringify(saved));
    // another URL drops what belonged to the old one; a password typed is sent
    expect(httpDatasource({ url: " https://example.org/b.csv ", username: "u", password: "p" }, saved)).toEqual({
      type: "http",
      connection: { type: "http", url: "https://example.org/b.csv", auth: { type: "basic_auth", username: "u", password: "p" } },
    });
  });

  it("places the server action's field errors", () => {
    const placed = placeFieldErrors(
      { "resource.title": ["Required."], "params.separator": ["Bad."], "params.unknown": ["Unknown."], "resource.datasource.connection.url": ["Bad URL."] },
      new Set(["separator"]),
    );
    expect(placed.fields).toEqual([
      ["title", "Required."],
      ["params.separator", "Bad."],
    ]);
    expect(placed.url).toBe("Bad URL.");
    expect(placed.details).toEqual(["params.unknown: Unknown."]);
  });

  it("renders record values as plain text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText("<b>x</b>")).toBe("<b>x</b>");
    expect(cellText(12.5)).toBe("12.5");
    expect(cellText(false)).toBe("false");
    expect(cellText({ lon: 2.35, lat: 48.85 })).toBe('{"lon":2.35,"lat":48.85}');
  });

  it("compares configurations whatever the order of their keys", () => {
    expect(stableStringify({ b: 1, a: { d: 2, c: [1, { f: 1, e: 2 }] } })).toBe(stableStringify({ a: { c: [1, { e: 2, f: 1 }], d: 2 }, b: 1 }));
  });
});
