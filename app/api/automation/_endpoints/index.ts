// Every operation of our Automation API v1. The router, the OpenAPI document and the authorization
// tests all read this list.
import type { AnyEndpoint } from "@/lib/http/endpoint";
import { datasetEndpoints } from "./datasets";
import { metadataEndpoints } from "./metadata";
import { processingEndpoints } from "./processing";
import { publishingEndpoints } from "./publishing";
import { resourceEndpoints } from "./resources";

export const automationEndpoints: AnyEndpoint[] = [...datasetEndpoints, ...resourceEndpoints, ...processingEndpoints, ...publishingEndpoints, ...metadataEndpoints];
