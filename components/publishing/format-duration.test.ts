import { describe, expect, it } from "vitest";
import { formatDuration, jobElapsed } from "./format-duration";

describe("formatDuration", () => {
  it("reads seconds, minutes and hours", () => {
    expect(formatDuration(4_250, "en")).toBe("4.2 sec");
    expect(formatDuration(42_900, "en")).toBe("42 sec");
    expect(formatDuration(65_000, "en")).toBe("1 min 5 sec");
    expect(formatDuration(3_900_000, "en")).toBe("1 hr 5 min");
    expect(formatDuration(-5, "en")).toBe("0 sec");
  });

  it("speaks the reader's language", () => {
    expect(formatDuration(65_000, "fr").replace(/\s/g, " ")).toBe("1 min 5 s");
  });
});

describe("jobElapsed", () => {
  const started_at = "2026-01-01T10:00:00.000Z";
  it("counts until the end, or until now while running", () => {
    expect(jobElapsed({ started_at, finished_at: "2026-01-01T10:00:03.000Z" }, null)).toBe(3000);
    expect(jobElapsed({ started_at, finished_at: null }, Date.parse(started_at) + 1500)).toBe(1500);
    expect(jobElapsed({ started_at, finished_at: null }, null)).toBeNull();
    expect(jobElapsed({ started_at: null, finished_at: null }, 0)).toBeNull();
  });
});
