import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { normalizeHost, parseAllowedPrivateHosts, isAllowedPrivateHost } from "@/lib/remote-fetch/allowed-hosts";
import { datasourceUrl, parseRemoteUrl, redirectTarget } from "@/lib/remote-fetch/remote-url";

function caught(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, message: error.message, fields: error.fieldErrors() };
  }
  throw new Error("expected an AppError");
}

describe("parseRemoteUrl", () => {
  it("accepts absolute http and https URLs and drops the fragment", () => {
    expect(parseRemoteUrl(" https://example.com/a.csv?x=1#top ").toString()).toBe("https://example.com/a.csv?x=1");
    expect(parseRemoteUrl("http://example.com").toString()).toBe("http://example.com/");
  });

  it.each(["ftp://example.com/a.csv", "file:///etc/passwd", "javascript:alert(1)", "data:text/plain,hi", "gopher://x/"])(
    "refuses the scheme of %s",
    (url) => {
      const error = caught(() => parseRemoteUrl(url));
      expect(error.code).toBe("validation_error");
      expect(error.message).toMatch(/Only http and https/);
      expect(Object.keys(error.fields ?? {})).toEqual(["datasource.connection.url"]);
    },
  );

  it.each(["https://user:secret@example.com/a.csv", "https://user@example.com/", "http://:pw@example.com/"])("refuses credentials in %s", (url) => {
    const error = caught(() => parseRemoteUrl(url));
    expect(error.code).toBe("validation_error");
    expect(error.fields?.["datasource.connection.url"]?.[0]).toMatch(/user name or password/);
  });

  it.each(["", "example.com/a.csv", "/data.csv", "https://", "http://exa mple.com/"])("refuses the non-URL %j", (url) => {
    expect(caught(() => parseRemoteUrl(url)).code).toBe("validation_error");
  });
});

describe("datasourceUrl", () => {
  const join = (url: string, relative_url?: string) => datasourceUrl({ connection: { url }, relative_url });

  it("appends relative_url to the connection's path", () => {
    expect(join("https://a.b/x/", "data.csv")).toBe("https://a.b/x/data.csv");
    expect(join("https://a.b/x/", "/data.csv")).toBe("https://a.b/x/data.csv");
    expect(join("https://a.b/x", "data.csv")).toBe("https://a.b/x/data.csv");
    expect(join("https://a.b", "/dir/data.csv")).toBe("https://a.b/dir/data.csv");
    expect(join("https://a.b/x/")).toBe("https://a.b/x/");
    expect(join("https://a.b/x/", "  ")).toBe("https://a.b/x/");
  });

  it("merges query strings and drops fragments", () => {
    expect(join("https://a.b/api?key=1", "items.csv?page=2#frag")).toBe("https://a.b/api/items.csv?key=1&page=2");
    expect(join("https://a.b/api/items.csv", "?page=2")).toBe("https://a.b/api/items.csv?page=2");
  });

  it.each(["https://evil.example/x.csv", "http://169.254.169.254/latest", "//evil.example/x", "\\\\evil.example/x", "/\\evil.example", "file:///etc/passwd", "javascript:alert(1)"])(
    "refuses the absolute relative_url %s",
    (relative) => {
      const error = caught(() => join("https://a.b/x/", relative));
      expect(error.code).toBe("validation_error");
      expect(Object.keys(error.fields ?? {})).toEqual(["datasource.relative_url"]);
    },
  );

  it("never leaves the connection's origin", () => {
    for (const relative of ["../../../etc", "%2F%2Fevil.example", "@evil.example", ":8080/x", "..\\..\\x", "a/../../b"]) {
      expect(new URL(join("https://a.b:8443/x/", relative)).origin).toBe("https://a.b:8443");
    }
  });

  it("validates the connection URL", () => {
    expect(caught(() => join("ftp://a.b/", "x")).fields).toHaveProperty(["datasource.connection.url"]);
  });
});

describe("redirectTarget", () => {
  const from = new URL("https://a.b/dir/file?x=1");

  it("resolves relative locations and drops fragments", () => {
    expect(redirectTarget(from, "other.csv#x").toString()).toBe("https://a.b/dir/other.csv");
    expect(redirectTarget(from, "//c.d/y").toString()).toBe("https://c.d/y");
  });

  it("refuses downgrades, other schemes and credentials", () => {
    expect(caught(() => redirectTarget(from, "http://a.b/dir/file")).message).toMatch(/from https to unencrypted http/);
    expect(caught(() => redirectTarget(from, "file:///etc/passwd")).code).toBe("remote_fetch_error");
    expect(caught(() => redirectTarget(from, "https://u:p@c.d/")).code).toBe("remote_fetch_error");
    expect(redirectTarget(new URL("http://a.b/"), "https://a.b/").protocol).toBe("https:");
  });
});

describe("allowed private hosts", () => {
  it("parses and normalizes the environment variable", () => {
    expect(parseAllowedPrivateHosts("127.0.0.1, localhost,files.internal")).toEqual(["127.0.0.1", "localhost", "files.internal"]);
    expect(parseAllowedPrivateHosts(" LOCALHOST  Files.Internal. ,, [::1] 0:0::1 127.1 ")).toEqual(["localhost", "files.internal", "::1", "127.0.0.1"]);
    expect(parseAllowedPrivateHosts(undefined)).toEqual([]);
    expect(parseAllowedPrivateHosts("")).toEqual([]);
  });

  it("drops entries that are not bare hosts", () => {
    expect(parseAllowedPrivateHosts("localhost:3000 http://x.y/ a/b user@host ok.host")).toEqual(["ok.host"]);
    expect(normalizeHost("exa mple")).toBeNull();
  });

  it("matches the URL's hostname exactly, case-insensitively", () => {
    const allowed = ["files.internal", "::1"];
    expect(isAllowedPrivateHost(new URL("http://FILES.internal:8080/x"), allowed)).toBe(true);
    expect(isAllowedPrivateHost(new URL("http://[0:0::1]/"), allowed)).toBe(true);
    expect(isAllowedPrivateHost(new URL("http://a.files.internal/"), allowed)).toBe(false);
    expect(isAllowedPrivateHost(new URL("http://files.internal.evil.example/"), allowed)).toBe(false);
    expect(isAllowedPrivateHost(new URL("http://127.0.0.1/"), [])).toBe(false);
  });
});
