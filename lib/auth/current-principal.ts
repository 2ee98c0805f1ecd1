import "server-only";
// The signed-in console user, for pages and server actions. Checked against our session table on every
// request (not only by a middleware: cf. CVE-2025-29927).
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/next-auth-options";
import { principalFromSession, type Principal } from "@/lib/auth/principal";

export const currentPrincipal = cache(async (): Promise<Principal | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  return principalFromSession(session.sid);
});

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back to `returnTo`. */
export async function requirePagePrincipal(returnTo: string): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return principal;
}

/** For pages: renders the 403 page unless `allowed` holds for the signed-in user. */
export async function requirePageAccess(returnTo: string, allowed: (principal: Principal) => boolean): Promise<Principal> {
  const principal = await requirePagePrincipal(returnTo);
  if (!allowed(principal)) forbidden();
  return principal;
}
