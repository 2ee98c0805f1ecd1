import type { Metadata } from "next";
import Link from "next/link";
import { LanguageSwitcher } from "@/components/app-shell/language-switcher";
import { Alert } from "@/components/ui/alert";
import { getI18n } from "@/lib/i18n/server";
import { openInvitation } from "@/lib/users/invitations";
import { InvitationForm } from "./_components/invitation-form";

// Public: the token in the URL is the credential. It is only ever compared by its hash.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("identity.invitation.title"), referrer: "no-referrer" };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { t } = await getI18n();
  const invitation = await openInvitation(token);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase">{t("app.name")}</p>
          <h1 className="mt-2 text-2xl font-semibold text-slate-900">{invitation ? t("identity.invitation.title") : t("identity.invitation.invalid_title")}</h1>
          {invitation ? <p className="mt-1 text-sm text-slate-600">{t("identity.invitation.subtitle", { username: invitation.username })}</p> : null}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {invitation ? (
            <InvitationForm token={token} username={invitation.username} />
          ) : (
            <div className="space-y-4">
              <Alert tone="error">{t("identity.invitation.invalid")}</Alert>
              <Link href="/sign-in" className="text-sm text-brand-700 underline">
                {t("identity.invitation.sign_in")}
              </Link>
            </div>
          )}
        </div>
        <div className="mt-6 flex justify-center">
          <LanguageSwitcher />
        </div>
      </div>
    </main>
  );
}
