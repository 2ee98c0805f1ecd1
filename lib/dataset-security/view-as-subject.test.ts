import { describe, expect, it } from "vitest";
import { formatViewAsSubject, parseViewAsSubject, type ViewAsSubject } from "@/lib/dataset-security/view-as-subject";

describe("view-as subject in the URL", () => {
  it("reads and writes every kind", () => {
    const subjects: ViewAsSubject[] = [{ kind: "anonymous" }, { kind: "user", username: "alice" }, { kind: "group", group_uid: "data_publishers" }, { kind: "apikey", uid: "ak_abc123" }];
    for (const subject of subjects) expect(parseViewAsSubject(formatViewAsSubject(subject))).toEqual(subject);
    expect(formatViewAsSubject({ kind: "user", username: "alice" })).toBe("user:alice");
  });

  it("keeps colons after the first in the name", () => {
    expect(parseViewAsSubject("user:a:b")).toEqual({ kind: "user", username: "a:b" });
  });

  it("refuses anything else", () => {
    for (const value of [undefined, null, "", "alice", "user:", "user:  ", "admin:alice", "anonymous:x", `user:${"a".repeat(201)}`]) {
      expect(parseViewAsSubject(value), String(value)).toBeNull();
    }
  });
});
