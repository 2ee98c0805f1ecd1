// data.world API v0 (/v0/…, with or without trailing slashes): the dataset replace, on our services, in
// proxy mode too (where it answers why it cannot work). Never relayed: an upstream has no /v0.
import { authenticateBearer } from "@/lib/dataworld/authenticate";
import { dataworldErrorResponse } from "@/lib/dataworld/error-response";
import { createApiHandler, jsonResponse } from "@/lib/http/api-handler";
import { consoleTranslator } from "@/lib/http/console-translator";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { dataworldEndpoints } from "../_endpoints/datasets";

export const dynamic = "force-dynamic";

const handle = createApiHandler(dataworldEndpoints, { authenticate: authenticateBearer, renderError: dataworldErrorResponse });
let openapi: ReturnType<typeof buildOpenApiDocument> | undefined;

type Context = { params: Promise<{ path?: string[] }> };

async function route(request: Request, context: Context): Promise<Response> {
  const { path = [] } = await context.params;
  const pathname = "/" + path.map(encodeURIComponent).join("/") + "/";
  if (pathname === "/openapi.json/" && request.method === "GET") {
    openapi ??= buildOpenApiDocument(dataworldEndpoints, {
      title: "Data Portal Console — data.world API",
      version: "0",
      description: "data.world's dataset replace (PUT /datasets/{owner}/{id}) as served by this console, on its datasets and resources.",
      serverUrl: "/v0",
      securitySchemes: { BearerAuth: { type: "http", scheme: "bearer", description: "One of this console's API keys: `Authorization: Bearer <key>`." } },
    });
    return jsonResponse(200, openapi, { "Cache-Control": "public, max-age=300" });
  }
  return handle(request, pathname, consoleTranslator);
}

export { route as GET, route as POST, route as PUT, route as DELETE, route as PATCH, route as HEAD };
