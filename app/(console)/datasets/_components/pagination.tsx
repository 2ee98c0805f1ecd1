import Link from "next/link";
import type { Translate } from "@/lib/i18n/translator";
import { listHref, type ListParams } from "./list-params";

export function Pagination({ params, total, t }: { params: ListParams; total: number; t: Translate }) {
  const pages = Math.max(1, Math.ceil(total / params.size));
  const from = total === 0 ? 0 : (params.page - 1) * params.size + 1;
  const to = Math.min(total, params.page * params.size);
  const link = "inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-700 hover:bg-slate-100";
  const disabled = "inline-flex h-9 items-center rounded-md border border-slate-200 px-3 text-sm text-slate-400";
  return (
    <nav aria-label={t("datasets.pagination")} className="flex flex-col items-center justify-between gap-3 sm:flex-row">
      <p className="text-sm text-slate-600">{t("datasets.showing", { from, to, total })}</p>
      <div className="flex items-center gap-2">
        {params.page > 1 ? (
          <Link className={link} href={listHref(params, { page: params.page - 1 })} rel="prev">
            {t("common.previous")}
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            {t("common.previous")}
          </span>
        )}
        <span className="px-2 text-sm text-slate-600">{t("datasets.page_of", { page: Math.min(params.page, pages), pages })}</span>
        {params.page < pages ? (
          <Link className={link} href={listHref(params, { page: params.page + 1 })} rel="next">
            {t("common.next")}
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            {t("common.next")}
          </span>
        )}
      </div>
    </nav>
  );
}
