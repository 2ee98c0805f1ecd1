import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { forbidden } from "next/navigation";
import { canManageIdentities } from "@/lib/users/access";
import { canViewAs, viewAs, type SimulatedSubject, type ViewAsResult } from "@/lib/dataset-security/view-as";
import { formatViewAsSubject, parseViewAsSubject } from "@/lib/dataset-security/view-as-subject";
import { isAppError } from "@/lib/errors/app-error";
import { getI18n } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translator";
import { OPTIONS_PER_KIND, subjectOptions } from "./_components/subject-options";
import { SubjectPicker } from "./_components/subject-picker";
import { ViewedDatasetDetail } from "./_components/viewed-dataset-detail";
import { ViewedDatasetsTable } from "./_components/viewed-datasets-table";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("view_as.title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

function subjectName(simulated: SimulatedSubject, t: Translate): string {
  switch (simulated.subject.kind) {
    case "anonymous":
      return t("view_as.subject.anonymous");
    case "user":
      return t("view_as.subject.user", { name: simulated.label });
    case "group":
      return t("view_as.subject.group", { name: simulated.label });
    case "apikey":
      return t("view_as.subject.apikey", { label: simulated.label, owner: simulated.owner ?? "" });
  }
}

/** Administrators see the datasets, fields and records of anyone (or of nobody signed in), and why. */
export default async function ViewAsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const as = one(raw.as).slice(0, 256);
  const datasetId = one(raw.dataset).slice(0, 200) || null;
  const query = new URLSearchParams({ ...(as ? { as } : {}), ...(datasetId ? { dataset: datasetId } : {}) });
  const principal = await requirePagePrincipal(`/view-as${query.size ? `?${query}` : ""}`);
  const { t, locale } = await getI18n();
  if (principal.upstream && canManageIdentities(principal)) {
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold text-slate-900">{t("view_as.title")}</h1>
        <Alert tone="info">{t("proxy.view_as_unavailable", { upstream: principal.upstream.client.origin })}</Alert>
      </div>
    );
  }
  if (!canViewAs(principal)) forbidden();
  const subject = parseViewAsSubject(as);

  const [{ options, truncated }, result] = await Promise.all([
    subjectOptions(principal, t),
    subject
      ? viewAs(principal, subject, datasetId ?? undefined).catch((error: unknown): ViewAsResult | "not_found" => {
          if (isAppError(error) && error.code === "not_found") return "not_found";
          throw error;
        })
      : null,
  ]);
  const current = subject ? { kind: subject.kind, value: formatViewAsSubject(subject) } : null;
  // A subject named by the URL but beyond the listed ones stays selectable.
  if (current && current.kind !== "anonymous" && result && result !== "not_found" && !options.some((o) => o.value === current.value)) {
    options.unshift({ kind: current.kind, value: current.value, label: result.subject.label });
  }
  const name = result && result !== "not_found" ? subjectName(result.subject, t) : "";
  const asParam = subject ? formatViewAsSubject(subject) : "";
  const datasetHref = (dataset_id: string) => `/view-as?${new URLSearchParams({ as: asParam, dataset: dataset_id })}#view-as-detail`;

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("view_as.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("view_as.intro")}</p>
      </header>

      <section aria-labelledby="view-as-picker" className="space-y-3">
        <h2 id="view-as-picker" className="text-lg font-semibold text-slate-900">
          {t("view_as.picker.heading")}
        </h2>
        <SubjectPicker options={options} current={current} dataset={datasetId} />
        {truncated ? <p className="text-xs text-slate-600">{t("view_as.picker.truncated", { count: OPTIONS_PER_KIND })}</p> : null}
      </section>

      {as && !subject ? <Alert tone="warning">{t("view_as.invalid")}</Alert> : null}
      {result === "not_found" ? <Alert tone="warning">{t("view_as.not_found")}</Alert> : null}

      {result && result !== "not_found" ? (
        <section aria-labelledby="view-as-results" className="space-y-4">
          <h2 id="view-as-results" className="text-lg font-semibold text-slate-900" data-testid="view-as-subject">
            {t("view_as.viewing", { name })}
          </h2>
          <SubjectNotices simulated={result.subject} t={t} />
          {result.subject.state === "active" ? (
            <>
              <section aria-labelledby="view-as-datasets" className="space-y-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 id="view-as-datasets" className="font-semibold text-slate-900">
                    {t("view_as.datasets.heading")}
                  </h3>
                  <p className="text-sm text-slate-600">
                    {result.datasets.length === 1 ? t("view_as.datasets.count_one") : t("view_as.datasets.count", { count: result.datasets.length.toLocaleString(locale) })}
                  </p>
                </div>
                <ViewedDatasetsTable datasets={result.datasets} name={name} selected={datasetId} href={datasetHref} t={t} locale={locale} />
              </section>
              {result.detail ? (
                <div id="view-as-detail" className="scroll-mt-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
                  <ViewedDatasetDetail detail={result.detail} name={name} closeHref={`/view-as?${new URLSearchParams({ as: asParam })}`} t={t} locale={locale} />
                </div>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function SubjectNotices({ simulated, t }: { simulated: SimulatedSubject; t: Translate }) {
  const notices: { key: string; text: string; tone: "info" | "warning" }[] = [];
  if (simulated.state !== "active") notices.push({ key: "state", text: t(`view_as.state.${simulated.state}`), tone: "warning" });
  if (simulated.state === "active" && simulated.expired) notices.push({ key: "expired", text: t("view_as.state.expired"), tone: "warning" });
  if (simulated.subject.kind === "group") notices.push({ key: "group", text: t("view_as.state.group"), tone: "info" });
  return (
    <>
      {notices.map((n) => (
        <Alert key={n.key} tone={n.tone}>
          {n.text}
        </Alert>
      ))}
      {simulated.state === "disabled" ? (
        <Link href="/view-as?as=anonymous" className="text-sm text-brand-700 underline">
          {t("view_as.state.see_anonymous")}
        </Link>
      ) : null}
    </>
  );
}
