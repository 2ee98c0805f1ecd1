// /api/automation/v1/… and /api/automation/v1.0/… (identical), with or without trailing slashes. In proxy mode
// (UPSTREAM_URL) the upstream's own API, relayed (lib/http/upstream-relay.ts).
import { createApiHandler, errorResponse, jsonResponse } from "@/lib/http/api-handler";
import { consoleTranslator } from "@/lib/http/console-translator";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { relayToUpstream } from "@/lib/http/upstream-relay";
import { config } from "@/lib/env/config";
import { AppError, msg } from "@/lib/errors/app-error";
import { automationEndpoints } from "../../_endpoints";

export const dynamic = "force-dynamic";

const VERSIONS = new Set(["v1", "v1.0"]);
const handle = createApiHandler(automationEndpoints);
let openapi: ReturnType<typeof buildOpenApiDocument> | undefined;

type Context = { params: Promise<{ version: string; path?: string[] }> };

async function route(request: Request, context: Context): Promise<Response> {
  if (config().upstream) return relayToUpstream(request);
  const { version, path = [] } = await context.params;
  if (!VERSIONS.has(version)) return errorResponse(new AppError("not_found", msg("errors.not_found")));
  const pathname = "/" + path.map(encodeURIComponent).join("/") + "/";
  if (pathname === "/openapi.json/" && request.method === "GET") {
    openapi ??= buildOpenApiDocument(automationEndpoints, {
      title: "Data Portal Console — Automation API",
      version: "1.0",
      description: "Opendatasoft Automation API v1 as served by this console. Extensions are marked as such.",
      serverUrl: "/api/automation/v1.0",
    });
    return jsonResponse(200, openapi, { "Cache-Control": "public, max-age=300" });
  }
  return handle(request, pathname, consoleTranslator);
}

export { route as GET, route as POST, route as PUT, route as DELETE, route as PATCH, route as HEAD };
