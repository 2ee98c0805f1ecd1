import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProcessingWorkspace } from "@/components/processing/processing-workspace";
import { currentPrincipal, requirePagePrincipal } from "@/lib/auth/current-principal";
import { datasetRights } from "@/lib/datasets/access";
import { fieldConfigurations } from "@/lib/fields/service";
import type { FieldConfiguration } from "@/lib/fields/schema";
import { getI18n } from "@/lib/i18n/server";
import { processors, processorTypes } from "@/lib/processors/service";
import type { DatasetProcessor } from "@/lib/processors/schema";
import { listResources } from "@/lib/resources/service";
import { loadDataset } from "../../_components/load-dataset";
import { DatasetTabs } from "../_components/dataset-tabs";

type Props = { params: Promise<{ dataset_uid: string }> };

/** The API's largest page: a stack is never that long. */
const LIST_LIMIT = 1000;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const principal = await currentPrincipal();
  if (!principal) return { title: t("processing_pages.heading") };
  const dataset = await loadDataset(principal, (await params).dataset_uid);
  return { title: t("processing_pages.meta_title", { title: String(dataset.metadata.default?.title?.value ?? dataset.dataset_id) }) };
}

export default async function DatasetProcessingPage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/processing`);
  const dataset = await loadDataset(principal, dataset_uid);
  const canEdit = datasetRights(principal, dataset).edit;
  const [resources, stack, fields] = await Promise.all([
    listResources(principal, dataset.uid, { limit: 1, offset: 0 }),
    processors.list(principal, dataset.uid, { limit: LIST_LIMIT, offset: 0 }),
    fieldConfigurations.list(principal, dataset.uid, { limit: LIST_LIMIT, offset: 0 }),
  ]);
  const { t } = await getI18n();
  const title = String(dataset.metadata.default?.title?.value ?? dataset.dataset_id);
  const resourcesHref = `/datasets/${dataset.uid}/resources`;

  return (
    <div className="max-w-7xl space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/datasets" className="text-brand-700 hover:underline">
          {t("datasets.title")}
        </Link>
      </nav>
      <header className="min-w-0">
        <h1 className="text-2xl font-semibold break-words text-slate-900">{title}</h1>
        <p className="mt-1 font-mono text-sm text-slate-500">{dataset.dataset_id}</p>
      </header>

      <DatasetTabs uid={dataset.uid} current="processing" t={t} />

      <p className="max-w-3xl text-sm text-slate-600">{t("processing_pages.intro")}</p>
      {!canEdit ? <Alert tone="info">{t("processing_pages.read_only_notice")}</Alert> : null}

      {resources.total_count === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center" data-testid="processing-empty">
          <h2 className="font-medium text-slate-800">{t("processing_pages.no_resource.title")}</h2>
          <p className="mt-1 text-sm text-slate-600">{canEdit ? t("processing_pages.no_resource.body") : t("processing_pages.no_resource.body_readonly")}</p>
          <Button asChild className="mt-4" variant={canEdit ? "primary" : "secondary"}>
            <Link href={resourcesHref}>{t("processing_pages.no_resource.link")}</Link>
          </Button>
        </div>
      ) : (
        <ProcessingWorkspace
          dataset_uid={dataset.uid}
          canEdit={canEdit}
          types={processorTypes()}
          initialProcessors={stack.results as DatasetProcessor[]}
          initialFields={fields.results as FieldConfiguration[]}
        />
      )}
    </div>
  );
}
