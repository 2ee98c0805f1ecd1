"use client";
import { AlertDialog as Radix } from "radix-ui";
import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** What `onConfirm` answers: a server action's result is one. */
export type ConfirmResult = { ok: true } | { ok: false; error: { message: string } };

/**
 * Confirm before an irreversible action (a delete). Focus is trapped, Escape cancels, the cancel button has initial
 * focus and focus returns to the trigger. The dialog stays open while `onConfirm` runs, and when it fails, so that
 * its error shows next to the question; it closes on success, then `onConfirmed` runs (toast, navigation, refetch).
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  cancelLabel,
  confirmLabel,
  pendingLabel,
  tone = "danger",
  onConfirm,
  onConfirmed,
}: {
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  /** the confirm button's label while `onConfirm` runs */
  pendingLabel: string;
  tone?: "danger" | "primary";
  onConfirm: () => Promise<ConfirmResult>;
  onConfirmed?: () => void | Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    const result = await onConfirm();
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setOpen(false);
    await onConfirmed?.();
  }

  return (
    <Radix.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <Radix.Trigger asChild>{trigger}</Radix.Trigger>
      <Radix.Portal>
        <Radix.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Radix.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <Radix.Title className="text-lg font-semibold text-slate-900">{title}</Radix.Title>
          <Radix.Description asChild>
            <div className="mt-2 text-sm text-slate-600">
              <p>{description}</p>
              {error ? (
                <Alert tone="error" className="mt-3">
                  {error}
                </Alert>
              ) : null}
            </div>
          </Radix.Description>
          <div className="mt-6 flex justify-end gap-3">
            <Radix.Cancel className="inline-flex h-10 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-100">
              {cancelLabel}
            </Radix.Cancel>
            <Button variant={tone} onClick={confirm} disabled={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </Radix.Content>
      </Radix.Portal>
    </Radix.Root>
  );
}
