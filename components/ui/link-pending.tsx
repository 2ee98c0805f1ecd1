"use client";
import { useLinkStatus } from "next/link";

/** Placed inside a <Link>: a small spinner while the page it leads to is loading. */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return pending ? <span aria-hidden className="ml-1.5 inline-block size-3 animate-spin rounded-full border-2 border-current border-r-transparent align-middle" /> : null;
}
