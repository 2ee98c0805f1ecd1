// next-auth (v4) handles the sign-in endpoints, CSRF and the encrypted session cookie; our session table
// decides whether a cookie is still good (lib/auth/principal.ts).
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authSecret } from "@/lib/auth/auth-secret";
import { sessionIdFromCookies } from "@/lib/auth/session-cookie";
import { endSession, signInWithPassword, type SignInContext } from "@/lib/auth/sign-in";
import { signInWithUpstreamKey } from "@/lib/auth/upstream-sign-in";
import { config } from "@/lib/env/config";
import { clientAddress } from "@/lib/http/client-address";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

// Without NEXTAUTH_URL, next-auth takes the origin from the request (Next fills X-Forwarded-Host/Proto), so
// the console works on any host and port with no configuration. Behind a proxy, set NEXTAUTH_URL.
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";

let options: AuthOptions | undefined;

async function contextOf(req: { headers?: unknown } | undefined): Promise<SignInContext> {
  const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
  return {
    userAgent: headers["user-agent"] ?? null,
    address: clientAddress(headers["x-forwarded-for"]),
    previousSessionId: await sessionIdFromCookies(headers.cookie),
  };
}

/** Username and password on the embedded store; in proxy mode, an API key of the upstream (username for display). */
function credentialsProvider() {
  if (config().upstream) {
    return CredentialsProvider({
      name: "apikey",
      credentials: { apikey: { type: "password" }, username: { type: "text" } },
      async authorize(credentials, req) {
        const signedIn = await signInWithUpstreamKey(credentials?.apikey ?? "", credentials?.username ?? "", await contextOf(req));
        return signedIn ? { id: signedIn.user_id, name: signedIn.username, sid: signedIn.session_id } : null;
      },
    });
  }
  return CredentialsProvider({
    name: "password",
    credentials: { username: { type: "text" }, password: { type: "password" } },
    async authorize(credentials, req) {
      const signedIn = await signInWithPassword(credentials?.username ?? "", credentials?.password ?? "", await contextOf(req));
      if (!signedIn) return null;
      return { id: signedIn.user_id, name: signedIn.username, sid: signedIn.session_id };
    },
  });
}

export function authOptions(): AuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: config().session.maxAgeSeconds },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [credentialsProvider()],
    callbacks: {
      jwt({ token, user }) {
        if (user?.sid) token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        session.sid = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await endSession(token.sid);
      },
    },
  };
  return options;
}
