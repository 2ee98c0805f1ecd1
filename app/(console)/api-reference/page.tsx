import type { Metadata } from "next";
import { headers } from "next/headers";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { upstreamHost } from "@/lib/env/upstream-host";
import { getI18n } from "@/lib/i18n/server";
import { automationEndpoints } from "@/app/api/automation/_endpoints";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("nav.api_docs") };
}

const METHOD_TONE = { GET: "blue", POST: "green", PUT: "amber", DELETE: "red" } as const;

export default async function ApiReferencePage() {
  await requirePagePrincipal("/api-reference");
  const { t } = await getI18n();
  const host = (await headers()).get("host") ?? "localhost:3000";
  const base = `http://${host}/api/automation/v1`;
  const upstream = upstreamHost();
  return (
    <div className="max-w-5xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("api_reference.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("api_reference.intro")}</p>
      </header>
      {upstream ? <Alert tone="info">{t("proxy.api_relayed", { upstream })}</Alert> : null}
      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-sm font-semibold text-slate-900">{t("api_reference.auth_title")}</h2>
        <p className="text-sm text-slate-600">{t("api_reference.auth_body")}</p>
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          {`curl -H "Authorization: Apikey <your key>" ${base}/datasets/`}
        </pre>
        <p className="text-sm">
          <a className="text-brand-700 underline" href="/api/automation/v1/openapi.json">
            {t("api_reference.openapi_link")}
          </a>
        </p>
      </section>
      <Table>
        <thead>
          <tr>
            <Th>{t("api_reference.operation")}</Th>
            <Th>{t("api_reference.summary")}</Th>
            <Th>{t("api_reference.permission")}</Th>
          </tr>
        </thead>
        <tbody>
          {automationEndpoints.map((e) => (
            <tr key={`${e.method} ${e.path}`}>
              <Td className="whitespace-nowrap">
                <Badge tone={METHOD_TONE[e.method]}>{e.method}</Badge> <code className="font-mono text-xs">{e.path}</code>
              </Td>
              <Td>{e.summary}</Td>
              <Td className="text-xs text-slate-600">
                {e.access.kind === "public" ? t("api_reference.public") : e.access.anyOf ? e.access.anyOf.join(", ") : t("api_reference.scoped")}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
