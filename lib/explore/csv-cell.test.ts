import { describe, expect, it } from "vitest";
import { csvCell } from "@/lib/explore/csv-cell";

const options = { delimiter: ";", quoteAll: false, listSeparator: "," };

describe("csvCell", () => {
  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")", options)).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+33 1 23", options)).toBe("'+33 1 23");
    expect(csvCell("-2", options)).toBe("'-2");
    expect(csvCell("@SUM(A1)", options)).toBe("'@SUM(A1)");
  });

  it("keeps negative numbers and points numeric", () => {
    expect(csvCell(-2, options)).toBe("-2");
    expect(csvCell(-0.5, options)).toBe("-0.5");
    expect(csvCell({ lat: -33.9, lon: 151.2 }, options)).toBe("-33.9, 151.2");
  });

  it("quotes delimiters, quotes and line breaks, and joins lists", () => {
    expect(csvCell("a;b", options)).toBe('"a;b"');
    expect(csvCell('say "hi"', options)).toBe('"say ""hi"""');
    expect(csvCell("two\nlines", options)).toBe('"two\nlines"');
    expect(csvCell(["x", "y"], options)).toBe("x,y");
    expect(csvCell("plain", { ...options, quoteAll: true })).toBe('"plain"');
    expect(csvCell(null, options)).toBe("");
    expect(csvCell({ lat: 48.8, lon: 2.3 }, options)).toBe("48.8, 2.3");
  });
});
