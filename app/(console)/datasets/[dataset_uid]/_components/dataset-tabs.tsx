import clsx from "clsx";
import Link from "next/link";
import { LinkPending } from "@/components/ui/link-pending";
import type { Translate } from "@/lib/i18n/translator";

export type DatasetTab = "overview" | "resources" | "processing" | "publishing" | "records" | "metadata" | "security";

/** The sections of a dataset as links; the current one carries aria-current="page". */
export function DatasetTabs({ uid, current, t, canManage }: { uid: string; current: DatasetTab; t: Translate; canManage: boolean }) {
  const tabs: { id: DatasetTab; href: string; label: string }[] = [
    { id: "overview", href: `/datasets/${uid}`, label: t("resource_pages.tabs.overview") },
    { id: "resources", href: `/datasets/${uid}/resources`, label: t("resource_pages.tabs.resources") },
    { id: "processing", href: `/datasets/${uid}/processing`, label: t("processing_pages.tab") },
    { id: "metadata", href: `/datasets/${uid}/metadata`, label: t("dataset_metadata.tab") },
    { id: "publishing", href: `/datasets/${uid}/publishing`, label: t("publishing_pages.tab") },
    { id: "records", href: `/datasets/${uid}/records`, label: t("records_pages.tab") },
    ...(canManage ? [{ id: "security" as const, href: `/datasets/${uid}/security`, label: t("security.tab") }] : []),
  ];
  return (
    <nav aria-label={t("resource_pages.tabs.label")} className="border-b border-slate-200">
      <ul className="-mb-px flex gap-6">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link
              href={tab.href}
              aria-current={tab.id === current ? "page" : undefined}
              className={clsx(
                "inline-flex items-center border-b-2 px-1 pb-2.5 text-sm font-medium",
                tab.id === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
              )}
            >
              {tab.label}
              <LinkPending />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
