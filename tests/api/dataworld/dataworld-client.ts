// The data.world surface as a script calls it, and the dataset as the Automation API shows it: fixtures for the
// tests of PUT /v0/datasets/{owner}/{id}.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { apiClient, type ApiResponse } from "../../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../../support/fixtures";
import type { Permission } from "@/lib/auth/permissions";

export function dataworldClient(baseUrl: string) {
  const raw = apiClient(baseUrl, undefined, "/v0");
  return {
    raw,
    /** PUT /v0/datasets/{owner}/{id} with `Authorization: Bearer <key>` (key null: no header) */
    replace(owner: string, id: string, body: unknown, key: string | null, options: { raw?: string; headers?: Record<string, string>; slash?: boolean } = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (key !== null) headers.Authorization ??= `Bearer ${key}`;
      const path = `/datasets/${encodeURIComponent(owner)}/${encodeURIComponent(id)}${options.slash ? "/" : ""}`;
      if (options.raw !== undefined) return raw.request("PUT", path, { raw: options.raw, headers: { "Content-Type": "application/json", ...headers }, key: null });
      return raw.put(path, body, { headers, key: null });
    },
  };
}

/** A user who creates datasets (and so may change and manage their own), with a key. */
export function createOwner(permissions: Permission[] = ["create_dataset"]): Promise<TestUser> {
  return createTestUser({ prefix: "owner", permissions });
}

export type Snapshot = { dataset: unknown; resources: unknown };

/** The dataset and its resources through the Automation API, as the administrator sees them. */
export async function snapshot(baseUrl: string, adminKey: string, uid: string): Promise<Snapshot> {
  const admin = apiClient(baseUrl, adminKey);
  const dataset = await admin.get(`/datasets/${uid}/`);
  const resources = await admin.get(`/datasets/${uid}/resources/?limit=1000`);
  expect(dataset.status).toBe(200);
  expect(resources.status).toBe(200);
  return { dataset: dataset.body, resources: resources.body };
}

/** A dataset created through the Automation API with `owner`'s key: they are its creator. */
export async function createOwnedDataset(baseUrl: string, owner: TestUser, extra: { metadata?: Record<string, unknown>; is_restricted?: boolean } = {}) {
  const client = apiClient(baseUrl, owner.apiKey);
  const dataset_id = uniqueName("dw").replace(/_/g, "-");
  const res = await client.post("/datasets/", {
    dataset_id,
    is_restricted: extra.is_restricted ?? false,
    metadata: { default: { title: { value: "Before" }, ...(extra.metadata ?? {}) } },
  });
  expect(res.status).toBe(201);
  return res.body as { uid: string; dataset_id: string };
}

export function expectRefused(res: ApiResponse, status: number, errorCode: string) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ error_code: errorCode, message: expect.any(String) });
  expect(res.body.message.length).toBeGreaterThan(0);
}

/** A local HTTP server serving small CSV files (the servers under test may fetch from 127.0.0.1). */
export async function startFileServer(): Promise<{ url: (name: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/csv" });
    res.end("name,points\nAda,12\nGrace,9\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const validBody = (extra: Record<string, unknown> = {}) => ({ visibility: "OPEN", ...extra });
