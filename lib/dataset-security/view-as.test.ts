// "View as" on a real SQLite store: the simulated principals are the ones a request would carry (a session, a
// key), a group stands alone, refused subjects see nothing, and only administrators may look.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "dpc-view-as-"));
process.env.DATA_DIR = dataDir;
delete process.env.DATABASE_URL;

const { migrate } = await import("@/lib/db/migrate");
const { config } = await import("@/lib/env/config");
const { dbFor } = await import("@/lib/db/client");
const { createApiKey, createGroup, createUserAccount } = await import("@/lib/users/accounts");
const { principalFromApiKey } = await import("@/lib/auth/principal");
const { store } = await import("@/lib/store/store");
const { isAppError } = await import("@/lib/errors/app-error");
const { viewAs, viewAsSubject } = await import("@/lib/dataset-security/view-as");
import type { Principal } from "@/lib/auth/principal";
import type { Permission } from "@/lib/auth/permissions";

const security = (overrides: object = {}) => ({ is_data_visible: true, visible_fields: null, filter_query: "", api_calls_quota: null, ...overrides });
const field = (name: string) => ({ name, label: name.toUpperCase(), type: "text", original_name: name, description: null, annotations: [], column: name, multivalued: false, separator: null });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

let admin: Principal;
let restricted: string;
let memberKey: { uid: string; secret: string };

/** A dataset marked published with three fields (no records table: the rows do not matter here). */
async function published(dataset_id: string, is_restricted: boolean): Promise<string> {
  const dataset = await store().datasets.create({
    dataset_id,
    created_at: new Date(),
    is_restricted,
    metadata: { default: { title: { value: `Title of ${dataset_id}` } } },
    default_security: security(),
    created_by_id: null,
  });
  await dbFor(config().database).dataset.update({
    where: { uid: dataset.uid },
    data: { is_published: true, published_fields: ["name", "city", "secret"].map(field), published_metadata: { default: { title: { value: `Title of ${dataset_id}` } } } },
  });
  return dataset.uid;
}

