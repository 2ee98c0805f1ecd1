import { describe, expect, it } from "vitest";
import { renderText } from "@/lib/errors/app-error";
import { checkDateFormat, createDateParser, type DateSettings } from "@/lib/processors/dates";
import { fields, processor, run, validationErrors } from "@/lib/processors/test-fixtures";

const parser = (settings: Partial<DateSettings>) => createDateParser({ format: "", timezone: "UTC", locale: "en", output: "datetime", ...settings });

describe("createDateParser", () => {
  it("converts Europe/Paris local times to UTC, in winter (+01:00) and in summer (+02:00)", () => {
    const parse = parser({ format: "dd/MM/yyyy HH:mm", timezone: "Europe/Paris" });
    expect(parse("15/01/2024 10:30")).toBe("2024-01-15T09:30:00Z");
    expect(parse("15/07/2024 10:30")).toBe("2024-07-15T08:30:00Z");
    // Around the change of 31 March 2024 (02:00 → 03:00).
    expect(parse("31/03/2024 01:30")).toBe("2024-03-31T00:30:00Z");
    expect(parse("31/03/2024 03:30")).toBe("2024-03-31T01:30:00Z");
  });

  it("keeps the calendar date of the time zone for date output", () => {
    const parse = parser({ format: "dd/MM/yyyy HH:mm", timezone: "Europe/Paris", output: "date" });
    expect(parse("01/01/2024 00:30")).toBe("2024-01-01"); // 2023-12-31T23:30Z in UTC
    expect(parser({ format: "dd/MM/yyyy", output: "date" })(" 29/02/2024 ")).toBe("2024-02-29");
  });

  it("honours an offset written in the value over the time zone", () => {
    expect(parser({ format: "yyyy-MM-dd'T'HH:mm:ssZZ", timezone: "Europe/Paris" })("2024-01-15T10:00:00+05:00")).toBe("2024-01-15T05:00:00Z");
    expect(parser({ timezone: "Europe/Paris" })("2024-07-01T12:00:00Z")).toBe("2024-07-01T12:00:00Z");
  });

  it("reads ISO 8601 when the format is empty", () => {
    expect(parser({ timezone: "Europe/Paris" })("2024-01-15")).toBe("2024-01-14T23:00:00Z");
    expect(parser({ output: "date" })("2024-01-15T10:00:00")).toBe("2024-01-15");
  });

  it("reads month names in the given language", () => {
    expect(parser({ format: "d MMMM yyyy", locale: "fr", output: "date" })("15 janvier 2024")).toBe("2024-01-15");
    expect(parser({ format: "d MMMM yyyy", locale: "en", output: "date" })("15 January 2024")).toBe("2024-01-15");
    expect(parser({ format: "d MMMM yyyy", locale: "en", output: "date" })("15 janvier 2024")).toBeNull();
  });

  it("returns null for invalid dates and for text in another layout", () => {
    const parse = parser({ format: "dd/MM/yyyy" });
    expect(parse("31/02/2024")).toBeNull();
    expect(parse("29/02/2023")).toBeNull();
    expect(parse("2024-01-15")).toBeNull();
    expect(parse("15/01/2024 10:00")).toBeNull();
    expect(parser({})("not a date")).toBeNull();
  });
});

describe("checkDateFormat", () => {
  const check = (format: string) => {
    const error = checkDateFormat(format, "en");
    return error ? renderText(error) : null;
  };
  it("accepts formats that hold a year and read back what they write", () => {
    for (const format of ["", "dd/MM/yyyy", "yyyyMMdd", "dd.MM.yy HH:mm:ss", "d MMMM yyyy", "yyyy-MM-dd'T'HH:mm:ssZZ"]) expect(check(format)).toBeNull();
  });
  it("refuses formats without a year (luxon would use the current one)", () => {
    expect(check("dd/MM")).toBe("The format must include the year (yyyy or yy), or be empty for ISO 8601.");
    expect(check("HH:mm")).toMatch(/include the year/);
  });
});

describe("the parse_date processor", () => {
  const input = fields("when", "id");

  it("types the field, keeps null, parses arrays element by element, and reports unparseable values", () => {
    const step = run(processor("parse_date", { field: "when", format: "dd/MM/yyyy", timezone: "Europe/Paris", output: "date" }), input, [
      { when: "15/01/2024" },
      { when: null },
      { when: "" },
      { when: ["01/02/2024", "30/02/2024"] },
      { when: "yesterday" },
      { when: 20240115 },
    ]);
    expect(step.fields[0]).toMatchObject({ name: "when", type: "date" });
    expect(step.records.map((r) => r.when)).toEqual(["2024-01-15", null, null, ["2024-02-01", null], null, null]);
    expect(step.error_count).toBe(3);
    expect(step.errors[1]).toEqual({ record: 4, message: "Field “when”: “yesterday” is not a date in the format “dd/MM/yyyy”." });
  });

  it("defaults to UTC and datetime output", () => {
    const spec = processor("parse_date", { field: "when", format: "yyyyMMddHHmm" });
    expect(spec.params).toEqual({ field: "when", format: "yyyyMMddHHmm", timezone: "UTC", locale: "en", output: "datetime" });
    expect(run(spec, input, [{ when: "202401151030" }]).records[0]).toEqual({ when: "2024-01-15T10:30:00Z" });
  });

  it("refuses unknown time zones, languages and formats without a year", () => {
    expect(validationErrors(() => processor("parse_date", { field: "when", format: "dd/MM", timezone: "Mars/Olympus" }))).toEqual({
      timezone: ["Unknown time zone “Mars/Olympus” (use an IANA name such as Europe/Paris)."],
      format: ["The format must include the year (yyyy or yy), or be empty for ISO 8601."],
    });
    expect(validationErrors(() => processor("parse_date", { field: "when", locale: "not a locale!" }))).toHaveProperty("locale");
    expect(validationErrors(() => processor("parse_date", { field: "when", output: "time" }))).toEqual({ output: ['Choose one of: "date", "datetime".'] });
  });
});
