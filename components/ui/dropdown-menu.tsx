"use client";
import { DropdownMenu as Radix } from "radix-ui";
import clsx from "clsx";
import type { ComponentProps, ReactNode } from "react";

/** The menu is named by its trigger (Radix links them): give the trigger an accessible name. */
export function Menu({ trigger, children }: { trigger: ReactNode; children: ReactNode }) {
  return (
    <Radix.Root>
      <Radix.Trigger asChild>{trigger}</Radix.Trigger>
      <Radix.Portal>
        <Radix.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          {children}
        </Radix.Content>
      </Radix.Portal>
    </Radix.Root>
  );
}

export function MenuItem({ className, ...props }: ComponentProps<typeof Radix.Item>) {
  return (
    <Radix.Item
      className={clsx("flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-slate-800 outline-none data-[highlighted]:bg-slate-100", className)}
      {...props}
    />
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <Radix.Label className="px-2 py-1.5 text-xs text-slate-500">{children}</Radix.Label>;
}

export function MenuSeparator() {
  return <Radix.Separator className="my-1 h-px bg-slate-200" />;
}

export const MenuRadioGroup = Radix.RadioGroup;

export function MenuRadioItem({ className, children, ...props }: ComponentProps<typeof Radix.RadioItem>) {
  return (
    <Radix.RadioItem
      className={clsx("flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-slate-800 outline-none data-[highlighted]:bg-slate-100", className)}
      {...props}
    >
      <span aria-hidden className="w-4 text-brand-600">
        <Radix.ItemIndicator>✓</Radix.ItemIndicator>
      </span>
      {children}
    </Radix.RadioItem>
  );
}
