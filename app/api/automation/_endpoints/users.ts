// Automation API v1 — users (API-CONTRACT.md §2.13). Thin adapters: lib/users/* decides.
import { defineEndpoint } from "@/lib/http/endpoint";
import { errorResponses, validationErrorResponse } from "@/lib/http/openapi-responses";
import { paginate, paginatedSchema } from "@/lib/http/pagination";
import { inviteUsers, provisionUsers } from "@/lib/users/invitations";
import {
  bulkBodySchema,
  bulkResultSchema,
  currentPrincipalSchema,
  userExportQuerySchema,
  userListQuerySchema,
  usernameParamsSchema,
  userRetrieveQuerySchema,
  userSchema,
  userUpdateSchema,
} from "@/lib/users/schema";
import { deleteUser, exportUsersCsv, getUser, listUsers, presentUser, updateUser } from "@/lib/users/service";

const tags = ["Users"];
const administrators = { kind: "principal", anyOf: ["edit_domain"] } as const;

export const userEndpoints = [
  defineEndpoint({
    method: "GET",
    path: "/me/",
    operationId: "get-current-principal",
    summary: "Who am I",
    description:
      "Extension: the caller's username and effective domain permissions (an API key's own narrowed to its owner's), and the key's uid. A console in proxy mode asks it when a user signs in with a key of this domain.",
    tags,
    access: { kind: "principal" },
    responses: { 200: { description: "OK", schema: currentPrincipalSchema }, ...errorResponses },
    handler: async ({ principal }) => ({
      status: 200,
      body: { username: principal.username, via: principal.via, permissions: [...principal.permissions].sort(), api_key: principal.api_key_uid ? { uid: principal.api_key_uid } : null },
    }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/users/",
    operationId: "get-users",
    summary: "List users",
    tags,
    access: administrators,
    query: userListQuerySchema,
    responses: { 200: { description: "OK", schema: paginatedSchema(userSchema) }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, query, url }) => {
      const page = await listUsers(principal, query);
      const results = await Promise.all(page.results.map((u) => presentUser(u)));
      return { status: 200, body: paginate(url, { ...page, results }, query) };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/users/export/",
    operationId: "users-export",
    summary: "Export users",
    description: "CSV columns: username, last_name, first_name, email, date_joined, last_seen, groups (titles, `;`-separated), permissions (direct, `;`-separated).",
    tags,
    access: administrators,
    query: userExportQuerySchema,
    responses: { 200: { description: "OK", contentType: "text/csv" }, ...errorResponses },
    handler: async ({ principal, query }) =>
      new Response(await exportUsersCsv(principal, query.delimiter), {
        status: 200,
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="users.csv"', "Cache-Control": "no-store" },
      }),
  }),
  defineEndpoint({
    method: "POST",
    path: "/users/invite/",
    operationId: "invite-users",
    summary: "Invite users",
    description:
      "Creates a pending account for each item (`email` required; `username` derived from it when absent) and answers, for each, a one-time `invitation_url` where the invitee chooses a password. The link is shown only in this answer.",
    tags,
    access: administrators,
    body: bulkBodySchema,
    responses: { 200: { description: "Per-item results", schema: bulkResultSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, body, url }) => ({ status: 200, body: await inviteUsers(principal, body, url.origin) }),
  }),
  defineEndpoint({
    method: "POST",
    path: "/users/provision/",
    operationId: "provision-users",
    summary: "Provision users",
    description: "Creates accounts that sign in through `identity_provider` (no password, no invitation). A single object or an array of them.",
    tags,
    access: administrators,
    body: bulkBodySchema,
    responses: { 200: { description: "Per-item results", schema: bulkResultSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, body }) => ({ status: 200, body: await provisionUsers(principal, body) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/users/{username}/",
    operationId: "get-user",
    summary: "Retrieve user",
    tags,
    access: administrators,
    params: usernameParamsSchema,
    query: userRetrieveQuerySchema,
    responses: { 200: { description: "OK", schema: userSchema }, ...errorResponses },
    handler: async ({ principal, params, query }) => ({
      status: 200,
      body: await presentUser(await getUser(principal, params.username), { expandGroups: query.expand?.includes("groups") }),
    }),
  }),
  defineEndpoint({
    method: "PUT",
    path: "/users/{username}/",
    operationId: "update-user",
    summary: "Update user",
    description:
      "Changes first_name, last_name, email, permissions (direct grants, replaced) and explore_limits; omitted ones keep their value. Read-only properties (is_active, joined_at…) are ignored. Only permissions the caller holds can be added, and the last administrator cannot lose edit_domain.",
    tags,
    access: administrators,
    params: usernameParamsSchema,
    body: userUpdateSchema,
    responses: { 200: { description: "OK", schema: userSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 200, body: await presentUser(await updateUser(principal, params.username, body)) }),
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/users/{username}/",
    operationId: "delete-user",
    summary: "Delete user",
    description: "Refused (400 validation_error) when it would leave no active user holding edit_domain.",
    tags,
    access: administrators,
    params: usernameParamsSchema,
    responses: { 204: { description: "Deleted" }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params }) => {
      await deleteUser(principal, params.username);
      return { status: 204 };
    },
  }),
];
