// Which of our extensions an upstream has, read from its OpenAPI document — served by a real HTTP server on
// loopback as an upstream of ours would (our own document), or refused as an Opendatasoft domain does.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { upstreamCapabilities } from "@/lib/store/remote/capabilities";
import { UpstreamClient } from "@/lib/store/remote/upstream-client";

let served: { status: number; body: string } = { status: 404, body: "{}" };
let requests = 0;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    res.writeHead(served.status, { "content-type": "application/json" }).end(served.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const ours = {
  paths: {
    "/datasets/": { get: { operationId: "list-datasets", parameters: [{ name: "search", in: "query" }, { name: "sort", in: "query" }] } },
    "/datasets/{dataset_uid}/processing/preview/": { post: { operationId: "preview-dataset-processing" } },
    "/me/": { get: { operationId: "get-current-principal" } },
  },
};

describe("upstreamCapabilities", () => {
  it("knows an upstream of ours by its document: operations and query parameters", async () => {
    served = { status: 200, body: JSON.stringify(ours) };
    const can = await upstreamCapabilities(new UpstreamClient({ url: `${base}/ours`, timeoutMs: 1000 }));
    expect(can.console).toBe(true);
    expect([can.has("datasetSearch"), can.has("datasetSort"), can.has("datasetViewRight")]).toEqual([true, true, false]);
    expect([can.has("processingPreview"), can.has("me"), can.has("reorderProcessors"), can.has("publishJobs")]).toEqual([true, true, false, false]);
  });

  it("takes a 404 for an upstream with the official operations only, and asks once in a while, not at every call", async () => {
    served = { status: 404, body: JSON.stringify({ error_code: "not_found", message: "Not found." }) };
    const client = new UpstreamClient({ url: `${base}/official`, timeoutMs: 1000 });
    const before = requests;
    const [a, b] = await Promise.all([upstreamCapabilities(client), upstreamCapabilities(client)]);
    await upstreamCapabilities(client);
    expect(requests - before).toBe(1);
    expect(a.console).toBe(false);
    expect(b.has("datasetSearch") || b.has("liveStatus") || b.has("me")).toBe(false);
  });

  it("asks a failing upstream again within seconds, an upstream that said 404 only minutes later", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      served = { status: 503, body: JSON.stringify({ error_code: "service_unavailable", message: "Maintenance" }) };
      const down = new UpstreamClient({ url: `${base}/down`, timeoutMs: 1000 });
      expect((await upstreamCapabilities(down)).console).toBe(false);
      const official = new UpstreamClient({ url: `${base}/official-2`, timeoutMs: 1000 });
      served = { status: 404, body: "{}" };
      expect((await upstreamCapabilities(official)).console).toBe(false);
      served = { status: 200, body: JSON.stringify(ours) };
      vi.setSystemTime(Date.now() + 20_000);
      expect((await upstreamCapabilities(down)).console).toBe(true);
      expect((await upstreamCapabilities(official)).console).toBe(false);
      vi.setSystemTime(Date.now() + 6 * 60_000);
      expect((await upstreamCapabilities(official)).console).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
