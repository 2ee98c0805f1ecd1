import "server-only";
// The origin the browser used, for links the console hands out (invitations): Next fills X-Forwarded-Host and
// X-Forwarded-Proto from the request when no proxy did. NEXTAUTH_URL, when set, wins (the public address).
import { headers } from "next/headers";

export async function requestOrigin(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}
