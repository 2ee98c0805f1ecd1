// The dataset list's URL: ?q=<search>&sort=<key>&page=<n>&size=<25|50|100>. Anything invalid falls back to
// the default rather than failing the page.
import { z } from "zod";
import { DATASET_SORTS } from "@/lib/datasets/schema";

export const PAGE_SIZES = [25, 50, 100] as const;

const listParamsSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  sort: z.enum(DATASET_SORTS).catch("-updated_at"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(25),
});

export type ListParams = z.infer<typeof listParamsSchema>;

export function parseListParams(searchParams: Record<string, string | string[] | undefined>): ListParams {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return listParamsSchema.parse({
    q: first(searchParams.q) ?? "",
    sort: first(searchParams.sort),
    page: first(searchParams.page),
    size: first(searchParams.size),
  });
}

export function listHref(params: ListParams, changes: Partial<ListParams>): string {
  const next = { ...params, ...changes };
  const query = new URLSearchParams();
  if (next.q) query.set("q", next.q);
  if (next.sort !== "-updated_at") query.set("sort", next.sort);
  if (next.page > 1) query.set("page", String(next.page));
  if (next.size !== 25) query.set("size", String(next.size));
  const qs = query.toString();
  return qs ? `/datasets?${qs}` : "/datasets";
}
