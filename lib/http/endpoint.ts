// An API operation, declared once: its path and method, who may call it, the zod schemas of its inputs and
// outputs, and its handler. The same table drives the router, the authorization check and the OpenAPI document.
import type { z } from "zod";
import type { Principal } from "@/lib/auth/principal";
import type { Permission } from "@/lib/auth/permissions";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type EndpointAccess =
  /** anyone, signed in or not */
  | { kind: "public" }
  /** any authenticated principal; `anyOf`: at least one of these domain permissions */
  | { kind: "principal"; anyOf?: readonly Permission[] };

export type EndpointResponse = { description: string; schema?: z.ZodType; contentType?: string };

export type HandlerContext<P, Q, B> = {
  request: Request;
  url: URL;
  principal: Principal;
  params: P;
  query: Q;
  body: B;
};

export type HandlerResult = { status: number; body?: unknown; headers?: Record<string, string> } | Response;

export type Endpoint<P = unknown, Q = unknown, B = unknown> = {
  method: HttpMethod;
  /** OpenAPI path template relative to the API base, with its trailing slash: "/datasets/{dataset_uid}/" */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: EndpointAccess;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  responses: Record<number, EndpointResponse>;
  handler: (ctx: HandlerContext<P, Q, B>) => Promise<HandlerResult>;
};

export type AnyEndpoint = Endpoint<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Declares an endpoint with its handler typed from its schemas. */
export function defineEndpoint<P = undefined, Q = undefined, B = undefined>(endpoint: Endpoint<P, Q, B>): AnyEndpoint {
  return endpoint as AnyEndpoint;
}
