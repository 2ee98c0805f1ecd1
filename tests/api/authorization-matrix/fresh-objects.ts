// Objects made for one allowed call that changes or destroys what it acts on, so allowed calls never share an
// object with each other or with the denied calls (whose shared objects must stay as they were).
import { expect } from "vitest";
import { createApiKey as registerApiKey } from "@/lib/users/accounts";
import { createTestGroup } from "../../support/fixtures";
import type { Ownership } from "./requirements";
import { twinOf, type Actor, type Fixtures, type Objects, type World } from "./world";

export type Fresh = "dataset" | "resource" | "processor" | "field" | "rulesets" | "template" | "apikey" | "user" | "group";

/** The objects to use instead of the shared ones, and the actor to call as when the object is "oneself". */
export async function freshObjects(world: World, fixtures: Fixtures, kind: Fresh, actor: Actor, ownership: Ownership): Promise<{ objects: Partial<Objects>; actor?: Actor }> {
  const own = ownership === "own";
  const dataset = (parts: Parameters<Fixtures["dataset"]>[1]) => (own ? fixtures.ownDataset(actor, parts) : fixtures.dataset(world.refereeUser, parts));
  switch (kind) {
    case "dataset":
      return { objects: await dataset({}) };
    case "resource":
      return { objects: await dataset({ resource: true }) };
    case "processor":
      return { objects: await dataset({ processor: true }) };
    case "field":
      return { objects: await dataset({ field: true }) };
    case "rulesets":
      return { objects: await dataset({ rulesets: true }) };
    case "template":
      return { objects: { template_name: await fixtures.template() } };
    case "apikey": {
      const key = own
        ? await registerApiKey({ user_id: actor.user!.user_id, label: "fresh", permissions: actor.profile.keyPermissions })
        : await registerApiKey({ user_id: world.bystander.user_id, label: "fresh", permissions: [] });
      return { objects: { apikey_uid: key.uid, apikey_secret: key.secret } };
    }
    case "user": {
      if (!own) return { objects: { username: (await fixtures.bystander()).username } };
      const twin = await twinOf(actor);
      return { objects: { username: twin.user!.username }, actor: twin };
    }
    case "group": {
      if (!own) {
        const bystander = await fixtures.bystander();
        return { objects: { group_uid: bystander.group, member: bystander.username } };
      }
      // A twin is the member and the caller, not the actor, who is calling elsewhere meanwhile: a group deleted while
      // a member's request is authenticated must not be the actor's (on PostgreSQL that request answers 500 today).
      const twin = await twinOf(actor);
      const group = await createTestGroup([]);
      const added = await world.referee.post(`/groups/${group}/users/`, { username: twin.user!.username });
      expect(added.status, added.text).toBe(201);
      return { objects: { group_uid: group, member: twin.user!.username }, actor: twin };
    }
  }
}
