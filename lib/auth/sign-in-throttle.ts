// Sign-in throttling, the stored part: counts failures per account and per client address in the database (so
// every instance sees them) and answers how long a blocked attempt must wait. lib/auth/throttle.ts decides.
import { ACCOUNT_POLICY, ADDRESS_POLICY, accountKey, addressKey, afterFailure, retryAfterSeconds, windowExpired, type ThrottlePolicy } from "@/lib/auth/throttle";
import { store } from "@/lib/store/store";

const SWEEP_EVERY = 100;
let failuresSinceSweep = 0;

function keysOf(username: string, address: string): { key: string; policy: ThrottlePolicy }[] {
  return [
    { key: accountKey(username, address), policy: ACCOUNT_POLICY },
    { key: addressKey(address), policy: ADDRESS_POLICY },
  ];
}

/** Seconds to wait before this account may try again from this address, or null when it may try now. */
export async function signInRetryAfter(username: string, address: string, now = new Date()): Promise<number | null> {
  const rows = await store().signInThrottle.get(keysOf(username, address).map((k) => k.key));
  const waits = rows.map((row) => retryAfterSeconds(row, now)).filter((s): s is number => s !== null);
  return waits.length ? Math.max(...waits) : null;
}

export async function recordSignInFailure(username: string, address: string, now = new Date()): Promise<void> {
  const throttle = store().signInThrottle;
  for (const { key, policy } of keysOf(username, address)) {
    // the increment is atomic, so concurrent failures all count; the rest is decided on the row as it now is
    const row = await throttle.increment(key, now);
    const previous = { ...row, failures: row.failures - 1 };
    if (row.failures > 1 && windowExpired(previous, now, policy) && retryAfterSeconds(previous, now) === null) {
      await throttle.restartWindow(key, row.window_started_at, now);
      continue;
    }
    const next = afterFailure(previous, now, policy);
    if (next.blocked_until && (!row.blocked_until || next.blocked_until > row.blocked_until)) await throttle.block(key, next.blocked_until);
  }
  if (++failuresSinceSweep >= SWEEP_EVERY) {
    failuresSinceSweep = 0;
    await throttle.sweep(new Date(now.getTime() - 2 * Math.max(ACCOUNT_POLICY.windowMs, ADDRESS_POLICY.windowMs)));
  }
}

/** A successful sign-in clears the account's failures from that address (not the address's). */
export async function recordSignInSuccess(username: string, address: string): Promise<void> {
  await store().signInThrottle.clear(accountKey(username, address));
}
