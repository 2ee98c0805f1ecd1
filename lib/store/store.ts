// Picks the store implementation once per process. Proxy mode (a remote Automation API) plugs in here.
import { config } from "@/lib/env/config";
import { prismaStore } from "@/lib/store/prisma";
import type { Store } from "@/lib/store/types";

const globalForStore = globalThis as unknown as { __dpcStore?: Store };

export function store(): Store {
  globalForStore.__dpcStore ??= prismaStore(config().database);
  return globalForStore.__dpcStore;
}
