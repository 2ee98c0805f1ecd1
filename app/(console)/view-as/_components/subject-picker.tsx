"use client";
// Whose view to see: a kind, then one of that kind, filtered as you type. A GET form, so the choice lives in the
// URL (?as=user:alice) and the page stays a server component; the dataset being looked at stays selected.
import Form from "next/form";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { VIEW_AS_KINDS, type ViewAsSubject } from "@/lib/dataset-security/view-as-subject";
import { useI18n } from "@/lib/i18n/client";

export type SubjectOption = { kind: Exclude<ViewAsSubject["kind"], "anonymous">; value: string; label: string };

export function SubjectPicker({
  options,
  current,
  dataset,
}: {
  options: SubjectOption[];
  /** the `as` of the URL, if any */
  current: { kind: ViewAsSubject["kind"]; value: string } | null;
  dataset: string | null;
}) {
  const { t } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<ViewAsSubject["kind"]>(current?.kind ?? "user");
  const [search, setSearch] = useState("");
  const [value, setValue] = useState(current?.value ?? "");
  const needle = search.trim().toLowerCase();
  const shown = options.filter((o) => o.kind === kind && (!needle || o.label.toLowerCase().includes(needle)));
  // What the select shows is what the form sends: the current choice if it is still listed, else the first match.
  const selected = shown.some((o) => o.value === value) ? value : (shown[0]?.value ?? "");

  return (
    <Form action="/view-as" className="flex flex-wrap items-end gap-3">
      <label className="flex w-56 flex-col gap-1 text-sm font-medium text-slate-700">
        {t("view_as.picker.kind")}
        <Select value={kind} onChange={(e) => setKind(e.target.value as ViewAsSubject["kind"])}>
          {VIEW_AS_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`view_as.picker.kinds.${k}`)}
            </option>
          ))}
        </Select>
      </label>
      {kind === "anonymous" ? (
        <input type="hidden" name="as" value="anonymous" />
      ) : (
        <>
          <label className="flex w-56 flex-col gap-1 text-sm font-medium text-slate-700">
            {t("view_as.picker.search")}
            <Input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t("view_as.picker.search_placeholder")} />
          </label>
          <label className="flex w-80 max-w-full flex-col gap-1 text-sm font-medium text-slate-700">
            {t("view_as.picker.subject")}
            <Select name="as" required value={selected} onChange={(e) => setValue(e.target.value)} aria-describedby={shown.length ? undefined : `${id}-none`}>
              {shown.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </label>
          {shown.length === 0 ? (
            <p id={`${id}-none`} className="py-2 text-sm text-slate-600" role="status">
              {t("view_as.picker.no_match")}
            </p>
          ) : null}
        </>
      )}
      {dataset ? <input type="hidden" name="dataset" value={dataset} /> : null}
      <Button type="submit" disabled={kind !== "anonymous" && !selected}>
        {t("view_as.picker.submit")}
      </Button>
    </Form>
  );
}
