// Our OpenAPI 3.1 document, generated from the endpoint table and its zod schemas: what is documented is
// exactly what is validated and served.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiComponentsObject } from "zod-openapi";
import type { z } from "zod";
import type { AnyEndpoint } from "@/lib/http/endpoint";

type SecuritySchemes = NonNullable<ZodOpenApiComponentsObject["securitySchemes"]>;

// The Automation API's: an API key in the Authorization header or the apikey query parameter.
export const API_KEY_SCHEMES: SecuritySchemes = {
  HeaderAPIKey: { type: "apiKey", in: "header", name: "Authorization", description: "`Authorization: Apikey <key>` (scheme case-insensitive)." },
  QueryAPIKey: { type: "apiKey", in: "query", name: "apikey" },
};

/** `securitySchemes`: how the surface authenticates (any one of them will do); the Automation API's by default. */
export function buildOpenApiDocument(
  endpoints: AnyEndpoint[],
  options: { title: string; version: string; serverUrl: string; description: string; securitySchemes?: SecuritySchemes },
) {
  const securitySchemes = options.securitySchemes ?? API_KEY_SCHEMES;
  const security = Object.keys(securitySchemes).map((name) => ({ [name]: [] }));
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
    components: { securitySchemes },
    paths,
  });
}
