import { describe, expect, it } from "vitest";
import { contentDisposition, mimetypeFor, sanitizeFilename } from "@/lib/files/filename";
import { formatBytes } from "@/lib/files/format-bytes";

describe("sanitizeFilename", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\x\\Desktop\\données.csv", "données.csv"],
    ["..", "upload"],
    [".htaccess", "htaccess"],
    ["  spaced\tname .csv ", "spaced name .csv"],
    ["evil\u0000\u202Egpj.exe", "evilgpj.exe"],
    ["", "upload"],
    [null, "upload"],
  ])("%j → %j", (raw, expected) => {
    expect(sanitizeFilename(raw)).toBe(expected);
  });

  it("shortens long names but keeps the extension", () => {
    const name = sanitizeFilename(`${"a".repeat(300)}.xlsx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith(".xlsx")).toBe(true);
  });
});

describe("mimetypeFor", () => {
  it("trusts a declared type, and the extension when the type says nothing", () => {
    expect(mimetypeFor("a.csv", "text/csv; charset=utf-8")).toBe("text/csv");
    expect(mimetypeFor("a.xlsx", "application/octet-stream")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(mimetypeFor("a.geojson", "")).toBe("application/geo+json");
    expect(mimetypeFor("noext", null)).toBeNull();
    expect(mimetypeFor("a.csv", "not a type")).toBe("text/csv");
  });
});

describe("contentDisposition", () => {
  it("sends an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("communes.csv")).toBe(`attachment; filename="communes.csv"; filename*=UTF-8''communes.csv`);
    expect(contentDisposition('Qualité "air" (2024).csv')).toBe(`attachment; filename="Qualite _air_ (2024).csv"; filename*=UTF-8''Qualit%C3%A9%20%22air%22%20%282024%29.csv`);
  });
});

describe("formatBytes", () => {
  it("uses binary units", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(2 * 1024 ** 3)).toBe("2 GiB");
  });
});
