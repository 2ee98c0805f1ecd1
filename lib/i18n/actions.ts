"use server";
import { cookies } from "next/headers";
import { z } from "zod";
import { currentPrincipal } from "@/lib/auth/current-principal";
import { LOCALES, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { setPreferredLocale } from "@/lib/users/preferences";

// null: forget the choice and follow the browser's languages again.
const localeSchema = z.enum(LOCALES).nullable();

/** Remembers the chosen language: in a cookie for everyone, and on the account when signed in. */
export async function setLocaleAction(input: unknown): Promise<{ ok: boolean }> {
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) return { ok: false };
  const jar = await cookies();
  if (parsed.data) jar.set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: false });
  else jar.delete(LOCALE_COOKIE);
  const principal = await currentPrincipal();
  if (principal) await setPreferredLocale(principal, parsed.data);
  return { ok: true };
}
