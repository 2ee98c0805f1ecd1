"use client";
import { Toast as Radix } from "radix-ui";
import clsx from "clsx";
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";

type ToastMessage = { id: number; text: string; tone: "success" | "error" };
const ToastContext = createContext<(text: string, tone?: ToastMessage["tone"]) => void>(() => undefined);

/** Short confirmations ("Changes saved.") announced politely to screen readers; they outlive client navigations. */
export function ToastProvider({ children, closeLabel }: { children: ReactNode; closeLabel: string }) {
  const [messages, setMessages] = useState<ToastMessage[]>([]);
  const push = useCallback((text: string, tone: ToastMessage["tone"] = "success") => {
    setMessages((current) => [...current, { id: Date.now() + Math.random(), text, tone }]);
  }, []);
  return (
    <ToastContext.Provider value={push}>
      <Radix.Provider duration={5000}>
        {children}
        {messages.map((m) => (
          <Radix.Root
            key={m.id}
            type={m.tone === "error" ? "foreground" : "background"}
            onOpenChange={(open) => !open && setMessages((current) => current.filter((x) => x.id !== m.id))}
            className={clsx(
              "flex items-start justify-between gap-4 rounded-md border px-4 py-3 text-sm shadow-lg",
              m.tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-emerald-200 bg-white text-slate-800",
            )}
          >
            <Radix.Description>{m.text}</Radix.Description>
            <Radix.Close aria-label={closeLabel} className="text-slate-500 hover:text-slate-800">
              ×
            </Radix.Close>
          </Radix.Root>
        ))}
        <Radix.Viewport className="fixed right-4 bottom-4 z-50 flex w-80 max-w-[calc(100%-2rem)] flex-col gap-2" />
      </Radix.Provider>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
