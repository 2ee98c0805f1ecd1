import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/translator";
import { Breadcrumb, type Crumb } from "./breadcrumb";

/** A page that holds one form (create or edit a dataset or a resource): breadcrumb, heading, the form. */
export function FormPage({ t, trail, heading, children }: { t: Translate; trail?: Crumb[]; heading: string; children: ReactNode }) {
  return (
    <div className="space-y-6">
      <Breadcrumb t={t} trail={trail} />
      <h1 className="text-2xl font-semibold text-slate-900">{heading}</h1>
      {children}
    </div>
  );
}
