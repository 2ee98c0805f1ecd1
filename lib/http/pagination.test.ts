import { describe, expect, it } from "vitest";
import { paginate } from "@/lib/http/pagination";

const url = new URL("http://portal.example/api/automation/v1/datasets/?limit=10&search=air");
const page = (total_count: number) => ({ total_count, results: [] as unknown[] });

describe("paginate", () => {
  it("links the next page and no previous one on the first page", () => {
    const body = paginate(url, page(25), { limit: 10, offset: 0 });
    expect(body.previous).toBeNull();
    expect(body.next).toBe("http://portal.example/api/automation/v1/datasets/?limit=10&search=air&offset=10");
  });

  it("links both ways in the middle and only back on the last page", () => {
    expect(paginate(url, page(25), { limit: 10, offset: 10 })).toMatchObject({
      next: expect.stringContaining("offset=20"),
      previous: expect.stringContaining("offset=0"),
    });
    expect(paginate(url, page(25), { limit: 10, offset: 20 })).toMatchObject({ next: null, previous: expect.stringContaining("offset=10") });
  });

  it("points back to the last real page from beyond the end", () => {
    expect(paginate(url, page(25), { limit: 10, offset: 100 }).previous).toContain("offset=15");
  });

  it("has no links for limit=0", () => {
    expect(paginate(url, page(25), { limit: 0, offset: 0 })).toMatchObject({ next: null, previous: null, total_count: 25 });
  });

  it("does not go below offset 0", () => {
    expect(paginate(url, page(25), { limit: 10, offset: 5 }).previous).toContain("offset=0");
  });
});
