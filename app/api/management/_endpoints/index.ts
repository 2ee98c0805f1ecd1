// Every operation of our Management API v2. The router and the OpenAPI document read this list.
import type { AnyEndpoint } from "@/lib/http/endpoint";
import { actionEndpoints } from "./actions";
import { datasetEndpoints } from "./datasets";
import { jobEndpoints } from "./jobs";
import { metadataEndpoints } from "./metadata";

export const managementEndpoints: AnyEndpoint[] = [...datasetEndpoints, ...actionEndpoints, ...jobEndpoints, ...metadataEndpoints];
