// Proxy-mode sessions on real databases: SQLite always, PostgreSQL when one is reachable (as the migration tests).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { parseDatabaseUrl, type DatabaseTarget } from "@/lib/db/database-url";
import { migrate } from "@/lib/db/migrate";
import { prismaUpstreamSessionStore } from "@/lib/store/prisma/upstream-session-store";
import { dropSchema, freshSchemaUrl, postgresReachable } from "../../../tests/support/postgres";

const temp = mkdtempSync(join(tmpdir(), "dpc-upstream-sessions-"));
const schemas: string[] = [];
afterAll(async () => {
  rmSync(temp, { recursive: true, force: true });
  for (const schema of schemas) await dropSchema(schema);
});

const pgProblem = await postgresReachable();
if (pgProblem) console.warn(`⚠ PostgreSQL not reachable (${pgProblem}): PostgreSQL upstream session tests SKIPPED.`);

const targets: [string, () => DatabaseTarget, boolean][] = [
  ["sqlite", () => ({ provider: "sqlite", file: join(temp, "console.db") }), true],
  [
    "postgresql",
    () => {
      const { url, schema } = freshSchemaUrl("dpc_upstream_sessions");
      schemas.push(schema);
      return parseDatabaseUrl(url, temp);
    },
    !pgProblem,
  ],
];

describe.each(targets)("upstream sessions (%s)", (_name, targetOf, available) => {
  it.skipIf(!available)("keeps a session with its discovered permissions, touches, relabels and forgets it", async () => {
    const target = targetOf();
    await migrate(target);
    const db = createDb(target);
    const sessions = prismaUpstreamSessionStore(db);
    const now = new Date();
    const base = { permissions: ["create_dataset", "edit_dataset"], permissions_known: true, key_box: "v1.a.b.c", locale: null, user_agent: "test" };
    await sessions.create({ ...base, id: "s-live", username: "publisher", expires_at: new Date(now.getTime() + 3600_000) });
    await sessions.create({ ...base, id: "s-expired", username: "gone", expires_at: new Date(now.getTime() - 1) });
    await sessions.create({ ...base, id: "s-idle", username: "idle", permissions_known: false, permissions: [], expires_at: new Date(now.getTime() + 3600_000) });

    const live = await sessions.find("s-live");
    expect(live).toMatchObject({ id: "s-live", username: "publisher", permissions: ["create_dataset", "edit_dataset"], permissions_known: true, key_box: "v1.a.b.c", locale: null });
    await sessions.touch("s-live", now);
    await sessions.setLocale("s-live", "fr");
    expect(await sessions.find("s-live")).toMatchObject({ locale: "fr", last_seen_at: now });

    await sessions.touch("s-idle", new Date(now.getTime() - 2 * 3600_000));
    // expired, or idle since before the cut: both go; the live one (just touched) stays
    const swept = await sessions.sweep(now, new Date(now.getTime() - 60_000));
    expect(swept).toBe(2);
    expect(await sessions.find("s-expired")).toBeNull();
    expect(await sessions.find("s-idle")).toBeNull();

    await sessions.delete("s-live");
    expect(await sessions.find("s-live")).toBeNull();
    await sessions.delete("s-live");
    await db.$disconnect();
  });
});
