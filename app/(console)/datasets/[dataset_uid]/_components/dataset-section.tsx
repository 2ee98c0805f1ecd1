import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/translator";
import { Breadcrumb } from "../../_components/breadcrumb";
import { DatasetTabs, type DatasetTab } from "./dataset-tabs";

/** A tab of a dataset (overview, resources, processing, publishing, records): breadcrumb, the dataset's title and id, the tabs, the tab. */
export function DatasetSection({
  t,
  dataset,
  title,
  current,
  width,
  actions,
  canManage,
  children,
}: {
  t: Translate;
  dataset: { uid: string; dataset_id: string };
  title: string;
  /** the manage right shows the Security tab */
  canManage: boolean;
  current: DatasetTab;
  width: "max-w-4xl" | "max-w-5xl" | "max-w-7xl";
  /** buttons beside the title (Edit, Delete); the overview has them */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const heading = (
    <>
      <h1 className="text-2xl font-semibold break-words text-slate-900">{title}</h1>
      <p className="mt-1 font-mono text-sm text-slate-500">{dataset.dataset_id}</p>
    </>
  );
  return (
    <div className={`${width} space-y-6`}>
      <Breadcrumb t={t} />
      {actions === undefined ? (
        <header className="min-w-0">{heading}</header>
      ) : (
        <header className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">{heading}</div>
          <div className="flex gap-2">{actions}</div>
        </header>
      )}

      <DatasetTabs uid={dataset.uid} current={current} t={t} canManage={canManage} />

      {children}
    </div>
  );
}
