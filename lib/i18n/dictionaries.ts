import { en, type Messages } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import type { Locale } from "@/lib/i18n/locales";

export const dictionaries: Record<Locale, Messages> = { en, fr };
