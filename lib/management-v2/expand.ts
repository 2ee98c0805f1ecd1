// ?expand= of the Management API v2 (API-CONTRACT.md §1.7): a comma-separated list. A value we do not serve is
// refused rather than ignored, so a script asking for `changes` learns it does not get them.
import { AppError, msg } from "@/lib/errors/app-error";

export function parseExpand<T extends string>(value: string | undefined, allowed: readonly T[]): Set<T> {
  const out = new Set<T>();
  for (const part of (value ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    if (!(allowed as readonly string[]).includes(part)) {
      throw new AppError("bad_request", msg("management_v2.expand_unknown", { value: part, allowed: allowed.join(", ") }));
    }
    out.add(part as T);
  }
  return out;
}
