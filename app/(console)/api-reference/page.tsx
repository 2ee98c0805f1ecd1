import type { Metadata } from "next";
import { headers } from "next/headers";
import { apiSurfaces } from "@/app/api/surfaces";
import { Alert } from "@/components/ui/alert";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { upstreamHost } from "@/lib/env/upstream-host";
import { getI18n } from "@/lib/i18n/server";
import { ApiSurfaceSection } from "./_components/api-surface-section";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("nav.api_docs") };
}

// Every API this console serves (app/api/surfaces.ts), one section each.
export default async function ApiReferencePage() {
  await requirePagePrincipal("/api-reference");
  const { t } = await getI18n();
  const host = (await headers()).get("host") ?? "localhost:3000";
  const origin = `http://${host}`;
  const upstream = upstreamHost();
  return (
    <div className="max-w-5xl space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("api_reference.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("api_reference.intro")}</p>
      </header>
      {upstream ? <Alert tone="info">{t("proxy.api_relayed", { upstream })}</Alert> : null}
      <nav aria-label={t("api_reference.contents")}>
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {apiSurfaces.map((surface) => (
            <li key={surface.id}>
              <a className="text-brand-700 underline" href={`#api-surface-${surface.id}`}>
                {t(surface.title)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {apiSurfaces.map((surface) => (
        <ApiSurfaceSection key={surface.id} surface={surface} origin={origin} upstream={upstream} t={t} />
      ))}
    </div>
  );
}
