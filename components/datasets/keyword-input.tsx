"use client";
import { useState, type KeyboardEvent } from "react";
import { useI18n } from "@/lib/i18n/client";

/** A list of keywords as removable chips; Enter or comma adds what was typed, Backspace on empty removes the last. */
export function KeywordInput({
  id,
  value,
  onChange,
  onBlur,
  describedBy,
  invalid,
}: {
  id: string;
  value: string[];
  onChange: (next: string[]) => void;
  onBlur?: () => void;
  describedBy?: string;
  invalid?: boolean;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState("");

  const commit = () => {
    const added = draft
      .split(",")
      .map((k) => k.trim())
      .filter((k) => k && !value.includes(k));
    if (added.length) onChange([...value, ...new Set(added)]);
    setDraft("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      commit();
    } else if (event.key === "Backspace" && draft === "" && value.length) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div
      className={
        "flex min-h-10 flex-wrap items-center gap-1.5 rounded-md border bg-white px-2 py-1.5 focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-500/30 " +
        (invalid ? "border-red-500" : "border-slate-300")
      }
    >
      <ul className="contents">
        {value.map((keyword) => (
          <li key={keyword} className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-800">
            {keyword}
            <button
              type="button"
              className="text-slate-500 hover:text-slate-900"
              aria-label={t("datasets.form.keyword_remove", { keyword })}
              onClick={() => onChange(value.filter((k) => k !== keyword))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        className="min-w-32 flex-1 border-0 bg-transparent p-1 text-sm focus:outline-none"
        value={draft}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          commit();
          onBlur?.();
        }}
      />
    </div>
  );
}
