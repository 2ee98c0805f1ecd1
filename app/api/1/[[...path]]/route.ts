// /api/1/… — the udata (data.gouv.fr) API 1 for datasets and resources, with or without trailing slashes, on the
// service layer (so it works in proxy mode too, the trash aside). Its OpenAPI document: /api/1/swagger.json.
import { createApiHandler, jsonResponse } from "@/lib/http/api-handler";
import { consoleTranslator } from "@/lib/http/console-translator";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { parseRelaxedJson } from "@/lib/udata/relaxed-json";
import { authenticateUdata, renderUdataError, UDATA_KEY_HEADER } from "@/lib/udata/surface";
import { udataEndpoints, udataRoutes } from "../_endpoints";

export const dynamic = "force-dynamic";

const handle = createApiHandler(udataRoutes, { authenticate: authenticateUdata, renderError: renderUdataError, parseJson: parseRelaxedJson });
let swagger: ReturnType<typeof buildOpenApiDocument> | undefined;

type Context = { params: Promise<{ path?: string[] }> };

async function route(request: Request, context: Context): Promise<Response> {
  const { path = [] } = await context.params;
  const pathname = "/" + path.map(encodeURIComponent).join("/") + "/";
  if (pathname === "/swagger.json/" && request.method === "GET") {
    swagger ??= buildOpenApiDocument(udataEndpoints, {
      title: "Data Portal Console — udata API",
      version: "1.0",
      description: "The data.gouv.fr (udata) API 1 for datasets and resources, as served by this console.",
      serverUrl: "/api/1",
      securitySchemes: { apikey: { type: "apiKey", in: "header", name: UDATA_KEY_HEADER } },
    });
    return jsonResponse(200, swagger, { "Cache-Control": "public, max-age=300" });
  }
  return handle(request, pathname, consoleTranslator);
}

export { route as GET, route as POST, route as PUT, route as DELETE, route as PATCH, route as HEAD };