beforeAll(async () => {
  await migrate(config().database);
  const adminUser = await createUserAccount({ username: "va_admin", permissions: ["edit_domain"] });
  admin = { user_id: adminUser.user_id, username: "va_admin", permissions: new Set<Permission>(["edit_domain"]), via: "session", locale: null };
  await createGroup({ uid: "va_publishers", title: "Data publishers", permissions: ["create_dataset"] });
  const member = await createUserAccount({ username: "va_member", permissions: [], groups: ["va_publishers"] });
  await createUserAccount({ username: "va_disabled", permissions: [] });
  await store().users.update("va_disabled", { is_active: false });
  restricted = await published("va_restricted", true);
  await published("va_open", false);
  await store().rulesets.create(restricted, { kind: "group", group_uid: "va_publishers" }, { security: security({ visible_fields: ["name", "city"], filter_query: 'city = "Lyon"' }), permissions: ["edit_dataset"] });
  memberKey = await createApiKey({ user_id: member.user_id, label: "member key", permissions: [] });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("view as", () => {
  it("is for administrators only", async () => {
    const reviewer: Principal = { ...admin, permissions: new Set<Permission>(["explore_restricted_dataset"]) };
    expect(await codeOf(viewAsSubject(reviewer, { kind: "anonymous" }))).toBe("forbidden");
    expect(await codeOf(viewAs(reviewer, { kind: "user", username: "va_member" }))).toBe("forbidden");
  });

  it("answers not_found for unknown users, groups and keys", async () => {
    expect(await codeOf(viewAsSubject(admin, { kind: "user", username: "nobody" }))).toBe("not_found");
    expect(await codeOf(viewAsSubject(admin, { kind: "group", group_uid: "nothing" }))).toBe("not_found");
    expect(await codeOf(viewAsSubject(admin, { kind: "apikey", uid: "ak_nothing" }))).toBe("not_found");
  });

  it("simulates a user with their groups' permissions and rulesets, and says why", async () => {
    const simulated = await viewAsSubject(admin, { kind: "user", username: "va_member" });
    expect(simulated.state).toBe("active");
    expect([...simulated.principal!.permissions]).toEqual(["create_dataset"]);
    const result = await viewAs(admin, { kind: "user", username: "va_member" }, "va_restricted");
    expect(result.datasets.map((d) => d.dataset.dataset_id)).toEqual(["va_open", "va_restricted"]);
    const view = result.datasets.find((d) => d.dataset.dataset_id === "va_restricted")!;
    expect(view.title).toBe("Title of va_restricted");
    expect(view.dataset.access.reasons).toEqual([{ kind: "ruleset", source: { kind: "group", group_uid: "va_publishers", title: "Data publishers" } }]);
    expect(view.dataset.fields.map((f) => f.name)).toEqual(["name", "city"]);
    expect(view.hidden_fields.map((f) => f.name)).toEqual(["secret"]);
    expect(result.detail).toMatchObject({ kind: "visible", records: { total_count: 0, results: [] } });
    const other = result.datasets.find((d) => d.dataset.dataset_id === "va_open")!;
    expect(other.dataset.access.reasons).toEqual([{ kind: "default_security" }]);
  });

  it("simulates a group on its own: its permissions and rulesets only", async () => {
    const result = await viewAs(admin, { kind: "group", group_uid: "va_publishers" });
    expect(result.subject.label).toBe("Data publishers");
    expect([...result.subject.principal!.permissions]).toEqual(["create_dataset"]);
    expect(result.subject.principal!.rulesets).toEqual([
      { dataset_uid: restricted, source: { kind: "group", group_uid: "va_publishers", title: "Data publishers" }, security: security({ visible_fields: ["name", "city"], filter_query: 'city = "Lyon"' }), permissions: ["edit_dataset"] },
    ]);
    expect(result.datasets.map((d) => d.dataset.dataset_id)).toEqual(["va_open", "va_restricted"]);
  });

  it("simulates an API key exactly as a request with it, and refuses it once revoked", async () => {
    const simulated = await viewAsSubject(admin, { kind: "apikey", uid: memberKey.uid });
    const real = await principalFromApiKey(memberKey.secret);
    expect(simulated).toMatchObject({ state: "active", label: "member key", owner: "va_member" });
    expect(simulated.principal).toEqual(real);
    // the key's empty permissions narrow away the dataset permissions of the group's ruleset, not what it shows
    expect(simulated.principal!.rulesets![0]!.permissions).toEqual([]);
    expect(simulated.principal!.permissions.size).toBe(0);

    await store().apiKeys.revoke(memberKey.uid, simulated.principal!.user_id, "test", new Date());
    const revoked = await viewAs(admin, { kind: "apikey", uid: memberKey.uid });
    expect(revoked.subject).toMatchObject({ state: "revoked", principal: null });
    expect(revoked.datasets).toEqual([]);
  });

  it("shows nothing for a disabled user, and what is not restricted to anonymous", async () => {
    const disabled = await viewAs(admin, { kind: "user", username: "va_disabled" });
    expect(disabled.subject).toMatchObject({ state: "disabled", principal: null });
    expect(disabled.datasets).toEqual([]);

    const anonymous = await viewAs(admin, { kind: "anonymous" }, "va_restricted");
    expect(anonymous.datasets.map((d) => d.dataset.dataset_id)).toEqual(["va_open"]);
    expect(anonymous.detail).toMatchObject({ kind: "hidden", title: "Title of va_restricted", access: { reasons: [{ kind: "restricted_without_ruleset" }] } });
    expect((await viewAs(admin, { kind: "anonymous" }, "va_missing")).detail).toEqual({ kind: "unpublished", dataset_id: "va_missing" });
  });

  it("lists every user's keys for administrators", async () => {
    const keys = await store().apiKeys.listAll({ limit: 100, offset: 0 });
    expect(keys.results.map((k) => k.uid)).toContain(memberKey.uid);
  });
});
