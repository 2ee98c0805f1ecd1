// The upstream's Automation API, called directly (not through the proxy) as its administrator: to set data up
// before a test, and to prove that what a test did through the proxy landed upstream.
import { expect, request, type APIRequestContext } from "@playwright/test";
import { ADMIN_API_KEY } from "../../support/accounts";
import { UPSTREAM_ORIGIN } from "../../support/proxy-accounts";

const BASE = "/api/automation/v1";

export function upstreamAdmin(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: UPSTREAM_ORIGIN, extraHTTPHeaders: { Authorization: `Apikey ${ADMIN_API_KEY}` } });
}

/** GET on the upstream's Automation API; `path` is relative to /api/automation/v1. */
export async function upstreamGet<T>(api: APIRequestContext, path: string): Promise<T> {
  const response = await api.get(`${BASE}${path}`);
  expect(response.status(), `GET ${path} upstream: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

export async function upstreamPost<T>(api: APIRequestContext, path: string, data?: unknown): Promise<T> {
  const response = await api.post(`${BASE}${path}`, data === undefined ? {} : { data });
  expect(response.status(), `POST ${path} upstream: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

export type UpstreamDataset = {
  uid: string;
  dataset_id: string;
  is_restricted: boolean;
  metadata: { default: { title: { value: string } } };
};

/** The upstream dataset whose title is exactly `title` (as its administrator sees the list), or undefined. */
export async function upstreamDatasetTitled(api: APIRequestContext, title: string): Promise<UpstreamDataset | undefined> {
  const page = await upstreamGet<{ results: UpstreamDataset[] }>(api, `/datasets/?search=${encodeURIComponent(title)}&limit=100`);
  return page.results.find((d) => d.metadata.default.title.value === title);
}
