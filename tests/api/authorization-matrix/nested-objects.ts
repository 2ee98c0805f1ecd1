// Broken object-level authorization through a parent the caller does control: a resource, file, processor, field
// configuration or ruleset of another dataset, named in the path (or the body) of one's own dataset, must be "not
// found" — even for an administrator, who may act on both datasets but not mix them.
import { expect, it } from "vitest";
import { apiClient } from "../../support/api-client";
import { automationMatrix } from "./endpoint-entries";
import { compareSnapshots, probesFor, send, snapshot } from "./run-entry";
import { objectsFor, type Fixtures, type Objects, type World } from "./world";

const NESTED = /\{(resource_uid|file_uid|processor_uid|field_uid)\}|\/security\/(users\/\{username\}|groups\/\{group_uid\})\/$/;
const BASE = "/api/automation/v1";

export function nestedObjectTests(context: () => { world: World; fixtures: Fixtures }) {
  /** The caller's own dataset, with the nested objects of the foreign one. */
  const mixed = (world: World, actorName: "restricted" | "administrator"): Objects => {
    const own = objectsFor(world, world.actors[actorName], "own");
    const { file_uid, resource_uid, processor_uid, field_uid, ruleset_user, ruleset_group } = world.foreignDataset;
    return { ...own, file_uid, resource_uid, processor_uid, field_uid, ruleset_user, ruleset_group };
  };

  const keys = Object.keys(automationMatrix).filter((k) => NESTED.test(k));

  it.each(keys)("%s", async (key) => {
    const { world } = context();
    const [method, path] = key.split(" ") as [string, string];
    const entry = automationMatrix[key]!;
    const foreign = objectsFor(world, world.actors.administrator, "foreign");
    const probes = probesFor(world, method, path, foreign);
    const before = await snapshot(world, probes);
    for (const actorName of ["restricted", "administrator"] as const) {
      const res = await send(world, BASE, world.actors[actorName].key, method, path, entry, mixed(world, actorName));
      expect(res.status, `${actorName}: ${res.text}`).toBe(404);
    }
    expect(compareSnapshots(before, await snapshot(world, probes))).toEqual([]);
  });

  it("a dataset's resources, guesses and previews cannot read another dataset's file, even an administrator's", async () => {
    const { world } = context();
    const foreignFile = { type: "uploaded_file", file: { uid: world.foreignDataset.file_uid } };
    for (const actorName of ["restricted", "administrator"] as const) {
      const own = objectsFor(world, world.actors[actorName], "own");
      const client = apiClient(world.baseUrl, world.actors[actorName].key!);
      const d = `/datasets/${own.dataset_uid}`;
      const before = await world.referee.get(`${d}/resources/?limit=100`);
      const attempts = await Promise.all([
        client.post(`${d}/resources/`, { type: "csvfile", title: "Borrowed", datasource: foreignFile }),
        client.put(`${d}/resources/${own.resource_uid}/`, { type: "csvfile", title: "Borrowed", datasource: foreignFile }),
        client.post(`${d}/resources/guess_extractors/`, { datasource: foreignFile }),
        client.post(`${d}/resources/guess_extractor_params/`, { datasource: foreignFile, type: "csvfile" }),
        client.post(`${d}/resources/preview/`, { datasource: foreignFile, type: "csvfile" }),
      ]);
      for (const res of attempts) expect(res.body?.error_code, `${actorName}: ${res.status} ${res.text}`).toBe("validation_error");
      expect((await world.referee.get(`${d}/resources/?limit=100`)).body).toEqual(before.body);
    }
  });

  it("a processing preview or a reorder cannot name another dataset's resource or processors", async () => {
    const { world } = context();
    const foreign = world.foreignDataset;
    for (const actorName of ["restricted", "administrator"] as const) {
      const own = objectsFor(world, world.actors[actorName], "own");
      const client = apiClient(world.baseUrl, world.actors[actorName].key!);
      const d = `/datasets/${own.dataset_uid}`;
      const preview = await client.post(`${d}/processing/preview/`, { resource_uid: foreign.resource_uid });
      expect([400, 404], `${actorName}: ${preview.status} ${preview.text}`).toContain(preview.status);
      for (const [list, uid] of [["processors", foreign.processor_uid], ["fields", foreign.field_uid]] as const) {
        const reorder = await client.post(`${d}/${list}/reorder/`, { uids: [uid] });
        expect(reorder.status, `${actorName} ${list}: ${reorder.text}`).toBe(400);
      }
    }
  });
}
