// Automation API v1 — dataset security rulesets (API-CONTRACT.md §2.4). Thin adapters: lib/dataset-security decides.
import {
  groupRulesetParamsSchema,
  groupRulesetSchema,
  groupRulesetUpdateSchema,
  groupRulesetWriteSchema,
  rulesetListQuerySchema,
  userRulesetParamsSchema,
  userRulesetSchema,
  userRulesetUpdateSchema,
  userRulesetWriteSchema,
} from "@/lib/dataset-security/schema";
import { createRuleset, deleteRuleset, getRuleset, listRulesets, presentRuleset, updateRuleset } from "@/lib/dataset-security/service";
import { datasetUidParamsSchema } from "@/lib/datasets/schema";
import { AppError, msg } from "@/lib/errors/app-error";
import { defineEndpoint, type AnyEndpoint } from "@/lib/http/endpoint";
import { errorResponses, validationErrorResponse } from "@/lib/http/openapi-responses";
import { paginate, paginatedSchema } from "@/lib/http/pagination";
import type { RulesetTargetRef } from "@/lib/store/security-types";

const tags = ["Dataset security"];
const signedIn = { kind: "principal" } as const;
const managers = "Needs the manage right on the dataset (domain `manage_dataset`, its creator with `create_dataset`, or a ruleset granting `manage_dataset`).";

/** A PUT body naming another user or group than the path would silently move the ruleset: refused. */
function samePathTarget(target: RulesetTargetRef, named: string | undefined) {
  const path = target.kind === "user" ? target.username : target.group_uid;
  if (named === undefined || named === path) return;
  const field = target.kind === "user" ? "user.username" : "group.uid";
  const message = msg("security.errors.target_mismatch", { name: path });
  throw new AppError("validation_error", message, { fieldErrors: { [field]: [message] } });
}

export const datasetSecurityEndpoints: AnyEndpoint[] = [
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/security/users/",
    operationId: "list-dataset-user-security",
    summary: "List user rulesets",
    description: managers,
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    query: rulesetListQuerySchema,
    responses: { 200: { description: "OK", schema: paginatedSchema(userRulesetSchema) }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, query, url }) => {
      const page = await listRulesets(principal, params.dataset_uid, "user", query);
      return { status: 200, body: paginate(url, { ...page, results: page.results.map(presentRuleset) }, query) };
    },
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset_uid}/security/users/",
    operationId: "create-dataset-user-security",
    summary: "Create a user ruleset",
    description: `${managers} One ruleset per user and dataset.`,
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    body: userRulesetWriteSchema,
    responses: { 201: { description: "Created", schema: userRulesetSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({
      status: 201,
      body: presentRuleset(await createRuleset(principal, params.dataset_uid, { kind: "user", username: body.user.username }, body)),
    }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/security/users/{username}/",
    operationId: "retrieve-dataset-user-security",
    summary: "Retrieve a user ruleset",
    description: managers,
    tags,
    access: signedIn,
    params: userRulesetParamsSchema,
    responses: { 200: { description: "OK", schema: userRulesetSchema }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: presentRuleset(await getRuleset(principal, params.dataset_uid, { kind: "user", username: params.username })) }),
  }),
  defineEndpoint({
    method: "PUT",
    path: "/datasets/{dataset_uid}/security/users/{username}/",
    operationId: "update-dataset-user-security",
    summary: "Update a user ruleset",
    description: `${managers} Replaces the security and the permissions.`,
    tags,
    access: signedIn,
    params: userRulesetParamsSchema,
    body: userRulesetUpdateSchema,
    responses: { 200: { description: "OK", schema: userRulesetSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => {
      const target = { kind: "user", username: params.username } as const;
      samePathTarget(target, body.user?.username);
      return { status: 200, body: presentRuleset(await updateRuleset(principal, params.dataset_uid, target, body)) };
    },
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/datasets/{dataset_uid}/security/users/{username}/",
    operationId: "delete-dataset-user-security",
    summary: "Delete a user ruleset",
    description: `${managers} The user falls back to the group rulesets, else to the default security.`,
    tags,
    access: signedIn,
    params: userRulesetParamsSchema,
    responses: { 204: { description: "Deleted" }, ...errorResponses },
    handler: async ({ principal, params }) => {
      await deleteRuleset(principal, params.dataset_uid, { kind: "user", username: params.username });
      return { status: 204 };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/security/groups/",
    operationId: "list-dataset-group-security",
    summary: "List group rulesets",
    description: managers,
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    query: rulesetListQuerySchema,
    responses: { 200: { description: "OK", schema: paginatedSchema(groupRulesetSchema) }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, query, url }) => {
      const page = await listRulesets(principal, params.dataset_uid, "group", query);
      return { status: 200, body: paginate(url, { ...page, results: page.results.map(presentRuleset) }, query) };
    },
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset_uid}/security/groups/",
    operationId: "create-dataset-group-security",
    summary: "Create a group ruleset",
    description: `${managers} One ruleset per group and dataset; it applies to every member.`,
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    body: groupRulesetWriteSchema,
    responses: { 201: { description: "Created", schema: groupRulesetSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({
      status: 201,
      body: presentRuleset(await createRuleset(principal, params.dataset_uid, { kind: "group", group_uid: body.group.uid }, body)),
    }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/security/groups/{group_uid}/",
    operationId: "retrieve-dataset-group-security",
    summary: "Retrieve a group ruleset",
    description: managers,
    tags,
    access: signedIn,
    params: groupRulesetParamsSchema,
    responses: { 200: { description: "OK", schema: groupRulesetSchema }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: presentRuleset(await getRuleset(principal, params.dataset_uid, { kind: "group", group_uid: params.group_uid })) }),
  }),
  defineEndpoint({
    method: "PUT",
    path: "/datasets/{dataset_uid}/security/groups/{group_uid}/",
    operationId: "update-dataset-group-security",
    summary: "Update a group ruleset",
    description: `${managers} Replaces the security and the permissions.`,
    tags,
    access: signedIn,
    params: groupRulesetParamsSchema,
    body: groupRulesetUpdateSchema,
    responses: { 200: { description: "OK", schema: groupRulesetSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => {
      const target = { kind: "group", group_uid: params.group_uid } as const;
      samePathTarget(target, body.group?.uid);
      return { status: 200, body: presentRuleset(await updateRuleset(principal, params.dataset_uid, target, body)) };
    },
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/datasets/{dataset_uid}/security/groups/{group_uid}/",
    operationId: "delete-dataset-group-security",
    summary: "Delete a group ruleset",
    description: managers,
    tags,
    access: signedIn,
    params: groupRulesetParamsSchema,
    responses: { 204: { description: "Deleted" }, ...errorResponses },
    handler: async ({ principal, params }) => {
      await deleteRuleset(principal, params.dataset_uid, { kind: "group", group_uid: params.group_uid });
      return { status: 204 };
    },
  }),
];
