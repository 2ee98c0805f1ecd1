// HTTP Basic with a console username and password (`curl -u user:pass`), as the Management API v2 documents it.
// Failures count against the same throttle as the sign-in form, per account and per address. A password is
// checked with scrypt (~100 ms) once a minute per credential pair at most: a script sending the same pair on each
// call is answered from a fingerprint tied to the stored hash, so a changed password or a disabled account still
// applies on the next request.
import { createHmac, randomBytes } from "node:crypto";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { userPrincipal, type Principal } from "@/lib/auth/principal";
import { recordSignInFailure, recordSignInSuccess, signInRetryAfter } from "@/lib/auth/sign-in-throttle";
import { config } from "@/lib/env/config";
import { AppError, msg } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/client-address";
import { store } from "@/lib/store/store";

const VERIFIED_FOR_MS = 60_000;
const CACHE_SIZE = 1_000;

type Verified = { at: number; password_hash: string };
const globalForBasic = globalThis as unknown as { __dpcBasicVerified?: Map<string, Verified>; __dpcBasicPepper?: Buffer };

function fingerprint(username: string, password: string): string {
  globalForBasic.__dpcBasicPepper ??= randomBytes(32);
  return createHmac("sha256", globalForBasic.__dpcBasicPepper).update(`${username}\u0000${password}`).digest("hex");
}

/** `user:pass` of an `Authorization: Basic …` header; undefined without one, null when it cannot be read. */
export function basicCredentials(authorization: string | null): { username: string; password: string } | null | undefined {
  if (!authorization) return undefined;
  const match = /^\s*basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization);
  if (!match) return /^\s*basic\b/i.test(authorization) ? null : undefined;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function refused(): AppError {
  return new AppError("unauthorized", msg("errors.invalid_basic_credentials"), { headers: { "WWW-Authenticate": 'Basic realm="api"' } });
}

/** The principal of a username and password; throws 401 (wrong pair), 429 (throttled) and never says which part was wrong. */
export async function principalFromBasic(request: Request, username: string, password: string, now = new Date()): Promise<Principal> {
  // In proxy mode the upstream decides who is who, and it knows its users' keys, not their passwords.
  if (config().upstream) throw new AppError("unauthorized", msg("errors.basic_auth_proxy_mode"));
  const name = username.trim();
  if (!name || !password || password.length > 1024 || name.length > 150 || name.includes("\u0000") || password.includes("\u0000")) throw refused();
  const address = clientAddress(request.headers.get("x-forwarded-for"));
  const wait = await signInRetryAfter(name, address, now);
  if (wait !== null) throw new AppError("too_many_requests", msg("errors.sign_in_throttled", { seconds: wait }), { headers: { "Retry-After": String(wait) } });

  const found = await store().identity.findUserForSignIn(name);
  if (!found || !found.password_hash || !found.user.is_active) {
    await verifyPassword(password, await dummyPasswordHash());
    await recordSignInFailure(name, address, now);
    throw refused();
  }
  globalForBasic.__dpcBasicVerified ??= new Map();
  const cache = globalForBasic.__dpcBasicVerified;
  const print = fingerprint(name, password);
  const known = cache.get(print);
  if (!known || known.password_hash !== found.password_hash || now.getTime() - known.at > VERIFIED_FOR_MS) {
    if (!(await verifyPassword(password, found.password_hash))) {
      cache.delete(print);
      await recordSignInFailure(name, address, now);
      throw refused();
    }
    await recordSignInSuccess(name, address);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(print, { at: now.getTime(), password_hash: found.password_hash });
  }
  return userPrincipal(found.user, now);
}
