// Every operation of our Automation API v1. The router, the OpenAPI document and the authorization
// tests all read this list.
import type { AnyEndpoint } from "@/lib/http/endpoint";
import { datasetEndpoints } from "./datasets";
import { dcatEndpoints } from "./dcat";
import { metadataEndpoints } from "./metadata";
import { processingEndpoints } from "./processing";
import { publishingEndpoints } from "./publishing";
import { resourceEndpoints } from "./resources";
import { apiKeyEndpoints } from "./api-keys";
import { groupEndpoints } from "./groups";
import { userEndpoints } from "./users";
import { datasetSecurityEndpoints } from "./dataset-security";

export const automationEndpoints: AnyEndpoint[] = [...datasetEndpoints, ...datasetSecurityEndpoints, ...resourceEndpoints, ...processingEndpoints, ...publishingEndpoints, ...metadataEndpoints, ...dcatEndpoints, ...userEndpoints, ...groupEndpoints, ...apiKeyEndpoints];
