// One served API on the reference page: what it is, its base URL, how a script authenticates (as a curl
// command), its OpenAPI document and its operations.
import type { ApiSurfaceEntry } from "@/app/api/surfaces";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { Translate } from "@/lib/i18n/translator";
import { curlExample } from "./curl-example";

const METHOD_TONE = { GET: "blue", POST: "green", PUT: "amber", DELETE: "red" } as const;

export function ApiSurfaceSection({ surface, origin, upstream, t }: { surface: ApiSurfaceEntry; origin: string; upstream: string | null; t: Translate }) {
  const headingId = `api-surface-${surface.id}`;
  return (
    <section aria-labelledby={headingId} data-testid="api-surface" data-surface={surface.id} className="space-y-3">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {t(surface.title)}
      </h2>
      {upstream && surface.proxyNote ? <Alert tone="info">{t(surface.proxyNote, { upstream })}</Alert> : null}
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-5">
        {surface.description ? <p className="text-sm text-slate-600">{t(surface.description)}</p> : null}
        <p className="text-sm text-slate-600">
          {t("api_reference.base_url")}: <code className="font-mono text-xs" data-testid="api-base-url">{`${origin}${surface.base}`}</code>
        </p>
        <h3 className="text-sm font-semibold text-slate-900">{t("api_reference.auth_title")}</h3>
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100" data-testid="api-curl-example">
          {curlExample(surface, origin)}
        </pre>
        <p className="text-sm">
          <a className="text-brand-700 underline" href={surface.openapi}>
            {t("api_reference.openapi_link")}
          </a>
        </p>
      </div>
      <Table>
        <thead>
          <tr>
            <Th>{t("api_reference.operation")}</Th>
            <Th>{t("api_reference.summary")}</Th>
            <Th>{t("api_reference.permission")}</Th>
          </tr>
        </thead>
        <tbody>
          {surface.endpoints.map((e) => (
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
    </section>
  );
}
