// Publishing on the upstream (proxy mode): the official actions and status, and — where the upstream is one of
// ours — the live snapshot and the publish history, which are our extensions. Without them the console shows the
// status alone and polls it (components/publishing/use-publishing.ts).
import { z } from "zod";
import { datasetStatusSchema, type DatasetStatus } from "@/lib/datasets/schema";
import { publishJobSchema, type PublishJob } from "@/lib/publishing/schema";
import type { PublishFunction } from "@/lib/publishing/status-machine";
import { upstreamCapabilities, type UpstreamExtension } from "@/lib/store/remote/capabilities";
import { datasetPath, type RemoteDatasets } from "@/lib/store/remote/datasets";
import { parseAnswer } from "@/lib/store/remote/parse-answer";
import type { UpstreamCaller } from "@/lib/store/remote/upstream-client";

const liveSchema = z.object({ status: datasetStatusSchema, job: publishJobSchema.nullable() });

export type RemotePublishing = ReturnType<typeof remotePublishing>;

export function remotePublishing(up: UpstreamCaller, datasets: RemoteDatasets) {
  return {
    async start(dataset_uid: string, fn: PublishFunction): Promise<void> {
      await up.json({ method: "POST", path: `${datasetPath(dataset_uid)}${fn}/`, body: {} });
    },

    async abort(dataset_uid: string): Promise<void> {
      await up.json({ method: "POST", path: `${datasetPath(dataset_uid)}abort/`, body: {} });
    },

    /** Whether the upstream has one of our publishing extensions (an upstream of ours does). */
    async has(extension: Extract<UpstreamExtension, "publishJobs" | "startedJobs">): Promise<boolean> {
      return (await upstreamCapabilities(up.client)).has(extension);
    },

    /** The jobs the caller started, newest first (extension: check `has("startedJobs")` first). */
    async startedJobs(limit: number): Promise<PublishJob[]> {
      const answer = await up.json({ method: "GET", path: "/publish_jobs/", query: { limit } });
      return parseAnswer(up.client, z.object({ results: z.array(publishJobSchema) }), answer, "list-started-publish-jobs").results;
    },

    async startedJob(job_id: string): Promise<PublishJob> {
      const answer = await up.json({ method: "GET", path: `/publish_jobs/${encodeURIComponent(job_id)}/` });
      return parseAnswer(up.client, publishJobSchema, answer, "retrieve-started-publish-job");
    },

    async history(dataset_uid: string, limit: number): Promise<PublishJob[]> {
      if (!(await upstreamCapabilities(up.client)).has("publishJobs")) return [];
      const answer = await up.json({ method: "GET", path: `${datasetPath(dataset_uid)}publish_jobs/`, query: { limit } });
      return parseAnswer(up.client, z.object({ results: z.array(publishJobSchema) }), answer, "list-publish-jobs").results;
    },

    async live(dataset_uid: string): Promise<{ status: DatasetStatus; job: PublishJob | null }> {
      if (!(await upstreamCapabilities(up.client)).has("liveStatus")) return { status: await datasets.status(dataset_uid), job: null };
      return parseAnswer(up.client, liveSchema, await up.json({ method: "GET", path: `${datasetPath(dataset_uid)}status/live/` }), "get-dataset-live-status");
    },
  };
}
