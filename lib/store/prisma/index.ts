import { dirname, join } from "node:path";
import { dbFor, type Db } from "@/lib/db/client";
import type { DatabaseTarget } from "@/lib/db/database-url";
import { prismaDatasetStore } from "@/lib/store/prisma/dataset-store";
import { prismaApiKeyStore } from "@/lib/store/prisma/api-key-store";
import { prismaGroupStore } from "@/lib/store/prisma/group-store";
import { prismaIdentityStore } from "@/lib/store/prisma/identity-store";
import { prismaSignInThrottleStore } from "@/lib/store/prisma/sign-in-throttle-store";
import { prismaUserDirectoryStore } from "@/lib/store/prisma/user-directory-store";
import { prismaMetadataTemplateStore } from "@/lib/store/prisma/metadata-template-store";
import { prismaPublishJobStore } from "@/lib/store/prisma/publish-job-store";
import { postgresRecordsStore } from "@/lib/store/prisma/records/postgres-records-store";
import { sqliteRecordsStore } from "@/lib/store/prisma/records/sqlite-records-store";
import { prismaResourceStore } from "@/lib/store/prisma/resource-store";
import { prismaStackStore } from "@/lib/store/prisma/stack-store";
import { prismaApiCallCounterStore, prismaRulesetStore } from "@/lib/store/prisma/ruleset-store";
import { prismaUpstreamSessionStore } from "@/lib/store/prisma/upstream-session-store";
import type { Store } from "@/lib/store/types";

const TRANSACTION_TIMEOUT_MS = 30_000;

export function prismaStore(target: DatabaseTarget): Store {
  const db = dbFor(target);
  return {
    kind: "prisma",
    datasets: prismaDatasetStore(db, target.provider),
    resources: prismaResourceStore(db),
    processors: prismaStackStore(db, "processor"),
    fieldConfigurations: prismaStackStore(db, "field"),
    identity: prismaIdentityStore(db),
    users: prismaUserDirectoryStore(db),
    groups: prismaGroupStore(db),
    apiKeys: prismaApiKeyStore(db),
    signInThrottle: prismaSignInThrottleStore(db),
    metadataTemplates: prismaMetadataTemplateStore(db, target.provider),
    publishJobs: prismaPublishJobStore(db, target),
    rulesets: prismaRulesetStore(db),
    apiCallCounters: prismaApiCallCounterStore(db),
    upstreamSessions: prismaUpstreamSessionStore(db),
    records:
      target.provider === "sqlite"
        ? sqliteRecordsStore(join(dirname(target.file), "records"))
        : postgresRecordsStore(target.url, target.schema),
    transaction: (work) =>
      db.$transaction((tx) => work({ datasets: prismaDatasetStore(tx as Db, target.provider), resources: prismaResourceStore(tx as Db) }), {
        // Prisma's default (5 s) is short for a hundred resources on a busy SQLite file
        timeout: TRANSACTION_TIMEOUT_MS,
      }),
    async ping() {
      await db.$queryRawUnsafe("SELECT 1");
    },
  };
}
