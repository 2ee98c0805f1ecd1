// A dataset's processors or field configurations on the upstream (proxy mode): the operations of
// lib/processing/stack-service.ts as official Automation API calls; reordering is our extension.
import { z } from "zod";
import { AppError, msg } from "@/lib/errors/app-error";
import { paginatedSchema } from "@/lib/http/pagination";
import { processingPreviewSchema, type ProcessingPreview, type ProcessingPreviewInput } from "@/lib/processing/schema";
import { processorSchema, processorTypeSchema } from "@/lib/processors/schema";
import type { ProcessorParameter, ProcessorTypeInfo } from "@/lib/processors/types";
import type { Page } from "@/lib/store/types";
import { upstreamCapabilities } from "@/lib/store/remote/capabilities";
import { datasetPath } from "@/lib/store/remote/datasets";
import { parseAnswer } from "@/lib/store/remote/parse-answer";
import { seg, type UpstreamCaller } from "@/lib/store/remote/upstream-client";

type Wire = z.infer<typeof processorSchema>;
const itemPage = paginatedSchema(processorSchema);

export type RemoteStack = ReturnType<typeof remoteStack>;

export function remoteStack(up: UpstreamCaller, collection: "processors" | "fields") {
  const base = (dataset_uid: string) => `${datasetPath(dataset_uid)}${collection}/`;
  const item = (dataset_uid: string, uid: string) => `${base(dataset_uid)}${seg(uid)}/`;
  const read = (value: unknown, operation: string): Wire => parseAnswer(up.client, processorSchema, value, operation);
  const noun = collection === "processors" ? "processor" : "field";
  return {
    async list(dataset_uid: string, page: { limit: number; offset: number }): Promise<Page<Wire>> {
      const answer = parseAnswer(up.client, itemPage, await up.json({ method: "GET", path: base(dataset_uid), query: page }), `list-dataset-${collection}`);
      return { total_count: answer.total_count, results: answer.results };
    },
    async get(dataset_uid: string, uid: string): Promise<Wire> {
      return read(await up.json({ method: "GET", path: item(dataset_uid, uid) }), `retrieve-dataset-${noun}`);
    },
    async create(dataset_uid: string, input: Record<string, unknown>): Promise<Wire> {
      return read(await up.json({ method: "POST", path: base(dataset_uid), body: input }), `create-dataset-${noun}`);
    },
    async update(dataset_uid: string, uid: string, input: Record<string, unknown>): Promise<Wire> {
      return read(await up.json({ method: "PUT", path: item(dataset_uid, uid), body: input }), `update-dataset-${noun}`);
    },
    async remove(dataset_uid: string, uid: string): Promise<void> {
      await up.json({ method: "DELETE", path: item(dataset_uid, uid) });
    },
    /** Our extension; an upstream without it cannot reorder in one step (the console hides the handles there). */
    async reorder(dataset_uid: string, uids: string[]): Promise<Wire[]> {
      const can = await upstreamCapabilities(up.client);
      if (!can.has(collection === "processors" ? "reorderProcessors" : "reorderFields")) {
        throw new AppError("bad_request", msg("proxy.missing_extension", { upstream: up.client.origin }));
      }
      return parseAnswer(up.client, z.array(processorSchema), await up.json({ method: "POST", path: `${base(dataset_uid)}reorder/`, body: { uids } }), `reorder-dataset-${collection}`);
    },
  };
}

const PARAMETER_KINDS = new Set<string>(["string", "integer", "boolean", "choice", "field", "fields"]);

/** An upstream's processors may take parameters of kinds our forms do not know: those are edited as text. */
function toProcessorType(type: z.infer<typeof processorTypeSchema>): ProcessorTypeInfo {
  return {
    ...type,
    parameters: type.parameters.map(
      (p): ProcessorParameter => ({
        type: (PARAMETER_KINDS.has(p.type) ? p.type : "string") as ProcessorParameter["type"],
        is_mandatory: p.is_mandatory,
        name: p.name,
        label: p.label,
        ...(p.default !== undefined && p.default !== null ? { default: String(p.default) } : {}),
        ...(p.description ? { description: p.description } : {}),
        ...(p.choices ? { choices: p.choices } : {}),
      }),
    ),
  };
}

export function remoteProcessing(up: UpstreamCaller) {
  return {
    async processorTypes(): Promise<ProcessorTypeInfo[]> {
      return parseAnswer(up.client, z.array(processorTypeSchema), await up.json({ method: "GET", path: "/processors/" }), "list-processors").map(toProcessorType);
    },
    /** Our extension: the per-step preview. */
    async preview(dataset_uid: string, input: ProcessingPreviewInput): Promise<ProcessingPreview> {
      return parseAnswer(up.client, processingPreviewSchema, await up.json({ method: "POST", path: `${datasetPath(dataset_uid)}processing/preview/`, body: input }), "preview-dataset-processing");
    },
  };
}
