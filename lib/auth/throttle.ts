// Sign-in throttling, the decision part (lib/auth/sign-in-throttle.ts stores the counts): failures are counted
// per key in a fixed window; reaching the limit blocks the key until `blockMs` after the failure that reached it.
// Two keys per attempt: the account (whether it exists or not, so the answer says nothing about existence) and
// the client address. Pure functions: unit-tested without a clock or a database.
export type ThrottlePolicy = { maxFailures: number; windowMs: number; blockMs: number };
export type ThrottleState = { failures: number; window_started_at: Date; blocked_until: Date | null };

const MINUTE = 60_000;

/** One account: 10 failures in 15 minutes → 15 minutes without sign-in for it. */
export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 10, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };
/** One address, every account together: 50 failures in 15 minutes → 15 minutes. */
export const ADDRESS_POLICY: ThrottlePolicy = { maxFailures: 50, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE };

/** Seconds until the key may try again (rounded up), or null when it is not blocked. */
export function retryAfterSeconds(state: ThrottleState | null | undefined, now: Date): number | null {
  if (!state?.blocked_until) return null;
  const ms = state.blocked_until.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : null;
}

/** Whether the counted window is over (the next failure starts a new one). */
export function windowExpired(state: ThrottleState, now: Date, policy: ThrottlePolicy): boolean {
  return now.getTime() - state.window_started_at.getTime() >= policy.windowMs;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null | undefined, now: Date, policy: ThrottlePolicy): ThrottleState {
  const fresh = !state || (windowExpired(state, now, policy) && retryAfterSeconds(state, now) === null);
  const failures = fresh ? 1 : state.failures + 1;
  const window_started_at = fresh ? now : state.window_started_at;
  const stillBlocked = !fresh && state.blocked_until && state.blocked_until > now ? state.blocked_until : null;
  const blocked_until = failures >= policy.maxFailures ? new Date(now.getTime() + policy.blockMs) : stillBlocked;
  return { failures, window_started_at, blocked_until };
}

export function accountKey(username: string): string {
  return `account:${username.trim().toLowerCase().slice(0, 200)}`;
}

export function addressKey(address: string): string {
  return `address:${address.slice(0, 100)}`;
}
