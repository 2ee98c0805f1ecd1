// /api/management/v2/…, with or without trailing slashes. Served from the service layer in both modes: in proxy
// mode (UPSTREAM_URL) the principal's upstream does the work, as for the console (never a raw relay: the
// upstream speaks the Automation API, not this one).
import { createApiHandler, jsonResponse } from "@/lib/http/api-handler";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { AppError, msg } from "@/lib/errors/app-error";
import { authenticateManagement } from "@/lib/management-v2/authenticate";
import { renderManagementError } from "@/lib/management-v2/errors";
import { managementEndpoints } from "../../_endpoints";

export const dynamic = "force-dynamic";

const handle = createApiHandler(managementEndpoints, { authenticate: authenticateManagement, renderError: renderManagementError });
let openapi: ReturnType<typeof buildOpenApiDocument> | undefined;

function document() {
  const doc = buildOpenApiDocument(managementEndpoints, {
    title: "Data Portal Console — Management API v2",
    version: "2.0",
    description:
      "The Opendatasoft Management API v2 as served by this console: the asynchronous dataset actions and their jobs, datasets and their metadata. HTTP Basic (console username and password) or an API key. Dataset changes (restore_change) are not served.",
    serverUrl: "/api/management/v2",
  });
  // The documented way in is HTTP Basic; API keys work too.
  doc.components = { ...doc.components, securitySchemes: { ...doc.components?.securitySchemes, BasicAuth: { type: "http", scheme: "basic" } } };
  const security: Record<string, string[]>[] = [{ BasicAuth: [] }, { HeaderAPIKey: [] }, { QueryAPIKey: [] }];
  doc.security = security;
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item ?? {})) {
      if (operation && typeof operation === "object" && "security" in operation) operation.security = security;
    }
  }
  return doc;
}

type Context = { params: Promise<{ version: string; path?: string[] }> };

async function route(request: Request, context: Context): Promise<Response> {
  const { version, path = [] } = await context.params;
  if (version !== "v2") return renderManagementError(new AppError("not_found", msg("errors.not_found")), undefined);
  const pathname = "/" + path.map(encodeURIComponent).join("/") + "/";
  if (pathname === "/openapi.json/" && request.method === "GET") {
    openapi ??= document();
    return jsonResponse(200, openapi, { "Cache-Control": "public, max-age=300" });
  }
  return inV2Shape(await handle(request, pathname));
}

/** The handler's own answer to an unexpected failure is the Automation API's { error_code, message, trace_id }: this surface's shape instead. */
async function inV2Shape(response: Response): Promise<Response> {
  if (response.status !== 500) return response;
  const body = (await response.json().catch(() => ({}))) as { message?: string; trace_id?: string };
  const message = body.message ?? "A server error occurred.";
  return jsonResponse(500, { status_code: 500, error_key: "ODSException", message, raw_message: message, raw_params: {}, error_code: "internal_error", trace_id: body.trace_id });
}

export { route as GET, route as POST, route as PUT, route as DELETE, route as PATCH, route as HEAD };
