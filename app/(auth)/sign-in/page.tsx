import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentPrincipal } from "@/lib/auth/current-principal";
import { upstreamHost } from "@/lib/env/upstream-host";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { getI18n } from "@/lib/i18n/server";
import { LanguageSwitcher } from "@/components/app-shell/language-switcher";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("sign_in.title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await currentPrincipal()) redirect(returnTo);
  const { t } = await getI18n();
  const upstream = upstreamHost();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase">{t("app.name")}</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("sign_in.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{upstream ? t("sign_in.proxy_subtitle", { upstream }) : t("sign_in.subtitle")}</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm returnTo={returnTo} expired={params.error === "SessionRequired"} upstream={upstream} />
        </div>
        <div className="mt-6 flex justify-center">
          <LanguageSwitcher />
        </div>
      </div>
    </main>
  );
}
