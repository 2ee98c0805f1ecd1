// Automation API v1 — user groups (API-CONTRACT.md §2.14). Thin adapters: lib/groups/* decides.
import { presentGroup } from "@/lib/groups/present";
import {
  groupCreateSchema,
  groupListQuerySchema,
  groupMemberParamsSchema,
  groupParamsSchema,
  groupUpdateSchema,
  memberBatchSchema,
  memberBodySchema,
  userGroupSchema,
} from "@/lib/groups/schema";
import { addMember, addMembers, createGroup, deleteGroup, getGroup, listGroups, listMembers, removeMember, updateGroup } from "@/lib/groups/service";
import { defineEndpoint } from "@/lib/http/endpoint";
import { errorResponses, validationErrorResponse } from "@/lib/http/openapi-responses";
import { paginate, paginatedSchema } from "@/lib/http/pagination";
import { pageQuerySchema } from "@/lib/metadata/template-schema";
import { bulkResultSchema, userSchema } from "@/lib/users/schema";
import { presentUser } from "@/lib/users/service";

const tags = ["User groups"];
const administrators = { kind: "principal", anyOf: ["edit_domain"] } as const;

export const groupEndpoints = [
  defineEndpoint({
    method: "GET",
    path: "/groups/",
    operationId: "list-user-groups",
    summary: "List user groups",
    tags,
    access: administrators,
    query: groupListQuerySchema,
    responses: { 200: { description: "OK", schema: paginatedSchema(userGroupSchema) }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, query, url }) => {
      const page = await listGroups(principal, query);
      return { status: 200, body: paginate(url, { ...page, results: page.results.map(presentGroup) }, query) };
    },
  }),
  defineEndpoint({
    method: "POST",
    path: "/groups/",
    operationId: "create-user-group",
    summary: "Create a user group",
    description: "The uid is the title slugified with `_` (`Content Designers` → `content_designers`). Only permissions the caller holds can be granted.",
    tags,
    access: administrators,
    body: groupCreateSchema,
    responses: { 201: { description: "Created", schema: userGroupSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, body }) => ({ status: 201, body: presentGroup(await createGroup(principal, body)) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/groups/{group_uid}/",
    operationId: "retrieve-user-group",
    summary: "Retrieve a user group",
    tags,
    access: administrators,
    params: groupParamsSchema,
    responses: { 200: { description: "OK", schema: userGroupSchema }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: presentGroup(await getGroup(principal, params.group_uid)) }),
  }),
  defineEndpoint({
    method: "PUT",
    path: "/groups/{group_uid}/",
    operationId: "update-user-group",
    summary: "Update a user group",
    description: "Omitted properties keep their value; `permissions` replaces the group's grants. The uid never changes.",
    tags,
    access: administrators,
    params: groupParamsSchema,
    body: groupUpdateSchema,
    responses: { 200: { description: "OK", schema: userGroupSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 200, body: presentGroup(await updateGroup(principal, params.group_uid, body)) }),
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/groups/{group_uid}/",
    operationId: "delete-user-group",
    summary: "Delete a user group",
    tags,
    access: administrators,
    params: groupParamsSchema,
    responses: { 204: { description: "Deleted" }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params }) => {
      await deleteGroup(principal, params.group_uid);
      return { status: 204 };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/groups/{group_uid}/users/",
    operationId: "list-users-of-a-user-group",
    summary: "List users of a user group",
    tags,
    access: administrators,
    params: groupParamsSchema,
    query: pageQuerySchema,
    responses: { 200: { description: "OK", schema: paginatedSchema(userSchema) }, ...errorResponses },
    handler: async ({ principal, params, query, url }) => {
      const page = await listMembers(principal, params.group_uid, query);
      const results = await Promise.all(page.results.map((u) => presentUser(u)));
      return { status: 200, body: paginate(url, { ...page, results }, query) };
    },
  }),
  defineEndpoint({
    method: "POST",
    path: "/groups/{group_uid}/users/batch/",
    operationId: "batch-add-users-to-user-group",
    summary: "Batch add of users to a user group",
    tags,
    access: administrators,
    params: groupParamsSchema,
    body: memberBatchSchema,
    responses: { 200: { description: "Per-item results", schema: bulkResultSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 200, body: await addMembers(principal, params.group_uid, body) }),
  }),
  defineEndpoint({
    method: "POST",
    path: "/groups/{group_uid}/users/",
    operationId: "add-user-to-user-group",
    summary: "Add a user to a user group",
    description: "The caller must hold every permission the group grants.",
    tags,
    access: administrators,
    params: groupParamsSchema,
    body: memberBodySchema,
    responses: { 201: { description: "Created", schema: userSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 201, body: await presentUser(await addMember(principal, params.group_uid, body.username)) }),
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/groups/{group_uid}/users/{username}/",
    operationId: "delete-user-of-a-user-group",
    summary: "Remove a user from a user group",
    tags,
    access: administrators,
    params: groupMemberParamsSchema,
    responses: { 204: { description: "Deleted" }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params }) => {
      await removeMember(principal, params.group_uid, params.username);
      return { status: 204 };
    },
  }),
];
