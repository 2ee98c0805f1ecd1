// Upstream answers are read through the same zod schemas as our own responses, so the console gets what it would
// get from the embedded store. An answer the schema cannot read is the upstream's failure (502), named, never a
// crash further in.
import type { z } from "zod";
import { AppError, msg } from "@/lib/errors/app-error";
import { log } from "@/lib/log/logger";
import type { UpstreamClient } from "@/lib/store/remote/upstream-client";

export function parseAnswer<S extends z.ZodType>(client: UpstreamClient, schema: S, value: unknown, operation: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  log.warn("unexpected upstream answer", { upstream: client.origin, operation, issues: parsed.error.issues.slice(0, 5) });
  throw new AppError("upstream_unavailable", msg("upstream.invalid_answer", { upstream: client.origin, operation }));
}
