import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth-options";
import { signInRetryAfter } from "@/lib/auth/sign-in-throttle";
import { upstreamKeyThrottleName } from "@/lib/auth/upstream-sign-in";
import { config } from "@/lib/env/config";
import { renderText } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/client-address";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * A credentials sign-in while its account (proxy mode: its key) or address is throttled: 429 with Retry-After, before any password
 * check. The body keeps next-auth's `url` (its client reads the error from it) beside our error shape.
 */
async function throttled(request: Request, path: string[]): Promise<Response | null> {
  if (request.method !== "POST" || path.join("/") !== "callback/credentials") return null;
  const form = await request.clone().formData().catch(() => null);
  // proxy mode signs in with an upstream API key: its failures are counted under its fingerprint
  const name = config().upstream ? upstreamKeyThrottleName(String(form?.get("apikey") ?? "")) : String(form?.get("username") ?? "").trim();
  const retryAfter = await signInRetryAfter(name, clientAddress(request.headers.get("x-forwarded-for")));
  if (retryAfter === null) return null;
  const url = new URL("/sign-in?error=TooManyAttempts", request.url).toString();
  const message = renderText({ key: "identity.sign_in.too_many_attempts" });
  return Response.json({ error_code: "too_many_requests", message, url }, { status: 429, headers: { "Retry-After": String(retryAfter), "Cache-Control": "no-store" } });
}

async function handler(request: Request, context: Context) {
  const params = await context.params;
  const refused = await throttled(request, params.nextauth);
  if (refused) return refused;
  return NextAuth(request as never, { params } as never, authOptions());
}

export { handler as GET, handler as POST };
