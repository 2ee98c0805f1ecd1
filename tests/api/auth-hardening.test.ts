// Sign-in and session hardening through the real next-auth endpoints: throttling per account and per address
// (429 + Retry-After), no account enumeration, session rotation at sign-in, idle and absolute timeouts, and
// disabling a user ending their sessions and keys at once.
import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../support/fixtures";
import { dbFor } from "@/lib/db/client";
import { config } from "@/lib/env/config";

const backend = inject("backend");

/**
 * A documentation address (RFC 3849) of its own for each call, so address counts never mix between tests. A spoofed
 * first entry shows that only the last one (the nearest hop's) counts.
 */
const address = () => `198.51.100.7, 2001:db8:${randomInt(0, 0xffff).toString(16)}:${randomInt(0, 0xffff).toString(16)}::1`;

type Attempt = { status: number; body: Record<string, unknown> | null; cookie: string | null; retryAfter: string | null; ms: number };

async function attempt(username: string, password: string, options: { forwardedFor?: string; cookie?: string } = {}): Promise<Attempt> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const line of r.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const headers: Record<string, string> = options.forwardedFor ? { "X-Forwarded-For": options.forwardedFor } : {};
  const csrf = await fetch(`${backend.baseUrl}/api/auth/csrf`, { headers });
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = [options.cookie, ...[...jar].map(([k, v]) => `${k}=${v}`)].filter(Boolean).join("; ");
  const started = performance.now();
  const response = await fetch(`${backend.baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const ms = performance.now() - started;
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  const session = response.headers.getSetCookie().find((c) => c.includes("next-auth.session-token="));
  return { status: response.status, body, cookie: session ? session.split(";")[0]! : null, retryAfter: response.headers.get("retry-after"), ms };
}

const api = (cookie: string) => fetch(`${backend.baseUrl}/api/automation/v1/datasets/?limit=0`, { headers: { Cookie: cookie } });

describe.skipIf(!!backend.skipReason)(`sign-in hardening (${backend.provider})`, () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createTestUser({ prefix: "hardened", permissions: ["create_dataset"] });
  });

  it("throttles an account from one address after 10 failures (429, Retry-After of a minute), without locking it out elsewhere", async () => {
    const victim = await createTestUser({ prefix: "throttled" });
    const attacker = address();
    for (let i = 0; i < 10; i++) {
      const failed = await attempt(victim.username, "wrong-password", { forwardedFor: attacker });
      expect(failed.status, `attempt ${i + 1}`).not.toBe(429);
      expect(failed.cookie).toBeNull();
    }
    const blocked = await attempt(victim.username, victim.password, { forwardedFor: attacker });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error_code: "too_many_requests", message: expect.any(String), url: expect.stringContaining("error=TooManyAttempts") });
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(60);
    // the real user, with the right password from another address, signs in: a flood never locks anyone out
    expect((await attempt(victim.username, victim.password, { forwardedFor: address() })).cookie).not.toBeNull();
    // another account from the attacker's address is not affected either
    expect((await attempt(user.username, user.password, { forwardedFor: attacker })).cookie).not.toBeNull();
  });

  it("throttles an address after 50 failures across accounts, and only that address", async () => {
    const from = address();
    for (let i = 0; i < 50; i++) expect((await attempt(uniqueName("nobody"), "wrong-password", { forwardedFor: from })).status).not.toBe(429);
    const blocked = await attempt(user.username, user.password, { forwardedFor: from });
    expect(blocked.status).toBe(429);
    expect(blocked.retryAfter).toMatch(/^\d+$/);
    expect((await attempt(user.username, user.password, { forwardedFor: address() })).cookie).not.toBeNull();
  });

  it("answers an unknown user and a wrong password the same way, in similar time", async () => {
    const timings = { unknown: [] as number[], wrong: [] as number[] };
    let unknownBody: unknown;
    let wrongBody: unknown;
    for (let i = 0; i < 5; i++) {
      const unknown = await attempt(uniqueName("ghost"), "wrong-password", { forwardedFor: address() });
      const wrong = await attempt(user.username, `wrong-password-${i}`, { forwardedFor: address() });
      expect([unknown.status, unknown.cookie]).toEqual([wrong.status, wrong.cookie]);
      unknownBody = unknown.body;
      wrongBody = wrong.body;
      timings.unknown.push(unknown.ms);
      timings.wrong.push(wrong.ms);
    }
    expect(unknownBody).toEqual(wrongBody);
    expect(String((wrongBody as { url: string }).url)).toContain("error=CredentialsSignin");
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
    const ratio = median(timings.unknown) / median(timings.wrong);
    // loose bounds (other suites share the machine): skipping the password hash for unknown users would make it ~0.05
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
    // the successful sign-in cleared the account's count: the wrong passwords above do not lock it
    expect((await attempt(user.username, user.password, { forwardedFor: address() })).cookie).not.toBeNull();
  });

  it("rotates the session at sign-in: the cookie from before stops working", async () => {
    const first = await attempt(user.username, user.password, { forwardedFor: address() });
    expect(first.cookie).not.toBeNull();
    expect((await api(first.cookie!)).status).toBe(200);
    const second = await attempt(user.username, user.password, { forwardedFor: address(), cookie: first.cookie! });
    expect(second.cookie).not.toBeNull();
    expect(second.cookie).not.toBe(first.cookie);
    expect((await api(first.cookie!)).status).toBe(401);
    expect((await api(second.cookie!)).status).toBe(200);
  });

  it("ends a session after the idle timeout and after its absolute lifetime", async () => {
    const db = dbFor(config().database);
    const idle = await createTestUser({ prefix: "idle" });
    const a = await attempt(idle.username, idle.password, { forwardedFor: address() });
    expect((await api(a.cookie!)).status).toBe(200);
    const idleMs = config().session.idleSeconds * 1000;
    await db.session.updateMany({ where: { user_id: idle.user_id, revoked_at: null }, data: { last_seen_at: new Date(Date.now() - idleMs - 60_000) } });
    expect((await api(a.cookie!)).status).toBe(401);
    const b = await attempt(idle.username, idle.password, { forwardedFor: address() });
    expect((await api(b.cookie!)).status).toBe(200);
    await db.session.updateMany({ where: { user_id: idle.user_id, revoked_at: null }, data: { expires_at: new Date(Date.now() - 1000) } });
    expect((await api(b.cookie!)).status).toBe(401);
  });

  it("disabling a user ends their sessions and stops their keys at once; enabling restores keys, not sessions", async () => {
    const { principalFromApiKey } = await import("@/lib/auth/principal");
    const { setUserActive } = await import("@/lib/users/service");
    const target = await createTestUser({ prefix: "disabled", permissions: ["create_dataset"] });
    const session = await attempt(target.username, target.password, { forwardedFor: address() });
    const key = apiClient(backend.baseUrl, target.apiKey);
    expect((await api(session.cookie!)).status).toBe(200);
    expect((await key.get("/datasets/?limit=0")).status).toBe(200);
    const admin = (await principalFromApiKey(backend.adminKey))!;
    await setUserActive(admin, target.username, false);
    expect((await api(session.cookie!)).status).toBe(401);
    expect((await key.get("/datasets/?limit=0")).status).toBe(401);
    expect((await attempt(target.username, target.password, { forwardedFor: address() })).cookie).toBeNull();
    const sessions = await dbFor(config().database).session.findMany({ where: { user_id: target.user_id } });
    expect(sessions.every((s) => s.revoked_at !== null)).toBe(true);
    await setUserActive(admin, target.username, true);
    expect((await key.get("/datasets/?limit=0")).status).toBe(200);
    expect((await api(session.cookie!)).status).toBe(401);
  });
});
