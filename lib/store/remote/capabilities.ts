// Proxy mode: which of our extensions the upstream has. An upstream of ours publishes its OpenAPI document at
// /api/automation/v1.0/openapi.json, naming every operation and query parameter it serves; a real Opendatasoft
// domain answers 404 there and has only the official operations. Read once, then again every few minutes (an
// upstream may be upgraded, or down at first); the console falls back where an extension is missing.
import type { UpstreamClient } from "@/lib/store/remote/upstream-client";
import { log } from "@/lib/log/logger";

/** Extensions the console uses, by the operationId our OpenAPI document gives them. */
export const EXTENSION_OPERATIONS = {
  me: "get-current-principal",
  processingPreview: "preview-dataset-processing",
  reorderProcessors: "reorder-dataset-processors",
  reorderFields: "reorder-dataset-fields",
  publishJobs: "list-publish-jobs",
  startedJobs: "list-started-publish-jobs",
  liveStatus: "get-dataset-live-status",
} as const;

/** Extensions that are query parameters of official operations (an Opendatasoft domain ignores them). */
export const EXTENSION_PARAMETERS = {
  datasetSearch: ["list-datasets", "search"],
  datasetSort: ["list-datasets", "sort"],
  datasetViewRight: ["list-datasets", "right"],
  userGroupFilter: ["get-users", "group"],
} as const;

export type UpstreamExtension = keyof typeof EXTENSION_OPERATIONS | keyof typeof EXTENSION_PARAMETERS;

export type UpstreamCapabilities = {
  /** the upstream is an instance of this console (it serves our OpenAPI document) */
  console: boolean;
  has(extension: UpstreamExtension): boolean;
};

const REFRESH_MS = 5 * 60_000;
const RETRY_MS = 15_000;

type OpenApi = { paths?: Record<string, Record<string, { operationId?: string; parameters?: { name?: string; in?: string }[] }>> };

function fromDocument(doc: OpenApi | null): UpstreamCapabilities {
  const operations = new Set<string>();
  /** "operationId parameter" */
  const queryParams = new Set<string>();
  for (const item of Object.values(doc?.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) {
      if (typeof operation?.operationId !== "string") continue;
      operations.add(operation.operationId);
      for (const p of operation.parameters ?? []) if (p?.in === "query" && typeof p.name === "string") queryParams.add(`${operation.operationId} ${p.name}`);
    }
  }
  return {
    console: doc !== null,
    has(extension) {
      if (extension in EXTENSION_PARAMETERS) return queryParams.has(EXTENSION_PARAMETERS[extension as keyof typeof EXTENSION_PARAMETERS].join(" "));
      return operations.has(EXTENSION_OPERATIONS[extension as keyof typeof EXTENSION_OPERATIONS]);
    },
  };
}

type Cached = { at: number; ttl: number; value: UpstreamCapabilities; pending?: Promise<UpstreamCapabilities> };
const globalForCapabilities = globalThis as unknown as { __dpcUpstreamCapabilities?: Map<string, Cached> };

async function read(client: UpstreamClient): Promise<{ value: UpstreamCapabilities; ttl: number }> {
  try {
    const doc = await client.json<OpenApi>(null, { method: "GET", path: "/openapi.json" });
    const ours = !!doc && typeof doc === "object" && typeof doc.paths === "object";
    return { value: fromDocument(ours ? doc : null), ttl: REFRESH_MS };
  } catch (error) {
    // 404 (an Opendatasoft domain) is an answer; a failure is retried sooner.
    const answered = typeof error === "object" && error !== null && (error as { code?: string }).code === "not_found";
    if (!answered) log.warn("could not read the upstream's capabilities", { upstream: client.origin, error: (error as Error).message });
    return { value: fromDocument(null), ttl: answered ? REFRESH_MS : RETRY_MS };
  }
}

export async function upstreamCapabilities(client: UpstreamClient): Promise<UpstreamCapabilities> {
  globalForCapabilities.__dpcUpstreamCapabilities ??= new Map();
  const cache = globalForCapabilities.__dpcUpstreamCapabilities;
  const cached = cache.get(client.config.url);
  if (cached && Date.now() - cached.at < cached.ttl) return cached.value;
  if (cached?.pending) return cached.pending;
  const pending = read(client).then(({ value, ttl }) => {
    cache.set(client.config.url, { at: Date.now(), ttl, value });
    return value;
  });
  cache.set(client.config.url, { ...(cached ?? { at: 0, ttl: 0, value: fromDocument(null) }), pending });
  return pending;
}
