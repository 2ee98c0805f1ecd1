// First start on an empty store: administrator, API key, demo domain — once, even when started twice at once.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "dpc-first-start-"));
Object.assign(process.env, { DATA_DIR: dataDir, ADMIN_USERNAME: "root", ADMIN_API_KEY: "k".repeat(40), SEED_DEMO: "true", DEMO_PASSWORD: "demo-password" });
delete process.env.ADMIN_PASSWORD;
delete process.env.DATABASE_URL;

const { migrate } = await import("@/lib/db/migrate");
const { config } = await import("@/lib/env/config");
const { firstStart } = await import("@/lib/setup/first-start");
const { principalFromApiKey } = await import("@/lib/auth/principal");
const { signInWithPassword } = await import("@/lib/auth/sign-in");
const { listDatasets } = await import("@/lib/datasets/service");
const { DEMO_DATASETS, DEMO_USERS } = await import("@/lib/setup/demo-domain");
const { DEMO_RESOURCES } = await import("@/lib/setup/demo-resources");
const { listResources, previewSaved } = await import("@/lib/resources/service");
const { store } = await import("@/lib/store/store");

let printed = "";
beforeAll(async () => {
  await migrate(config().database);
  const log = vi.spyOn(console, "log").mockImplementation((...args) => {
    printed += args.join(" ") + "\n";
  });
  await Promise.all([firstStart(), firstStart()]);
  await firstStart();
  log.mockRestore();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("first start", () => {
  it("creates the administrator once and prints a generated password that works", async () => {
    expect(await store().identity.countUsers()).toBe(1 + DEMO_USERS.length);
    const password = /Password: (\S+)\s+\(shown once/.exec(printed)?.[1];
    expect(password).toBeDefined();
    expect(printed.match(/Administrator login: root/g)).toHaveLength(1);
    expect(await signInWithPassword("root", password!, null)).toMatchObject({ username: "root" });
    expect(await signInWithPassword("root", "wrong", null)).toBeNull();
  });

  it("registers ADMIN_API_KEY with every permission", async () => {
    const principal = await principalFromApiKey("k".repeat(40));
    expect(principal?.username).toBe("root");
    expect(principal?.permissions.has("edit_domain")).toBe(true);
    expect(principal?.permissions.has("manage_dataset")).toBe(true);
  });

  it("seeds the demo domain once: users who can sign in with DEMO_PASSWORD, and the datasets", async () => {
    for (const user of DEMO_USERS) expect(await signInWithPassword(user.username, "demo-password", null)).not.toBeNull();
    const reviewer = await principalFromApiKey("k".repeat(40));
    const datasets = await listDatasets(reviewer!, { limit: 100, offset: 0, sort: "title" }, "view");
    expect(datasets.total_count).toBe(DEMO_DATASETS.length);
  });

  it("gives some demo datasets a resource whose preview is full", async () => {
    const admin = (await principalFromApiKey("k".repeat(40)))!;
    const datasets = await listDatasets(admin, { limit: 100, offset: 0, sort: "title" }, "view");
    for (const demo of DEMO_RESOURCES) {
      const dataset = datasets.results.find((d) => d.dataset_id === demo.dataset_id)!;
      const resources = await listResources(admin, dataset.uid, { limit: 10, offset: 0 });
      expect(resources.results.map((r) => r.title)).toEqual([demo.title]);
      const preview = await previewSaved(admin, dataset.uid, resources.results[0]!.uid);
      expect(preview.records, demo.filename).toHaveLength(20);
    }
  });

  it("gives the demo users their groups' permissions", async () => {
    const reviewer = await store().identity.findUserForSignIn("reviewer");
    expect(reviewer?.user.permissions).toEqual(["explore_restricted_dataset"]);
    const publisher = await store().identity.findUserForSignIn("publisher");
    expect(publisher?.user.permissions).toEqual(["create_dataset", "edit_dataset", "publish_dataset"]);
  });
});
