// Helpers of the Management API v2 tests: a client authenticating like the documentation's curl examples
// (HTTP Basic) or with an API key, and a validator of responses against our own OpenAPI document.
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { apiClient, type ApiResponse } from "../../support/api-client";
import { pollUntil } from "../../support/publishing";
import type { TestUser } from "../../support/fixtures";

export const BASE = "/api/management/v2";
export const JOB_ID = /^[0-9a-f]{40}$/;

export type V2Job = {
  job_id: string;
  job_uid: string;
  dataset_uid: string;
  user_id: string | null;
  function: string;
  params: Record<string, unknown>;
  state: "waiting" | "started" | "running" | "done" | "error";
  progresses: unknown[];
  result?: { name: string; outcome: string; records_processed: number };
  message: string | null;
};

export const basic = (user: Pick<TestUser, "username" | "password">) => `Basic ${Buffer.from(`${user.username}:${user.password}`).toString("base64")}`;

let addressCounter = 0;
/** A client address of its own (X-Forwarded-For), so failed sign-ins elsewhere never throttle this test's. */
export function freshAddress(): string {
  addressCounter += 1;
  return `10.${(process.pid >> 8) & 255}.${process.pid & 255}.${addressCounter % 250}`;
}

/** The Management API as a user with their password (HTTP Basic), from an address of its own. */
export function basicClient(baseUrl: string, user: Pick<TestUser, "username" | "password">) {
  const client = apiClient(baseUrl, undefined, BASE);
  const headers = { Authorization: basic(user), "X-Forwarded-For": freshAddress() };
  return {
    get: (path: string) => client.get(path, { headers }),
    put: (path: string, body?: unknown) => client.put(path, body, { headers }),
    post: (path: string, body?: unknown) => client.post(path, body, { headers }),
    delete: (path: string) => client.delete(path, { headers }),
  };
}

export const keyClient = (baseUrl: string, key: string) => apiClient(baseUrl, key, BASE);

/**
 * A user's client as the documentation's examples authenticate (HTTP Basic); in proxy mode, where the upstream
 * knows keys and not passwords, with their API key.
 */
export function userClient(backend: { baseUrl: string; proxy?: unknown }, user: TestUser) {
  return backend.proxy ? keyClient(backend.baseUrl, user.apiKey) : basicClient(backend.baseUrl, user);
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Validates response bodies against the schemas of our /api/management/v2/openapi.json. */
export async function ownDocumentValidator(baseUrl: string) {
  const res = await fetch(`${baseUrl}${BASE}/openapi.json`);
  expect(res.status).toBe(200);
  const document = (await res.json()) as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(document, "own");
  const cache = new Map<string, ValidateFunction>();
  return {
    document,
    /** Errors (empty when valid) of `body` against the documented response of that operation and status. */
    errors(method: string, path: string, status: number, body: unknown): string[] {
      const operation = document.paths?.[path]?.[method.toLowerCase()];
      if (!operation) return [`the document has no ${method} ${path}`];
      if (!operation.responses?.[String(status)]) return [`the document has no ${status} for ${method} ${path}`];
      const pointer = ["paths", path, method.toLowerCase(), "responses", String(status), "content", "application/json", "schema"]
        .map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1"))
        .join("/");
      const ref = `own#/${pointer}`;
      let validate = cache.get(ref);
      if (!validate) cache.set(ref, (validate = ajv.compile({ $ref: ref })));
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    },
  };
}

/** Polls a job until it has ended (done or error). */
export async function jobEnded(client: { get: (path: string) => Promise<ApiResponse> }, job_id: string): Promise<V2Job> {
  const res = await pollUntil(
    () => client.get(`/jobs/${job_id}`),
    (r) => r.status !== 200 || r.body.state === "done" || r.body.state === "error",
    `job ${job_id} to end`,
  );
  expect(res.status, res.text).toBe(200);
  return res.body as V2Job;
}

/** The Management v2 error shape, with our error_code. */
export function expectV2Error(res: ApiResponse, status: number, error_code: string, error_key?: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.body).toMatchObject({ status_code: status, error_code, message: expect.any(String), raw_message: expect.any(String), raw_params: expect.any(Object) });
  expect(typeof res.body.error_key).toBe("string");
  if (error_key) expect(res.body.error_key).toBe(error_key);
}
