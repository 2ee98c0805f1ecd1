// Sign-in throttling, the decision part (lib/auth/sign-in-throttle.ts stores the counts): failures are counted
// per key in a fixed window; reaching the limit blocks the key for `blockMs`, and each further failure in the
// window (once the block is over) for twice as long as the last, up to `maxBlockMs`.
// Two keys per attempt: the account *from that address* (whether the account exists or not, so the answer says
// nothing about existence), and the address alone. Never the account alone: then anyone could keep any user out by
// failing on purpose, and a flood from one address must not stop the same user signing in from elsewhere.
// Pure functions: unit-tested without a clock or a database.
export type ThrottlePolicy = { maxFailures: number; windowMs: number; blockMs: number; maxBlockMs?: number };
export type ThrottleState = { failures: number; window_started_at: Date; blocked_until: Date | null };

const MINUTE = 60_000;

/** One account from one address: 10 failures in 15 minutes → 1 minute, then 2, 4, 8, 15 at each further failure. */
export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 10, windowMs: 15 * MINUTE, blockMs: MINUTE, maxBlockMs: 15 * MINUTE };
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
  const beyond = failures - policy.maxFailures;
  const blockMs = Math.min(policy.blockMs * 2 ** Math.max(0, beyond), policy.maxBlockMs ?? policy.blockMs);
  const blocked_until = beyond >= 0 ? new Date(now.getTime() + blockMs) : stillBlocked;
  return { failures, window_started_at, blocked_until };
}

/** The account as tried from one address (see the top of this file for why never the account alone). */
export function accountKey(username: string, address: string): string {
  return `account:${address.slice(0, 100)}:${username.trim().toLowerCase().slice(0, 200)}`;
}

export function addressKey(address: string): string {
  return `address:${address.slice(0, 100)}`;
}
