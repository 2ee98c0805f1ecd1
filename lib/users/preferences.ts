import "server-only";
import type { Principal } from "@/lib/auth/principal";
import type { Locale } from "@/lib/i18n/locales";
import { store } from "@/lib/store/store";

/** The console language a user chose (null: follow the browser). In proxy mode, for this session. */
export async function setPreferredLocale(principal: Principal, locale: Locale | null): Promise<void> {
  if (principal.upstream) {
    if (principal.session_id) await store().upstreamSessions.setLocale(principal.session_id, locale);
    return;
  }
  await store().identity.setUserLocale(principal.user_id, locale);
}
