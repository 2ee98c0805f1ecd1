import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProcessingWorkspace } from "@/components/processing/processing-workspace";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { fieldConfigurations } from "@/lib/fields/service";
import type { FieldConfiguration } from "@/lib/fields/schema";
import { getI18n } from "@/lib/i18n/server";
import { processors, processorTypes } from "@/lib/processors/service";
import type { DatasetProcessor } from "@/lib/processors/schema";
import { listResources, previewSaved } from "@/lib/resources/service";
import { consoleFeatures } from "@/lib/features/service";
import { datasetTitleForMetadata } from "../../_components/load-dataset";
import { DatasetSection } from "../_components/dataset-section";
import { loadDatasetPage } from "../_components/load-dataset-page";

type Props = { params: Promise<{ dataset_uid: string }> };

/** The API's largest page: a stack is never that long. */
const LIST_LIMIT = 1000;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const title = await datasetTitleForMetadata((await params).dataset_uid);
  return { title: title === null ? t("processing_pages.heading") : t("processing_pages.meta_title", { title }) };
}

export default async function DatasetProcessingPage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/processing`);
  const { dataset, rights, title } = await loadDatasetPage(principal, dataset_uid);
  const canEdit = rights.edit;
  const [resources, stack, fields, features] = await Promise.all([
    listResources(principal, dataset.uid, { limit: 1, offset: 0 }),
    processors.list(principal, dataset.uid, { limit: LIST_LIMIT, offset: 0 }),
    fieldConfigurations.list(principal, dataset.uid, { limit: LIST_LIMIT, offset: 0 }),
    consoleFeatures(principal),
  ]);
  // Without the per-step preview (an upstream with the official API only), the first resource's own preview
  // shows the records as extracted; a resource that cannot be read just shows none.
  const first = resources.results[0];
  const sourcePreview = !features.stepPreview && first ? await previewSaved(principal, dataset.uid, first.uid).catch(() => null) : null;
  const { t } = await getI18n();
  const resourcesHref = `/datasets/${dataset.uid}/resources`;

  return (
    <DatasetSection t={t} dataset={dataset} canManage={rights.manage} title={title} current="processing" width="max-w-7xl">
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
          types={await processorTypes(principal)}
          initialProcessors={stack.results as DatasetProcessor[]}
          initialFields={fields.results as FieldConfiguration[]}
          extensions={{ stepPreview: features.stepPreview, reorderProcessors: features.reorderProcessors, reorderFields: features.reorderFields }}
          sourcePreview={sourcePreview}
          upstream={features.upstream}
        />
      )}
    </DatasetSection>
  );
}
