// Automation API v1 — API keys (API-CONTRACT.md §2.15): each principal's own keys; search_key for administrators.
import {
  apiKeyCreateSchema,
  apiKeyParamsSchema,
  apiKeyRetrieveQuerySchema,
  apiKeyRevokeSchema,
  apiKeySchema,
  apiKeySearchResultSchema,
  apiKeySearchSchema,
  apiKeyUpdateSchema,
} from "@/lib/api-keys/schema";
import { createApiKey, getApiKey, listApiKeys, presentApiKey, revokeApiKey, searchApiKey, updateApiKey } from "@/lib/api-keys/service";
import { defineEndpoint } from "@/lib/http/endpoint";
import { errorResponses, validationErrorResponse } from "@/lib/http/openapi-responses";
import { paginate, paginatedSchema } from "@/lib/http/pagination";
import { pageQuerySchema } from "@/lib/metadata/template-schema";

const tags = ["API keys"];
const signedIn = { kind: "principal" } as const;
const administrators = { kind: "principal", anyOf: ["edit_domain"] } as const;

export const apiKeyEndpoints = [
  defineEndpoint({
    method: "GET",
    path: "/apikeys/",
    operationId: "get-apikeys",
    summary: "List API keys",
    description: "The caller's own keys, newest first.",
    tags,
    access: signedIn,
    query: pageQuerySchema,
    responses: { 200: { description: "OK", schema: paginatedSchema(apiKeySchema) }, ...errorResponses },
    handler: async ({ principal, query, url }) => {
      const page = await listApiKeys(principal, query);
      const results = await Promise.all(page.results.map((k) => presentApiKey(k)));
      return { status: 200, body: paginate(url, { ...page, results }, query) };
    },
  }),
  defineEndpoint({
    method: "POST",
    path: "/apikeys/",
    operationId: "post-apikeys",
    summary: "Create an API key",
    description: "For the caller's own user. `key`, the secret, is in this answer only. Only permissions the caller holds can be given.",
    tags,
    access: signedIn,
    body: apiKeyCreateSchema,
    responses: { 201: { description: "Created", schema: apiKeySchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, body }) => {
      const { key, secret } = await createApiKey(principal, body);
      return { status: 201, body: await presentApiKey(key, { secret }) };
    },
  }),
  defineEndpoint({
    method: "POST",
    path: "/apikeys/search_key/",
    operationId: "search-apikey",
    summary: "Search an API key",
    description: "Administrators find any key, active or revoked, by its secret.",
    tags,
    access: administrators,
    body: apiKeySearchSchema,
    responses: { 200: { description: "OK", schema: apiKeySearchResultSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, body }) => {
      const found = await searchApiKey(principal, body.key);
      return { status: 200, body: { found: found !== null, result: found ? await presentApiKey(found) : null } };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/apikeys/{apikey_uid}/",
    operationId: "get-apikey",
    summary: "Retrieve an API key",
    tags,
    access: signedIn,
    params: apiKeyParamsSchema,
    query: apiKeyRetrieveQuerySchema,
    responses: { 200: { description: "OK", schema: apiKeySchema }, ...errorResponses },
    handler: async ({ principal, params, query }) => ({
      status: 200,
      body: await presentApiKey(await getApiKey(principal, params.apikey_uid), { expandUser: query.expand?.includes("user") }),
    }),
  }),
  defineEndpoint({
    method: "PUT",
    path: "/apikeys/{apikey_uid}/",
    operationId: "put-apikeys-apikey_uid",
    summary: "Update an API key",
    description: "Changes `label` and `permissions` (replaced); omitted ones keep their value.",
    tags,
    access: signedIn,
    params: apiKeyParamsSchema,
    body: apiKeyUpdateSchema,
    responses: { 200: { description: "OK", schema: apiKeySchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 200, body: await presentApiKey(await updateApiKey(principal, params.apikey_uid, body)) }),
  }),
  defineEndpoint({
    method: "POST",
    path: "/apikeys/{apikey_uid}/revoke/",
    operationId: "post-apikeys-apikey_uid-revoke",
    summary: "Revoke an API key",
    description: "The key fails authentication from now on (401). Revoking twice keeps the first revocation.",
    tags,
    access: signedIn,
    params: apiKeyParamsSchema,
    body: apiKeyRevokeSchema,
    responses: { 200: { description: "OK", schema: apiKeySchema }, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 200, body: await presentApiKey(await revokeApiKey(principal, params.apikey_uid, body.reason)) }),
  }),
];
