// The console session's id, read from next-auth's encrypted cookie in a Cookie header. API requests are
// authenticated with it outside Next's request scope too (the production server's Explore fast path), and a
// sign-in ends the session its request still carries.
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/auth-secret";

const SESSION_COOKIES = new Set(["next-auth.session-token", "__Secure-next-auth.session-token"]);

export async function sessionIdFromCookies(cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || !SESSION_COOKIES.has(part.slice(0, eq).trim())) continue;
    try {
      const token = await decode({ token: decodeURIComponent(part.slice(eq + 1).trim()), secret: authSecret() });
      return token?.sid ?? null;
    } catch {
      return null;
    }
  }
  return null;
}
