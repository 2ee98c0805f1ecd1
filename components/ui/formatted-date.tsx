"use client";
import { useSyncExternalStore } from "react";

const noop = () => () => undefined;

/** A timestamp in the reader's time zone and language; the ISO value until hydrated, so server and client agree. */
export function FormattedDate({ iso, locale, withTime = true }: { iso: string; locale: string; withTime?: boolean }) {
  const hydrated = useSyncExternalStore(noop, () => true, () => false);
  const date = new Date(iso);
  const text = hydrated
    ? new Intl.DateTimeFormat(locale, withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" }).format(date)
    : iso.slice(0, withTime ? 16 : 10).replace("T", " ");
  return <time dateTime={iso}>{text}</time>;
}
