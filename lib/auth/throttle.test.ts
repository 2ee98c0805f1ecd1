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

  it("doubles the block at each failure past the limit, up to the policy's longest", () => {
    const growing: ThrottlePolicy = { maxFailures: 3, windowMs: 3_600_000, blockMs: 60_000, maxBlockMs: 300_000 };
    let state: ThrottleState | null = null;
    const blocks: number[] = [];
    for (let i = 0, t = 0; i < 7; i++) {
      state = afterFailure(state, at(t), growing);
      if (state.blocked_until) {
        blocks.push((state.blocked_until.getTime() - at(t).getTime()) / 1000);
        t = (state.blocked_until.getTime() - at(0).getTime()) / 1000; // the next try once the block is over
      } else t += 1;
    }
    expect(blocks).toEqual([60, 120, 240, 300, 300]);
  });

  it("keys an account per address (never alone), case-insensitively, and addresses as given", () => {
    expect(accountKey("  Louise.Data ", "203.0.113.9")).toBe("account:203.0.113.9:louise.data");
    expect(accountKey("louise.data", "198.51.100.1")).not.toBe(accountKey("louise.data", "203.0.113.9"));
    expect(addressKey("2001:db8:1:2::/64")).toBe("address:2001:db8:1:2::/64");
  });
});
