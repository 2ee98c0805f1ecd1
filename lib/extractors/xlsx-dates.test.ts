import { describe, expect, it } from "vitest";
import { isDateFormatCode, serialToIso } from "@/lib/extractors/xlsx-dates";

describe("XLSX dates", () => {
  it("converts serial numbers in both date systems", () => {
    expect(serialToIso(1, false)).toBe("1900-01-01");
    expect(serialToIso(59, false)).toBe("1900-02-28");
    expect(serialToIso(61, false)).toBe("1900-03-01");
    expect(serialToIso(45292, false)).toBe("2024-01-01");
    expect(serialToIso(45292.5, false)).toBe("2024-01-01T12:00:00");
    expect(serialToIso(0.75, false)).toBe("18:00:00");
    expect(serialToIso(0, true)).toBe("1904-01-01");
    expect(serialToIso(-1, false)).toBeNull();
  });

  it("tells date formats from number formats", () => {
    expect(isDateFormatCode("dd/mm/yyyy")).toBe(true);
    expect(isDateFormatCode("[$-40C]d mmmm yyyy;@")).toBe(true);
    expect(isDateFormatCode("h:mm:ss")).toBe(true);
    expect(isDateFormatCode("#,##0.00 \"days\"")).toBe(false);
    expect(isDateFormatCode("[Red]0.00")).toBe(false);
    expect(isDateFormatCode("General")).toBe(false);
  });
});
