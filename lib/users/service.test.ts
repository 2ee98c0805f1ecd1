import { describe, expect, it } from "vitest";
import { exportTimestamp } from "@/lib/users/service";

describe("user export timestamps", () => {
  it("writes the vendor's format: space separator, microseconds when any, +00:00", () => {
    expect(exportTimestamp("2022-08-19T11:43:58.000Z")).toBe("2022-08-19 11:43:58+00:00");
    expect(exportTimestamp("2023-04-24T12:16:34.099Z")).toBe("2023-04-24 12:16:34.099000+00:00");
    expect(exportTimestamp(null)).toBe("");
  });
});
