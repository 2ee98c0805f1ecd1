"use client";
// Where a file is chosen: a drop target that is also a button opening the file picker, so the keyboard and
// screen readers get the same thing as the mouse. The <input type=file> itself stays out of the tab order.
import clsx from "clsx";
import { useId, useRef, useState, type DragEvent, type Ref } from "react";
import { useI18n } from "@/lib/i18n/client";

type Props = { onFile: (file: File) => void; hint?: string; describedBy?: string; disabled?: boolean; ref?: Ref<HTMLButtonElement> };

export function FileDropZone({ onFile, hint, describedBy, disabled, ref }: Props) {
  const { t } = useI18n();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDragOver = (event: DragEvent) => {
    if (disabled || !Array.from(event.dataTransfer.types).includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <div onDragOver={onDragOver} onDragEnter={onDragOver} onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <label htmlFor={inputId} className="sr-only">
        {t("resource_pages.editor.file_label")}
      </label>
      <input
        ref={input}
        id={inputId}
        type="file"
        className="sr-only"
        tabIndex={-1}
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ""; // choosing the same file again must fire again
          if (file) onFile(file);
        }}
      />
      <button
        ref={ref}
        type="button"
        disabled={disabled}
        aria-describedby={[hint ? hintId : null, describedBy].filter(Boolean).join(" ") || undefined}
        onClick={() => input.current?.click()}
        className={clsx(
          "flex w-full flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-offset-2",
          over ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-white hover:border-brand-400 hover:bg-slate-50",
          disabled && "cursor-not-allowed opacity-60",
        )}
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-8 text-slate-400" fill="none" stroke="currentColor" strokeWidth={1.5}>
          <path strokeLinecap="round" strokeLinejoin="round" d="M12 16V4m0 0l-4 4m4-4l4 4M4 16v2a2 2 0 002 2h12a2 2 0 002-2v-2" />
        </svg>
        <span className="text-sm font-medium text-slate-800">{over ? t("resource_pages.editor.drop_zone_active") : t("resource_pages.editor.drop_zone")}</span>
      </button>
      {hint ? (
        <p id={hintId} className="mt-1.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
