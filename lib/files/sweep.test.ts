// The sweep of abandoned uploads, on a real SQLite store: it removes what nobody uses and nothing else.
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "dpc-sweep-"));
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;

const { migrate } = await import("@/lib/db/migrate");
const { config } = await import("@/lib/env/config");
const { createUserAccount } = await import("@/lib/users/accounts");
const { createDataset } = await import("@/lib/datasets/service");
const { createResource, saveFile } = await import("@/lib/resources/service");
const { store } = await import("@/lib/store/store");
const { incomingPath, storagePath } = await import("@/lib/files/storage");
const { sweepFiles } = await import("@/lib/files/sweep");
import type { Principal } from "@/lib/auth/principal";

let admin: Principal;
beforeAll(async () => {
  await migrate(config().database);
  const user = await createUserAccount({ username: "sweeper", permissions: ["create_dataset", "edit_dataset"] });
  admin = { user_id: user.user_id, username: "sweeper", permissions: new Set(["create_dataset", "edit_dataset"]), via: "session", locale: null };
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const HOUR = 3600_000;
const csv = Buffer.from("a;b\n1;2\n");

describe("sweepFiles", () => {
  it("removes dead partial uploads and day-old unused files, and keeps used or recent ones", async () => {
    const { uid } = await createDataset(admin, { metadata: { default: { title: { value: "Sweep" } } } });
    const unused = await saveFile(admin, uid, "unused.csv", csv);
    const used = await saveFile(admin, uid, "used.csv", csv);
    await createResource(admin, uid, { type: "csvfile", title: "Used", datasource: { type: "uploaded_file", file: { uid: used.uid } } });
    const storageOf = async (file_uid: string) => (await store().resources.getFile(uid, file_uid))!.storage_name;
    const unusedPath = storagePath(await storageOf(unused.uid));
    const usedPath = storagePath(await storageOf(used.uid));
    const deadPartial = incomingPath("0".repeat(32));
    const livePartial = incomingPath("1".repeat(32));
    writeFileSync(deadPartial, "half");
    writeFileSync(livePartial, "half");
    const twoHoursAgo = new Date(Date.now() - 2 * HOUR);
    utimesSync(deadPartial, twoHoursAgo, twoHoursAgo);

    // An hour later: the dead partial upload goes; the unused file is too recent to be called abandoned.
    expect(await sweepFiles(Date.now())).toEqual({ incoming: 1, unused: 0 });
    expect(existsSync(deadPartial)).toBe(false);
    expect(existsSync(livePartial)).toBe(true);
    expect(existsSync(unusedPath)).toBe(true);

    // A day later: the unused file goes (row and bytes); the one a resource uses stays.
    expect((await sweepFiles(Date.now() + 25 * HOUR)).unused).toBe(1);
    expect(await store().resources.getFile(uid, unused.uid)).toBeNull();
    expect(existsSync(unusedPath)).toBe(false);
    expect(await store().resources.getFile(uid, used.uid)).not.toBeNull();
    expect(existsSync(usedPath)).toBe(true);
  });
});
