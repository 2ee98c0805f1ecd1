// Who a key is, and the users and groups of the domain, through the console's services on an upstream with the
// official operations only: identity comes from the fallbacks of lib/auth/upstream-identity.ts, and every change
// is read back from the upstream instance itself.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { discoverUpstreamIdentity } from "@/lib/auth/upstream-identity";
import { consoleFeatures } from "@/lib/features/service";
import { addMember, createGroup, getGroup, listMembers, updateGroup } from "@/lib/groups/service";
import { UpstreamCredentials } from "@/lib/store/remote/credentials";
import { getUser, listUsers, setUserActive, updateUser } from "@/lib/users/service";
import { createTestUser, uniqueName, type TestUser } from "../../support/fixtures";
import { officialClient, principalOf, upstreamAdmin } from "./principal";

const backend = inject("backend");

describe("identities through the console's services on an official-only upstream", () => {
  const upstream = upstreamAdmin();
  let editor: TestUser;
  let admin: Principal;

  beforeAll(async () => {
    editor = await createTestUser({ prefix: "ident", permissions: ["create_dataset", "edit_dataset"] });
    ({ principal: admin } = await principalOf(backend.adminKey));
  });

  describe("identity discovery without GET /me/", () => {
    it("names an editor from their key list; what they may do stays unknown, so every control shows", async () => {
      const { identity, principal } = await principalOf(editor.apiKey);
      expect(identity).toEqual({ username: editor.username, permissions: [...PERMISSIONS], permissions_known: false });
      expect(principal.upstream!.permissionsKnown).toBe(false);
    });

    it("knows an administrator's permissions, from search_key and the user record", async () => {
      const { identity } = await principalOf(backend.adminKey);
      expect(identity.username).toBe("admin");
      expect(identity.permissions_known).toBe(true);
      expect(identity.permissions).toContain("edit_domain");
    });

    it("narrows an administrator's key to its own permissions", async () => {
      const owner = await createTestUser({ prefix: "narrow", permissions: ["edit_domain", "create_dataset", "publish_dataset"], keyPermissions: ["edit_domain", "create_dataset"] });
      const { identity } = await principalOf(owner.apiKey);
      expect({ ...identity, permissions: [...identity.permissions].sort() }).toEqual({ username: owner.username, permissions: ["create_dataset", "edit_domain"], permissions_known: true });
    });

    it("returns null for a key the upstream refuses", async () => {
      expect(await discoverUpstreamIdentity(officialClient(), new UpstreamCredentials("not-a-key-of-this-upstream-0123456789"))).toBeNull();
    });
  });

  describe("users and groups", () => {
    let member: TestUser;
    let group_uid: string;

    beforeAll(async () => {
      member = await createTestUser({ prefix: "member" });
    });

    it("has no group filter for the user list, nor disabling accounts", async () => {
      const features = await consoleFeatures(admin);
      expect(features).toMatchObject({ userGroupFilter: false, disableUsers: false, passwordLinks: false, viewAs: false });
      const refused = await setUserActive(admin, member.username, false).catch((e: { code?: string }) => e);
      expect(refused).toMatchObject({ code: "bad_request" });
      expect((await upstream.get(`/users/${member.username}/`)).body.is_active).toBe(true);
    });

    it("reads and updates a user on the upstream", async () => {
      const user = await getUser(admin, member.username);
      expect(user).toMatchObject({ username: member.username, is_active: true, has_password: true });
      await updateUser(admin, member.username, { first_name: "Louise", permissions: ["create_dataset"] });
      expect((await upstream.get(`/users/${member.username}/`)).body).toMatchObject({ first_name: "Louise", permissions: ["create_dataset"] });
      const page = await listUsers(admin, { limit: 1000, offset: 0, search: member.username });
      expect(page.results.map((u) => u.username)).toContain(member.username);
    });

    it("creates a group, changes it and adds a member, on the upstream", async () => {
      const title = uniqueName("Console group");
      const created = await createGroup(admin, { title, description: "", permissions: ["create_dataset"] });
      group_uid = created.uid;
      expect((await upstream.get(`/groups/${group_uid}/`)).body).toMatchObject({ title, permissions: ["create_dataset"] });

      await updateGroup(admin, group_uid, { description: "Changed by the console" });
      expect((await upstream.get(`/groups/${group_uid}/`)).body.description).toBe("Changed by the console");
      expect((await getGroup(admin, group_uid)).description).toBe("Changed by the console");

      await addMember(admin, group_uid, member.username);
      const direct = await upstream.get(`/groups/${group_uid}/users/`);
      expect(direct.status, direct.text).toBe(200);
      expect(direct.body.results.map((u: { username: string }) => u.username)).toEqual([member.username]);
      expect((await listMembers(admin, group_uid, { limit: 100, offset: 0 })).results.map((u) => u.username)).toEqual([member.username]);
    });
  });
});
