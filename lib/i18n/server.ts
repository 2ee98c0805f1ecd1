import "server-only";
// The language of a request: the user's saved preference, else the language cookie, else the browser's.
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { currentPrincipal } from "@/lib/auth/current-principal";
import { dictionaries } from "@/lib/i18n/dictionaries";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translator";

export const requestLocale = cache(async (): Promise<Locale> => {
  const principal = await currentPrincipal();
  if (principal?.locale) return principal.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale((await headers()).get("accept-language"));
});

export async function getI18n() {
  const locale = await requestLocale();
  const messages = dictionaries[locale];
  return { locale, messages, t: createTranslator(messages) };
}
