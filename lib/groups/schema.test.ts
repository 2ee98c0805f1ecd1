import { describe, expect, it } from "vitest";
import { groupUidFromTitle } from "@/lib/groups/schema";

describe("group uid", () => {
  it("slugifies the title with underscores", () => {
    expect(groupUidFromTitle("Content Designers")).toBe("content_designers");
    expect(groupUidFromTitle("  Éditeurs — données ouvertes! ")).toBe("editeurs_donnees_ouvertes");
    expect(groupUidFromTitle("!!!")).toBe("group");
    expect(groupUidFromTitle("a".repeat(100))).toHaveLength(64);
  });
});
