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
import type { z } from "zod";

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

/** The two families of §2.4 differ only in their target: users by username, groups by uid. */
const KINDS = {
  user: {
    plural: "users",
    param: "username",
    noun: "user",
    params: userRulesetParamsSchema,
    write: userRulesetWriteSchema,
    update: userRulesetUpdateSchema,
    schema: userRulesetSchema,
    target: (name: string): RulesetTargetRef => ({ kind: "user", username: name }),
    named: (body: { user?: { username: string } }) => body.user?.username,
    deleted: "The user falls back to the group rulesets, else to the default security.",
  },
  group: {
    plural: "groups",
    param: "group_uid",
    noun: "group",
    params: groupRulesetParamsSchema,
    write: groupRulesetWriteSchema,
    update: groupRulesetUpdateSchema,
    schema: groupRulesetSchema,
    target: (name: string): RulesetTargetRef => ({ kind: "group", group_uid: name }),
    named: (body: { group?: { uid: string } }) => body.group?.uid,
    deleted: "Its members fall back to their own and other groups' rulesets, else to the default security.",
  },
} as const;

function rulesetEndpoints(kind: keyof typeof KINDS): AnyEndpoint[] {
  const k = KINDS[kind];
  const collection = `/datasets/{dataset_uid}/security/${k.plural}/`;
  const item = `${collection}{${k.param}}/`;
  const nameOf = (params: Record<string, string>) => params[k.param]!;
  const named = k.named as (body: unknown) => string | undefined;
  return [
    defineEndpoint({
      method: "GET",
      path: collection,
      operationId: `list-dataset-${k.noun}-security`,
      summary: `List ${k.noun} rulesets`,
      description: managers,
      tags,
      access: signedIn,
      params: datasetUidParamsSchema,
      query: rulesetListQuerySchema,
      responses: { 200: { description: "OK", schema: paginatedSchema(k.schema) }, 400: validationErrorResponse, ...errorResponses },
      handler: async ({ principal, params, query, url }) => {
        const page = await listRulesets(principal, params.dataset_uid, kind, query);
        return { status: 200, body: paginate(url, { ...page, results: page.results.map(presentRuleset) }, query) };
      },
    }),
    defineEndpoint({
      method: "POST",
      path: collection,
      operationId: `create-dataset-${k.noun}-security`,
      summary: `Create a ${k.noun} ruleset`,
      description: `${managers} One ruleset per ${k.noun} and dataset.`,
      tags,
      access: signedIn,
      params: datasetUidParamsSchema,
      body: k.write as typeof userRulesetWriteSchema,
      responses: { 201: { description: "Created", schema: k.schema }, 400: validationErrorResponse, ...errorResponses },
      handler: async ({ principal, params, body }) => ({
        status: 201,
        body: presentRuleset(await createRuleset(principal, params.dataset_uid, k.target(named(body)!), body)),
      }),
    }),
    defineEndpoint({
      method: "GET",
      path: item,
      operationId: `retrieve-dataset-${k.noun}-security`,
      summary: `Retrieve a ${k.noun} ruleset`,
      description: managers,
      tags,
      access: signedIn,
      params: k.params as z.ZodType<Record<string, string> & { dataset_uid: string }>,
      responses: { 200: { description: "OK", schema: k.schema }, ...errorResponses },
      handler: async ({ principal, params }) => ({ status: 200, body: presentRuleset(await getRuleset(principal, params.dataset_uid, k.target(nameOf(params)))) }),
    }),
    defineEndpoint({
      method: "PUT",
      path: item,
      operationId: `update-dataset-${k.noun}-security`,
      summary: `Update a ${k.noun} ruleset`,
      description: `${managers} Replaces the security and the permissions.`,
      tags,
      access: signedIn,
      params: k.params as z.ZodType<Record<string, string> & { dataset_uid: string }>,
      body: k.update as typeof userRulesetUpdateSchema,
      responses: { 200: { description: "OK", schema: k.schema }, 400: validationErrorResponse, ...errorResponses },
      handler: async ({ principal, params, body }) => {
        const target = k.target(nameOf(params));
        samePathTarget(target, named(body));
        return { status: 200, body: presentRuleset(await updateRuleset(principal, params.dataset_uid, target, body)) };
      },
    }),
    defineEndpoint({
      method: "DELETE",
      path: item,
      operationId: `delete-dataset-${k.noun}-security`,
      summary: `Delete a ${k.noun} ruleset`,
      description: `${managers} ${k.deleted}`,
      tags,
      access: signedIn,
      params: k.params as z.ZodType<Record<string, string> & { dataset_uid: string }>,
      responses: { 204: { description: "Deleted" }, ...errorResponses },
      handler: async ({ principal, params }) => {
        await deleteRuleset(principal, params.dataset_uid, k.target(nameOf(params)));
        return { status: 204 };
      },
    }),
  ];
}

export const datasetSecurityEndpoints: AnyEndpoint[] = [...rulesetEndpoints("user"), ...rulesetEndpoints("group")];
