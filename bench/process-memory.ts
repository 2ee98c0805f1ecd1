// Resident memory of a process and its descendants (next start may fork), read from /proc on Linux.
import { readdirSync, readFileSync } from "node:fs";

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …": comm may contain spaces, so read after the last ")"
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      map.set(ppid, [...(map.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended meanwhile
    }
  }
  return map;
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** RSS in MiB of `pid` and every process below it. */
export function treeRssMiB(pid: number): number {
  const tree = children();
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rssKb(p);
    stack.push(...(tree.get(p) ?? []));
  }
  return Math.round((total / 1024) * 10) / 10;
}

/** Samples treeRssMiB every `everyMs` until stopped; returns min/max/first/last. */
export function sampleRss(pid: number, everyMs = 100) {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(treeRssMiB(pid)), everyMs);
  samples.push(treeRssMiB(pid));
  return {
    stop() {
      clearInterval(timer);
      samples.push(treeRssMiB(pid));
      return { samples: samples.length, before_mib: samples[0]!, max_mib: Math.max(...samples), after_mib: samples[samples.length - 1]! };
    },
  };
}
