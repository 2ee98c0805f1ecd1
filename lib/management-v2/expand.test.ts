import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors/app-error";
import { parseExpand } from "@/lib/management-v2/expand";

describe("parseExpand", () => {
  it("reads a comma-separated list, blanks ignored", () => {
    expect([...parseExpand("metadata, status,", ["metadata", "status"])]).toEqual(["metadata", "status"]);
    expect(parseExpand(undefined, ["metadata"]).size).toBe(0);
  });

  it("refuses what it does not serve, naming it", () => {
    try {
      parseExpand("metadata,changes", ["metadata", "status"]);
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe("bad_request");
      expect((error as Error).message).toContain('"changes"');
    }
  });
});
