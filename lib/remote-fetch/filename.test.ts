import { describe, expect, it } from "vitest";
import { filenameFromContentDisposition, filenameFromUrl, mimetypeFromContentType, sanitizeFilename } from "@/lib/remote-fetch/filename";

describe("sanitizeFilename", () => {
  it("keeps only a harmless basename", () => {
    expect(sanitizeFilename("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFilename("..\\..\\windows\\win.ini")).toBe("win.ini");
    expect(sanitizeFilename("a\u0000b\r\nc\u202e.csv")).toBe("abc.csv");
    expect(sanitizeFilename("  report.csv ")).toBe("report.csv");
    expect(sanitizeFilename("..")).toBeNull();
    expect(sanitizeFilename("dir/")).toBeNull();
    expect(sanitizeFilename("")).toBeNull();
  });

  it("truncates to 200 characters, keeping the extension and whole code points", () => {
    const long = sanitizeFilename(`${"a".repeat(300)}.csv`)!;
    expect(long).toHaveLength(200);
    expect(long.endsWith(".csv")).toBe(true);
    const emoji = sanitizeFilename("😀".repeat(250))!;
    expect(Array.from(emoji)).toHaveLength(200);
    expect(emoji).toBe("😀".repeat(200));
  });
});

describe("filenameFromContentDisposition", () => {
  it.each([
    ['attachment; filename="data.csv"', "data.csv"],
    ["attachment; filename=data.csv", "data.csv"],
    ['attachment; filename="../../etc/passwd"', "passwd"],
    ['attachment; filename="a \\"quoted\\" name.csv"', 'a "quoted" name.csv'],
    ["attachment; filename*=UTF-8''%E2%82%AC%20rates.csv", "€ rates.csv"],
    ["attachment; filename=\"fallback.csv\"; filename*=UTF-8''r%C3%A9sum%C3%A9.csv", "résumé.csv"],
    ["attachment; filename*=iso-8859-1'fr'caf%E9.csv", "café.csv"],
    ["attachment; filename*=UTF-8''%2E%2E%2F%2E%2E%2Fpasswd", "passwd"],
    ["attachment; filename*=UTF-8''%ZZ; filename=ok.csv", "ok.csv"],
    ["inline", null],
    ['attachment; filename=".."', null],
  ])("%s → %s", (header, expected) => {
    expect(filenameFromContentDisposition(header)).toBe(expected);
  });
});

describe("filenameFromUrl and mimetype", () => {
  it("uses the decoded last path segment", () => {
    expect(filenameFromUrl(new URL("https://a.b/dir/my%20data.csv?x=1"))).toBe("my data.csv");
    expect(filenameFromUrl(new URL("https://a.b/dir/sub/"))).toBe("sub");
    expect(filenameFromUrl(new URL("https://a.b/x/..%2F..%2Fetc%2Fpasswd"))).toBe("passwd");
    expect(filenameFromUrl(new URL("https://a.b/bad%E0%A4%A"))).toBe("bad%E0%A4%A");
    expect(filenameFromUrl(new URL("https://a.b/"))).toBeNull();
  });

  it("takes the media type without parameters", () => {
    expect(mimetypeFromContentType("Text/CSV; charset=utf-8")).toBe("text/csv");
    expect(mimetypeFromContentType("application/vnd.ms-excel")).toBe("application/vnd.ms-excel");
    expect(mimetypeFromContentType("nonsense")).toBeNull();
    expect(mimetypeFromContentType(undefined)).toBeNull();
  });
});
