import { describe, expect, it } from "vitest";
import { accountKey, addressKey, afterFailure, retryAfterSeconds, type ThrottlePolicy, type ThrottleState } from "@/lib/auth/throttle";

const policy: ThrottlePolicy = { maxFailures: 3, windowMs: 60_000, blockMs: 120_000 };
const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));

function run(failureTimes: number[]): ThrottleState {
  let state: ThrottleState | null = null;
  for (const t of failureTimes) state = afterFailure(state, at(t), policy);
  return state!;
}

describe("sign-in throttling", () => {
  it("counts failures in a window and blocks when the limit is reached", () => {
    expect(run([0, 10])).toMatchObject({ failures: 2, blocked_until: null });
    const blocked = run([0, 10, 20]);
    expect(blocked).toMatchObject({ failures: 3, blocked_until: at(140) });
    expect(retryAfterSeconds(blocked, at(20))).toBe(120);
    expect(retryAfterSeconds(blocked, at(139.5))).toBe(1);
    expect(retryAfterSeconds(blocked, at(140))).toBeNull();
  });

  it("starts a new window once the old one is over", () => {
    const state = run([0, 10, 61]);
    expect(state).toMatchObject({ failures: 1, window_started_at: at(61), blocked_until: null });
  });

  it("keeps a block running even when its window is over, and extends it on further failures", () => {
    const blocked = run([0, 10, 20, 70]);
    expect(blocked.failures).toBe(4);
    expect(blocked.blocked_until).toEqual(at(190));
    // after the block, a failure starts afresh
    expect(afterFailure(blocked, at(200), policy)).toMatchObject({ failures: 1, blocked_until: null });
  });

  it("is not blocked without state or block", () => {
    expect(retryAfterSeconds(null, at(0))).toBeNull();
    expect(retryAfterSeconds({ failures: 2, window_started_at: at(0), blocked_until: null }, at(0))).toBeNull();
  });

  it("keys accounts case-insensitively and addresses as given", () => {
    expect(accountKey("  Louise.Data ")).toBe("account:louise.data");
    expect(addressKey("2001:db8:1:2::/64")).toBe("address:2001:db8:1:2::/64");
  });
});
