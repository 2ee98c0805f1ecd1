"use client";
import { AlertDialog as Radix } from "radix-ui";
import type { ReactNode } from "react";

/** A confirmation dialog: focus is trapped, Escape cancels, the cancel button has initial focus. */
export function ConfirmDialog({
  trigger,
  title,
  description,
  cancelLabel,
  confirm,
  open,
  onOpenChange,
}: {
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  cancelLabel: string;
  /** the confirming control, usually a danger Button */
  confirm: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  return (
    <Radix.Root open={open} onOpenChange={onOpenChange}>
      <Radix.Trigger asChild>{trigger}</Radix.Trigger>
      <Radix.Portal>
        <Radix.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Radix.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <Radix.Title className="text-lg font-semibold text-slate-900">{title}</Radix.Title>
          <Radix.Description asChild>
            <div className="mt-2 text-sm text-slate-600">{description}</div>
          </Radix.Description>
          <div className="mt-6 flex justify-end gap-3">
            <Radix.Cancel className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100">
              {cancelLabel}
            </Radix.Cancel>
            {confirm}
          </div>
        </Radix.Content>
      </Radix.Portal>
    </Radix.Root>
  );
}
