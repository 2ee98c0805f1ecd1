import { describe, expect, it } from "vitest";
import { extractorForFormat, formatFromName, formatOfExtractor } from "./resource-format";

describe("resource formats", () => {
  it("maps udata formats to extractors, trimmed and lower-cased", () => {
    expect(extractorForFormat(" CSV ")).toBe("csvfile");
    expect(extractorForFormat("geojson")).toBe("geojsonfile");
    expect(extractorForFormat("pdf")).toBeNull();
    expect(formatOfExtractor("xlsxfile")).toBe("xlsx");
  });

  it("reads the format from a file name or a URL", () => {
    expect(formatFromName("communes.CSV")).toBe("csv");
    expect(formatFromName("https://url.to/ressource.csv?x=1")).toBe("csv");
    expect(formatFromName("https://url.to/dir.v2/file")).toBe("");
  });
});
