// Our OpenAPI 3.1 document, generated from the endpoint table and its zod schemas: what is documented is
// exactly what is validated and served.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import type { z } from "zod";
import type { AnyEndpoint } from "@/lib/http/endpoint";

/** The API key a surface's callers send (default: the Automation API's `Authorization: Apikey` header or `?apikey=`). */
export type ApiKeySchemes = Record<string, { type: "apiKey"; in: "header" | "query"; name: string; description?: string }>;

const AUTOMATION_KEY_SCHEMES: ApiKeySchemes = {
  QueryAPIKey: { type: "apiKey", in: "query", name: "apikey" },
  HeaderAPIKey: { type: "apiKey", in: "header", name: "Authorization", description: "`Authorization: Apikey <key>` (scheme case-insensitive)." },
};

export function buildOpenApiDocument(
  endpoints: AnyEndpoint[],
  options: { title: string; version: string; serverUrl: string; description: string; securitySchemes?: ApiKeySchemes },
) {
  const schemes = options.securitySchemes ?? AUTOMATION_KEY_SCHEMES;
  const security = Object.keys(schemes).map((name) => ({ [name]: [] }));
  const paths: ZodOpenApiPathsObject = {};
  for (const endpoint of endpoints) {
    const operation: ZodOpenApiOperationObject = {
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      description: endpoint.description,
      tags: endpoint.tags,
      security: endpoint.access.kind === "public" ? [] : security,
      requestParams: {
        ...(endpoint.params ? { path: endpoint.params as z.ZodObject } : {}),
        ...(endpoint.query ? { query: endpoint.query as z.ZodObject } : {}),
      },
      requestBody: endpoint.body ? { required: true, content: { "application/json": { schema: endpoint.body } } } : undefined,
      responses: Object.fromEntries(
        Object.entries(endpoint.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            content: response.schema ? { [response.contentType ?? "application/json"]: { schema: response.schema } } : undefined,
          },
        ]),
      ),
    };
    if (endpoint.access.kind === "principal" && endpoint.access.anyOf) {
      operation.description = `${operation.description ?? ""}\n\nRequires one of the permissions: ${endpoint.access.anyOf.join(", ")}.`.trim();
    }
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method.toLowerCase()]: operation };
  }
  return createDocument({
    openapi: "3.1.0",
    info: { title: options.title, version: options.version, description: options.description },
    servers: [{ url: options.serverUrl }],
    security,
    components: { securitySchemes: schemes },
    paths,
  });
}
