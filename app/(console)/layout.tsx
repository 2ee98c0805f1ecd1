import type { ReactNode } from "react";
import { AppShell, type NavItem } from "@/components/app-shell/app-shell";
import { currentPrincipal } from "@/lib/auth/current-principal";
import { getI18n } from "@/lib/i18n/server";

// Only sections that exist appear here. Each page checks access itself and sends signed-out visitors to the
// sign-in page with the way back (a layout does not know the URL); this layout is not a security gate.
const NAV: NavItem[] = [
  { href: "/datasets", label: "nav.datasets" },
  { href: "/api-keys", label: "identity.nav.api_keys" },
  { href: "/api-reference", label: "nav.api_docs" },
];
// Sections for administrators (edit_domain) only.
const ADMIN_NAV: NavItem[] = [
  { href: "/metadata-templates", label: "metadata_templates.nav" },
  { href: "/users", label: "identity.nav.users" },
  { href: "/groups", label: "identity.nav.groups" },
  { href: "/view-as", label: "view_as.nav" },
];

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const principal = await currentPrincipal();
  if (!principal) return children;
  const { t } = await getI18n();
  // proxy mode: "View as" simulates this console's own users, which an upstream does not reveal
  const adminNav = principal.upstream ? ADMIN_NAV.filter((item) => item.href !== "/view-as") : ADMIN_NAV;
  return (
    <AppShell
      nav={principal.permissions.has("edit_domain") ? [...NAV, ...adminNav] : NAV}
      username={principal.username || t("proxy.unnamed_key")}
      preferredLocale={principal.locale}
      upstream={principal.upstream?.client.origin ?? null}
    >
      {children}
    </AppShell>
  );
}
