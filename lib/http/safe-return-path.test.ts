import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/http/safe-return-path";

describe("safeReturnPath", () => {
  it.each(["/datasets", "/datasets/da_abc123/edit", "/datasets?q=air&sort=title"])("keeps the same-site path %s", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "datasets", "", "/a\nb", undefined, 42, ["/x"]])(
    "refuses %s",
    (value) => {
      expect(safeReturnPath(value)).toBe("/datasets");
    },
  );
});
