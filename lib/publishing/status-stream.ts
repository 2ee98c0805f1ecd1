import "server-only";
// The live publish status as server-sent events: the dataset status and its latest job, sent whenever they
// change (checked twice a second, so a change reaches the console within a second), with a comment every 15 s
// to keep proxies from closing the stream. The stream ends after 10 minutes; EventSource reconnects by itself.
import type { Principal } from "@/lib/auth/principal";
import { getDatasetStatus, requireDatasetRight } from "@/lib/datasets/service";
import { presentJob } from "@/lib/publishing/service";
import { store } from "@/lib/store/store";

const CHECK_MS = 500;
const KEEPALIVE_MS = 15_000;
const MAX_STREAM_MS = 10 * 60_000;

export async function liveStatusSnapshot(principal: Principal, dataset_uid: string) {
  if (principal.upstream) return principal.upstream.publishing.live(dataset_uid);
  const [status, jobs] = await Promise.all([getDatasetStatus(principal, dataset_uid), store().publishJobs.history(dataset_uid, 1)]);
  return { status, job: jobs[0] ? presentJob(jobs[0]) : null };
}

export async function statusEventStream(principal: Principal, dataset_uid: string, signal: AbortSignal): Promise<Response> {
  await requireDatasetRight(principal, dataset_uid, "view");
  const encoder = new TextEncoder();
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = "";
      let lastSent = Date.now();
      const close = () => {
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      signal.addEventListener("abort", close, { once: true });
      const tick = async () => {
        if (signal.aborted) return;
        try {
          const snapshot = JSON.stringify(await liveStatusSnapshot(principal, dataset_uid));
          if (snapshot !== last) {
            controller.enqueue(encoder.encode(`event: status\ndata: ${snapshot}\n\n`));
            last = snapshot;
            lastSent = Date.now();
          } else if (Date.now() - lastSent > KEEPALIVE_MS) {
            controller.enqueue(encoder.encode(`: keep-alive\n\n`));
            lastSent = Date.now();
          }
        } catch {
          // dataset deleted or access withdrawn meanwhile: end the stream, the client falls back to polling
          return close();
        }
        if (Date.now() - started > MAX_STREAM_MS) return close();
        timer = setTimeout(() => void tick(), CHECK_MS);
      };
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      void tick();
    },
    cancel() {
      clearTimeout(timer);
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store, no-transform", "X-Accel-Buffering": "no", Connection: "keep-alive" },
  });
}
