"use client";
// A clock that ticks every second while someone watches it, for elapsed times of running jobs. It reads null
// during the server render and hydration, so that server and client agree.
import { useSyncExternalStore } from "react";

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const never = () => () => undefined;

/** The current time, refreshed every second while `active`; null on the server and before hydration. */
export function useNow(active: boolean): number | null {
  return useSyncExternalStore(active ? subscribe : never, () => now, () => null);
}
