import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { SecurityGrid } from "@/components/dataset-security/security-grid";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { allRulesets, securableFieldNames } from "@/lib/dataset-security/service";
import { getI18n } from "@/lib/i18n/server";
import { datasetTitleForMetadata } from "../../_components/load-dataset";
import { DatasetSection } from "../_components/dataset-section";
import { loadDatasetPage } from "../_components/load-dataset-page";

type Props = { params: Promise<{ dataset_uid: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const title = await datasetTitleForMetadata((await params).dataset_uid);
  return { title: title === null ? t("security.heading") : t("security.meta_title", { title }) };
}

/** The security grid: the restriction, the default security and the rulesets, for those who manage the dataset. */
export default async function DatasetSecurityPage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/security`);
  const { dataset, rights, title } = await loadDatasetPage(principal, dataset_uid);
  if (!rights.manage) forbidden();
  const [rulesets, fields] = await Promise.all([allRulesets(principal, dataset.uid), securableFieldNames(principal, dataset.uid)]);
  const { t } = await getI18n();

  return (
    <DatasetSection t={t} dataset={dataset} canManage={rights.manage} title={title} current="security" width="max-w-7xl">
      <SecurityGrid
        dataset_uid={dataset.uid}
        dataset_id={dataset.dataset_id}
        is_restricted={dataset.is_restricted}
        default_security={dataset.default_security}
        fields={fields}
        canViewAs={principal.permissions.has("edit_domain")}
        rulesets={rulesets.map((r) => ({
          target: r.target.kind === "user" ? { kind: "user", username: r.target.username } : { kind: "group", group_uid: r.target.group_uid, title: r.target.title },
          security: r.security,
          permissions: r.permissions,
        }))}
      />
    </DatasetSection>
  );
}
