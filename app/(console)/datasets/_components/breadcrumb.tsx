import Link from "next/link";
import { Fragment } from "react";
import type { Translate } from "@/lib/i18n/translator";

export type Crumb = { href: string; label: string };

/** The way back from a dataset page: always the dataset list first, then `trail`, "/"-separated. */
export function Breadcrumb({ t, trail = [] }: { t: Translate; trail?: Crumb[] }) {
  return (
    <nav aria-label="breadcrumb" className={trail.length ? "flex flex-wrap gap-2 text-sm text-slate-500" : "text-sm"}>
      <Link href="/datasets" className="text-brand-700 hover:underline">
        {t("datasets.title")}
      </Link>
      {trail.map((crumb) => (
        <Fragment key={crumb.href}>
          <span aria-hidden>/</span>
          <Link href={crumb.href} className="text-brand-700 hover:underline">
            {crumb.label}
          </Link>
        </Fragment>
      ))}
    </nav>
  );
}
