import "server-only";
// API calls quotas of dataset security (DatasetSecurity.api_calls_quota): Explore calls on one dataset, counted
// per caller (their account, or their address when anonymous) in fixed windows of the quota's unit, in the
// database so that every instance counts together. Over the limit: 429 with Retry-After.
import type { ApiCallsQuota } from "@/lib/dataset-security/effective-access";
import { AppError, msg } from "@/lib/errors/app-error";
import { store } from "@/lib/store/store";

const UNIT_MS: Record<ApiCallsQuota["unit"], number> = { second: 1_000, minute: 60_000, hour: 3_600_000, day: 86_400_000, month: 2_592_000_000 };
const SWEEP_EVERY_MS = 10 * 60_000;
let lastSweep = 0;

export async function countApiCall(dataset_uid: string, caller: string, quota: ApiCallsQuota, now = new Date()): Promise<void> {
  const length = UNIT_MS[quota.unit];
  const start = Math.floor(now.getTime() / length) * length;
  const calls = await store().apiCallCounters.increment(`${dataset_uid}:${caller}:${quota.unit}:${start}`, new Date(start));
  if (now.getTime() - lastSweep > SWEEP_EVERY_MS) {
    lastSweep = now.getTime();
    // Finished windows of the longest unit are a month old at most.
    void store().apiCallCounters.sweep(new Date(now.getTime() - UNIT_MS.month)).catch(() => undefined);
  }
  if (calls <= quota.limit) return;
  const seconds = Math.max(1, Math.ceil((start + length - now.getTime()) / 1000));
  throw new AppError("too_many_requests", msg("security.errors.quota_exceeded", { limit: quota.limit, unit: quota.unit, seconds }), {
    headers: { "Retry-After": String(seconds) },
  });
}
