import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ResourceEditor } from "@/components/resources/resource-editor";
import { currentPrincipal, requirePagePrincipal } from "@/lib/auth/current-principal";
import { config } from "@/lib/env/config";
import { getI18n } from "@/lib/i18n/server";
import { isAppError } from "@/lib/errors/app-error";
import type { Principal } from "@/lib/auth/principal";
import type { Resource } from "@/lib/resources/schema";
import { extractors, guessSavedParams } from "@/lib/resources/service";
import { FormPage } from "../../../../_components/form-page";
import { datasetTrail, loadDatasetPage } from "../../../_components/load-dataset-page";
import { loadResource } from "../../_components/load-resource";

type Props = { params: Promise<{ dataset_uid: string; resource_uid: string }> };

/**
 * The parameters the form starts from: the saved ones, and for those the resource leaves to detection (a resource
 * created through the API without them), the values detected now, so that every field shows what applies.
 */
async function initialParams(principal: Principal, dataset_uid: string, resource: Resource): Promise<Record<string, unknown>> {
  const parameters = (await extractors(principal)).find((e) => e.type === resource.type)?.parameters ?? [];
  if (parameters.every((p) => p.hidden || p.name in resource.params)) return resource.params;
  try {
    const guessed = await guessSavedParams(principal, dataset_uid, resource.uid);
    return { ...guessed.params, ...resource.params };
  } catch (error) {
    // the source cannot be read right now: the editor shows the same error in its preview
    if (isAppError(error)) return resource.params;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const principal = await currentPrincipal();
  if (!principal) return { title: t("common.edit") };
  const { dataset_uid, resource_uid } = await params;
  const resource = await loadResource(principal, dataset_uid, resource_uid);
  return { title: t("resource_pages.editor.edit_title", { title: resource.title }) };
}

export default async function EditResourcePage({ params }: Props) {
  const { dataset_uid, resource_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/resources/${resource_uid}/edit`);
  const { dataset, rights, title } = await loadDatasetPage(principal, dataset_uid);
  if (!rights.edit) forbidden();
  const resource = await loadResource(principal, dataset.uid, resource_uid);
  const { t } = await getI18n();
  const trail = [...datasetTrail(t, dataset.uid, title, { resources: true }), { href: `/datasets/${dataset.uid}/resources/${resource.uid}`, label: resource.title }];

  return (
    <FormPage t={t} trail={trail} heading={t("resource_pages.editor.edit_title", { title: resource.title })}>
      <ResourceEditor
        mode="edit"
        dataset_uid={dataset.uid}
        resource={resource}
        initialParams={await initialParams(principal, dataset.uid, resource)}
        extractors={await extractors(principal)}
        maxUploadBytes={config().maxUploadBytes}
      />
    </FormPage>
  );
}
