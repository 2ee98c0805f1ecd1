// Every operation of our udata API 1. The guide's HTTPie examples write `ressources` (API-CONTRACT.md §7.20):
// those paths are served too, by the same handlers, and left out of the OpenAPI document.
import type { AnyEndpoint } from "@/lib/http/endpoint";
import { datasetEndpoints } from "./datasets";
import { resourceEndpoints } from "./resources";

export const udataEndpoints: AnyEndpoint[] = [...datasetEndpoints, ...resourceEndpoints];

const MISSPELT = "/ressources/";

export const udataRoutes: AnyEndpoint[] = [
  ...udataEndpoints,
  ...udataEndpoints
    .filter((e) => e.path.includes("/resources/"))
    .map((e) => ({ ...e, path: e.path.replace("/resources/", MISSPELT), operationId: `${e.operationId}_ressources` })),
];
