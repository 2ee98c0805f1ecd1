// Picks the store implementation once per process. In proxy mode (UPSTREAM_URL) the services call the upstream
// (lib/store/remote) and the local store keeps only the console's own tables; its domain stores refuse every call,
// so no code path can quietly keep datasets, files, users or groups here.
import { config } from "@/lib/env/config";
import { AppError, msg } from "@/lib/errors/app-error";
import { prismaStore } from "@/lib/store/prisma";
import type { Store } from "@/lib/store/types";

const globalForStore = globalThis as unknown as { __dpcStore?: Store };

const DOMAIN_STORES = [
  "datasets",
  "resources",
  "processors",
  "fieldConfigurations",
  "identity",
  "users",
  "groups",
  "apiKeys",
  "metadataTemplates",
  "publishJobs",
  "records",
  "rulesets",
  "apiCallCounters",
] as const satisfies readonly (keyof Store)[];

function refusing(what: string, upstream: string): never {
  return new Proxy({}, {
    get(_target, prop) {
      if (prop === "then" || typeof prop === "symbol") return undefined;
      return () => {
        throw new AppError("internal_error", msg("upstream.local_only", { upstream, what }));
      };
    },
  }) as never;
}

function consoleTablesOnly(local: Store, upstream: string): Store {
  const guarded: Record<string, unknown> = { ...local };
  for (const name of DOMAIN_STORES) guarded[name] = refusing(name, upstream);
  // a transaction would write datasets and resources here
  guarded.transaction = () => Promise.reject(new AppError("internal_error", msg("upstream.local_only", { upstream, what: "datasets" })));
  return guarded as Store;
}

export function store(): Store {
  if (!globalForStore.__dpcStore) {
    const local = prismaStore(config().database);
    const upstream = config().upstream;
    globalForStore.__dpcStore = upstream ? consoleTablesOnly(local, new URL(upstream.url).host) : local;
  }
  return globalForStore.__dpcStore;
}
