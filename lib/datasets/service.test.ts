// The dataset service on a real SQLite store (the API suites run it on PostgreSQL too, through HTTP).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "dpc-service-"));
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;

const { migrate } = await import("@/lib/db/migrate");
const { config } = await import("@/lib/env/config");
const { dbFor } = await import("@/lib/db/client");
const { createUserAccount } = await import("@/lib/users/accounts");
const service = await import("@/lib/datasets/service");
const { isAppError } = await import("@/lib/errors/app-error");
import type { Principal } from "@/lib/auth/principal";
import type { Permission } from "@/lib/auth/permissions";

async function principal(username: string, permissions: Permission[]): Promise<Principal> {
  const user = await createUserAccount({ username, permissions });
  return { user_id: user.user_id, username, permissions: new Set(permissions), via: "session", locale: null };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

const body = (title: string, extra: object = {}) => ({ metadata: { default: { title: { value: title } } }, ...extra });

let admin: Principal;
let contributor: Principal;
let reviewer: Principal;

beforeAll(async () => {
  await migrate(config().database);
  admin = await principal("admin", ["create_dataset", "edit_dataset", "publish_dataset", "manage_dataset", "explore_restricted_dataset"]);
  contributor = await principal("contributor", ["create_dataset"]);
  reviewer = await principal("reviewer", ["explore_restricted_dataset"]);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("dataset service", () => {
  it("creates, reads, updates and deletes", async () => {
    const created = await service.createDataset(admin, body("Air"));
    expect(created).toMatchObject({ dataset_id: "air", status: "idle", created_by: { username: "admin" } });
    expect((await service.getDataset(admin, created.uid)).uid).toBe(created.uid);
    const updated = await service.updateDataset(admin, created.uid, body("Air 2"));
    expect(updated.metadata.default.title).toEqual({ value: "Air 2" });
    await service.deleteDataset(admin, created.uid);
    expect(await codeOf(service.getDataset(admin, created.uid))).toBe("not_found");
  });

  it("refuses a stale edit instead of losing the other one (optimistic concurrency)", async () => {
    const created = await service.createDataset(admin, body("Shared"));
    const first = await service.updateDataset(admin, created.uid, body("First edit"), { expected_updated_at: created.updated_at });
    expect(await codeOf(service.updateDataset(admin, created.uid, body("Second edit"), { expected_updated_at: created.updated_at }))).toBe("conflict");
    expect((await service.getDataset(admin, created.uid)).metadata.default.title).toEqual({ value: "First edit" });
    expect(await codeOf(service.updateDataset(admin, created.uid, body("Third"), { expected_updated_at: first.updated_at }))).toBe("ok");
  });

  it("keeps dataset_id once published", async () => {
    const created = await service.createDataset(admin, body("Published one"));
    await dbFor(config().database).dataset.update({ where: { uid: created.uid }, data: { is_published: true } });
    expect(await codeOf(service.updateDataset(admin, created.uid, body("Published one", { dataset_id: "renamed" })))).toBe("validation_error");
    expect(await codeOf(service.updateDataset(admin, created.uid, body("Same id", { dataset_id: created.dataset_id })))).toBe("ok");
  });

  it("scopes a contributor to their own datasets", async () => {
    const theirs = await service.createDataset(contributor, body("Contributor's"));
    const adminOnly = await service.createDataset(admin, body("Admin's"));
    const list = await service.listDatasets(contributor, { limit: 100, offset: 0, sort: "-updated_at" }, "view");
    expect(list.results.map((d) => d.uid)).toEqual([theirs.uid]);
    expect(await codeOf(service.getDataset(contributor, adminOnly.uid))).toBe("not_found");
    expect(await codeOf(service.updateDataset(contributor, adminOnly.uid, body("x")))).toBe("not_found");
    expect(await codeOf(service.deleteDataset(contributor, theirs.uid))).toBe("ok");
  });

  it("lets a reviewer see everything in the console and change nothing", async () => {
    const dataset = await service.createDataset(admin, body("Reviewed"));
    const viewable = await service.listDatasets(reviewer, { limit: 0, offset: 0, sort: "title" }, "view");
    const all = await service.listDatasets(admin, { limit: 0, offset: 0, sort: "title" }, "view");
    expect(viewable.total_count).toBe(all.total_count);
    expect((await service.listDatasets(reviewer, { limit: 0, offset: 0, sort: "title" }, "edit")).total_count).toBe(0);
    expect(await codeOf(service.updateDataset(reviewer, dataset.uid, body("x")))).toBe("forbidden");
    expect(await codeOf(service.deleteDataset(reviewer, dataset.uid))).toBe("forbidden");
    expect((await service.getDatasetStatus(reviewer, dataset.uid)).status).toBe("idle");
  });

  it("pages deep into the list and searches through the trigram index in the same order as the plain query", async () => {
    const tag = `deeppage${Date.now().toString(36)}`;
    const owner = await principal(`owner-${tag}`, ["create_dataset"]);
    for (let i = 0; i < 230; i++) await service.createDataset(owner, body(`${tag} ${String(i).padStart(3, "0")} ${i % 10 === 3 ? "rarewordx" : "common"}`));
    const list = (offset: number, limit: number, extra: object = {}) =>
      service.listDatasets(owner, { limit, offset, sort: "title", ...extra } as Parameters<typeof service.listDatasets>[1]);
    // offsets beyond 200 take the uid-first path: the pages join up with the plain ones, no gap, no repeat
    const all = (await list(0, 1000)).results.map((d) => d.metadata.default.title?.value);
    expect(all).toHaveLength(230);
    const pages = [];
    for (let offset = 0; offset < 230; offset += 40) pages.push(...(await list(offset, 40)).results.map((d) => d.metadata.default.title?.value));
    expect(pages).toEqual(all);
    expect((await list(215, 40)).total_count).toBe(230);
    // search (≥ 3 characters: the index; shorter: a scan) keeps scope, order and count
    const rare = await list(0, 10, { search: "RAREWORDX" });
    expect(rare.total_count).toBe(23);
    expect(rare.results.map((d) => d.metadata.default.title?.value)).toEqual(all.filter((t) => String(t).includes("rarewordx")).slice(0, 10));
    expect((await list(20, 10, { search: "rarewordx" })).results).toHaveLength(3);
    expect((await service.listDatasets(contributor, { limit: 10, offset: 0, sort: "title", search: "rarewordx" } as never)).total_count).toBe(0);
  });
});
