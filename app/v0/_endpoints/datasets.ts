// data.world API v0 — replace a dataset (API-CONTRACT.md §6.2). A thin adapter: the body is checked by its
// schema, lib/dataworld maps it onto the services.
import { dataworldErrorSchema, dataworldMessageSchema, dataworldPathSchema, dataworldReplaceSchema } from "@/lib/dataworld/schema";
import { REPLACED_MESSAGE, replaceDataworldDataset } from "@/lib/dataworld/replace";
import { defineEndpoint, type AnyEndpoint } from "@/lib/http/endpoint";

const error = (description: string) => ({ description, schema: dataworldErrorSchema });

export const dataworldEndpoints: AnyEndpoint[] = [
  defineEndpoint({
    method: "PUT",
    path: "/datasets/{owner}/{id}",
    operationId: "replaceDataset",
    summary: "Replace Dataset",
    description:
      "Replace an existing dataset. `owner` is the username of the dataset's creator and `id` its dataset_id. Fields left out are reset " +
      "(summary, tags, license), except the title, which is kept. `files` replaces the dataset's resources with remote ones; " +
      "`summary` becomes the description, `tags` the keywords, `license` the license, `PRIVATE` a restricted dataset. " +
      "`description` and the files' `description` and `labels` are checked but not kept (the dataset has no place for them). " +
      "Every check is made before anything changes: a refused replace changes nothing.",
    tags: ["datasets"],
    access: { kind: "principal" },
    params: dataworldPathSchema,
    body: dataworldReplaceSchema,
    responses: {
      200: { description: "Replaced", schema: dataworldMessageSchema },
      400: error("Malformed JSON"),
      401: error("Missing or invalid API key"),
      403: error("The key may see the dataset but not change it (or not its visibility)"),
      404: error("No such dataset of this owner"),
      422: error("A field breaks a rule; the message names it"),
      501: error("Proxy mode: the upstream does not say who created a dataset"),
    },
    handler: async ({ principal, params, body }) => {
      await replaceDataworldDataset(principal, params, body);
      return { status: 200, body: { message: REPLACED_MESSAGE } };
    },
  }),
];
