// /api/management/v2/…, with or without trailing slashes. Served from the service layer in both modes: in proxy
// mode (UPSTREAM_URL) the principal's upstream does the work, as for the console (never a raw relay: the
// upstream speaks the Automation API, not this one).
import { createApiHandler, jsonResponse } from "@/lib/http/api-handler";
import { API_KEY_SCHEMES, buildOpenApiDocument } from "@/lib/http/openapi";
import { AppError, msg } from "@/lib/errors/app-error";
import { authenticateManagement } from "@/lib/management-v2/authenticate";
import { renderManagementError } from "@/lib/management-v2/errors";
import { managementEndpoints } from "../../_endpoints";

export const dynamic = "force-dynamic";

const handle = createApiHandler(managementEndpoints, { authenticate: authenticateManagement, renderError: renderManagementError });
let openapi: ReturnType<typeof buildOpenApiDocument> | undefined;

function document() {
  return buildOpenApiDocument(managementEndpoints, {
    title: "Data Portal Console — Management API v2",
    version: "2.0",
    description:
      "The Opendatasoft Management API v2 as served by this console: the asynchronous dataset actions and their jobs, datasets and their metadata. HTTP Basic (console username and password) or an API key. Dataset changes (restore_change) are not served.",
    serverUrl: "/api/management/v2",
    // the documented way in is HTTP Basic; API keys work too
    securitySchemes: { BasicAuth: { type: "http", scheme: "basic" }, ...API_KEY_SCHEMES },
  });
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
  return handle(request, pathname);
}

export { route as GET, route as POST, route as PUT, route as DELETE, route as PATCH, route as HEAD };
