"use client";
import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { UserMenu } from "@/components/app-shell/user-menu";
import { LinkPending } from "@/components/ui/link-pending";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translator";

export type NavItem = { href: string; label: MessageKey };

/** `upstream`: proxy mode, the host of the domain this console drives (shown in the shell at all times). */
export function AppShell({
  nav,
  username,
  preferredLocale,
  upstream,
  children,
}: {
  nav: NavItem[];
  username: string;
  preferredLocale: string | null;
  upstream: string | null;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  const upstreamBadge = upstream ? (
    <p className="mt-1 truncate text-xs text-slate-600" data-testid="upstream-badge" title={t("proxy.shell_title", { upstream })}>
      <span className="mr-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900">{t("proxy.shell_label")}</span>
      {upstream}
    </p>
  ) : null;

  const links = (
    <ul className="space-y-1">
      {nav.map((item) => {
        const active = pathname === item.href || pathname.startsWith(item.href + "/");
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              onClick={() => setOpen(false)}
              className={clsx(
                "block rounded-md px-3 py-2 text-sm font-medium",
                active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
              )}
            >
              {t(item.label)}
              <LinkPending />
            </Link>
          </li>
        );
      })}
    </ul>
  );

  return (
    <div className="min-h-screen lg:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("app.skip_to_content")}
      </a>
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 lg:hidden">
        <div className="min-w-0">
          <Link href="/datasets" className="font-semibold text-slate-900">
            {t("app.name")}
          </Link>
          {upstreamBadge}
        </div>
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          aria-expanded={open}
          aria-controls="mobile-nav"
          onClick={() => setOpen((v) => !v)}
        >
          {open ? t("nav.close_menu") : t("nav.open_menu")}
        </button>
      </header>
      {open ? (
        <nav id="mobile-nav" aria-label={t("nav.main")} className="border-b border-slate-200 bg-white p-3 lg:hidden">
          {links}
          <div className="mt-3 border-t border-slate-200 pt-3">
            <UserMenu username={username} preferredLocale={preferredLocale} />
          </div>
        </nav>
      ) : null}
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white lg:flex">
        <div className="px-5 py-5">
          <Link href="/datasets" className="text-base font-semibold text-slate-900">
            {t("app.name")}
          </Link>
          {upstreamBadge}
        </div>
        <nav aria-label={t("nav.main")} className="flex-1 px-3">
          {links}
        </nav>
        <div className="border-t border-slate-200 p-3">
          <UserMenu username={username} preferredLocale={preferredLocale} />
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 lg:py-8">
        {children}
      </main>
    </div>
  );
}
