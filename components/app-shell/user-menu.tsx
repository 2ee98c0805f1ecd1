"use client";
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Menu, MenuItem, MenuLabel, MenuRadioGroup, MenuRadioItem, MenuSeparator } from "@/components/ui/dropdown-menu";
import { setLocaleAction } from "@/lib/i18n/actions";
import { useI18n } from "@/lib/i18n/client";
import { LOCALES } from "@/lib/i18n/locales";

const BROWSER = "browser";

/** `preferredLocale`: the language saved on the account, null when the console follows the browser. */
export function UserMenu({ username, preferredLocale }: { username: string; preferredLocale: string | null }) {
  const { t } = useI18n();
  const router = useRouter();
  const [, startTransition] = useTransition();
  return (
    <Menu
      trigger={
        <button
          type="button"
          aria-label={t("nav.account_menu", { username })}
          className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100"
          data-testid="user-menu"
        >
          <span aria-hidden className="flex size-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700 uppercase">
            {username.slice(0, 2)}
          </span>
          <span className="truncate">{username}</span>
        </button>
      }
    >
      <MenuLabel>{t("nav.signed_in_as", { username })}</MenuLabel>
      <MenuSeparator />
      <MenuLabel>{t("nav.language")}</MenuLabel>
      <MenuRadioGroup
        value={preferredLocale ?? BROWSER}
        onValueChange={(value) =>
          startTransition(async () => {
            await setLocaleAction(value === BROWSER ? null : value);
            router.refresh();
          })
        }
      >
        {LOCALES.map((l) => (
          <MenuRadioItem key={l} value={l}>
            {t(`locale_names.${l}`)}
          </MenuRadioItem>
        ))}
        <MenuRadioItem value={BROWSER}>{t("nav.language_browser")}</MenuRadioItem>
      </MenuRadioGroup>
      <MenuSeparator />
      <MenuItem
        onSelect={async () => {
          await signOut({ redirect: false });
          router.replace("/sign-in");
          router.refresh();
        }}
      >
        {t("nav.sign_out")}
      </MenuItem>
    </Menu>
  );
}
