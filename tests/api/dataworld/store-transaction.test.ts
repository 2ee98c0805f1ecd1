// Store.transaction, which makes the data.world replace all-or-nothing: writes to datasets and resources inside it
// are committed together, or rolled back together when the work throws (here, after some writes). Runs on the
// store of the server under test, and reads back through its API.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { store } from "@/lib/store/store";
import { createOwnedDataset, createOwner, snapshot } from "./dataworld-client";
import type { TestUser } from "../../support/fixtures";

const backend = inject("backend");

const remote = (url: string) => ({ type: "csvfile", title: "Remote", params: {}, datasource: { type: "http" as const, connection: { type: "http" as const, url } } });

describe.skipIf(!!backend.skipReason)(`store transaction (${backend.provider})`, () => {
  let owner: TestUser;
  beforeAll(async () => {
    owner = await createOwner();
  });

  it("rolls back every write when the work throws", async () => {
    const dataset = await createOwnedDataset(backend.baseUrl, owner);
    const existing = await store().resources.create(dataset.uid, remote("http://127.0.0.1:9/kept.csv"));
    const before = await snapshot(backend.baseUrl, backend.adminKey, dataset.uid);
    const current = await store().datasets.get(dataset.uid, { kind: "all" });
    await expect(
      store().transaction(async (tx) => {
        await tx.datasets.update(dataset.uid, { is_restricted: true, metadata: { ...current!.metadata, default: { ...current!.metadata.default, title: { value: "Inside" } } } }, { scope: { kind: "all" } });
        await tx.resources.delete(dataset.uid, existing.uid);
        await tx.resources.create(dataset.uid, remote("http://127.0.0.1:9/new.csv"));
        throw new Error("stop halfway");
      }),
    ).rejects.toThrow("stop halfway");
    expect(await snapshot(backend.baseUrl, backend.adminKey, dataset.uid)).toEqual(before);
  });

  it("commits them together otherwise", async () => {
    const dataset = await createOwnedDataset(backend.baseUrl, owner);
    const existing = await store().resources.create(dataset.uid, remote("http://127.0.0.1:9/old.csv"));
    await store().transaction(async (tx) => {
      await tx.datasets.update(dataset.uid, { is_restricted: true }, { scope: { kind: "all" } });
      await tx.resources.delete(dataset.uid, existing.uid);
      await tx.resources.create(dataset.uid, remote("http://127.0.0.1:9/new.csv"));
    });
    const after = await snapshot(backend.baseUrl, backend.adminKey, dataset.uid);
    expect((after.dataset as { is_restricted: boolean }).is_restricted).toBe(true);
    expect((after.resources as { results: { datasource: { connection: { url: string } } }[] }).results.map((r) => r.datasource.connection.url)).toEqual(["http://127.0.0.1:9/new.csv"]);
  });
});
