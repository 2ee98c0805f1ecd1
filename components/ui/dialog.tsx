"use client";
import { Dialog as Radix } from "radix-ui";
import clsx from "clsx";
import type { ReactNode } from "react";

/**
 * A modal dialog: focus moves into it and is trapped, Escape and the close button dismiss it, and focus returns
 * to the trigger (or wherever `onCloseAutoFocus` sends it). Named by its title, described by its description.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  closeLabel,
  size = "md",
  children,
  onOpenAutoFocus,
  onCloseAutoFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  closeLabel: string;
  size?: "md" | "lg";
  children: ReactNode;
  onOpenAutoFocus?: (event: Event) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  return (
    <Radix.Root open={open} onOpenChange={onOpenChange}>
      <Radix.Portal>
        <Radix.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Radix.Content
          onOpenAutoFocus={onOpenAutoFocus}
          onCloseAutoFocus={onCloseAutoFocus}
          {...(description ? {} : { "aria-describedby": undefined })}
          className={clsx(
            "fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100vh-2rem)] w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white shadow-xl",
            size === "lg" ? "max-w-2xl" : "max-w-md",
          )}
        >
          <div className="flex items-start justify-between gap-4 border-b border-slate-100 px-6 pt-5 pb-4">
            <div className="min-w-0">
              <Radix.Title className="text-lg font-semibold break-words text-slate-900">{title}</Radix.Title>
              {description ? <Radix.Description className="mt-1 text-sm text-slate-600">{description}</Radix.Description> : null}
            </div>
            <Radix.Close aria-label={closeLabel} className="rounded p-1 text-xl leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-800">
              <span aria-hidden>×</span>
            </Radix.Close>
          </div>
          <div className="overflow-y-auto px-6 py-5">{children}</div>
        </Radix.Content>
      </Radix.Portal>
    </Radix.Root>
  );
}
