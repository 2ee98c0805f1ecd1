// The Automation API's list envelope: { total_count, next, previous, results }, where next/previous are
// absolute URLs of the adjacent pages (same query string, offset moved) or null.
import { z } from "zod";
import type { Page } from "@/lib/store/types";

export function paginatedSchema<T extends z.ZodType>(item: T) {
  return z.object({
    total_count: z.number().int(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(item),
  });
}

function withOffset(url: URL, offset: number): string {
  const next = new URL(url);
  next.searchParams.set("offset", String(offset));
  return next.toString();
}

export function paginate<T>(url: URL, page: Page<T>, window: { limit: number; offset: number }) {
  const { limit, offset } = window;
  return {
    total_count: page.total_count,
    next: limit > 0 && offset + limit < page.total_count ? withOffset(url, offset + limit) : null,
    previous: limit > 0 && offset > 0 ? withOffset(url, Math.max(0, Math.min(offset, page.total_count) - limit)) : null,
    results: page.results,
  };
}
