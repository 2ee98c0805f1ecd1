// /api/explore/v2.1/…: under `next dev`, and in production for the console's own requests; the production
// server answers the others before Next (server/explore-fast-path.ts). In proxy mode, the upstream's Explore API.
import { config } from "@/lib/env/config";
import { consoleTranslator } from "@/lib/http/console-translator";
import { relayToUpstream } from "@/lib/http/upstream-relay";
import { handleExplore } from "../../_endpoints/handler";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ version: string; path?: string[] }> };

async function route(request: Request, context: Context): Promise<Response> {
  if (config().upstream) return relayToUpstream(request);
  const { version, path = [] } = await context.params;
  return handleExplore(request, version, path, consoleTranslator);
}

export { route as GET, route as HEAD };
