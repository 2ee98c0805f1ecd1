// The APIs this console serves, for the API reference page: each surface's base path, its OpenAPI document and
// its operations. A surface added here appears on the page.
import type { AnyEndpoint } from "@/lib/http/endpoint";
import type { MessageKey } from "@/lib/i18n/translator";
import { automationEndpoints } from "@/app/api/automation/_endpoints";
import { dataworldEndpoints } from "@/app/v0/_endpoints/datasets";
import { udataEndpoints } from "@/app/api/1/_endpoints";
import { managementEndpoints } from "@/app/api/management/_endpoints";

export type ApiSurfaceEntry = {
  id: string;
  /** message key of the section title on the API reference page */
  title: MessageKey;
  base: string;
  openapi: string;
  /** how a script authenticates, as a curl example's header */
  authExample: string;
  endpoints: AnyEndpoint[];
  /** message key of a paragraph introducing the surface */
  description?: MessageKey;
  /** message key of what proxy mode changes for this surface ({upstream}: the upstream's host) */
  proxyNote?: MessageKey;
};

export const apiSurfaces: ApiSurfaceEntry[] = [
  {
    id: "automation",
    title: "api_reference.surface_automation",
    base: "/api/automation/v1",
    openapi: "/api/automation/v1/openapi.json",
    authExample: '-H "Authorization: Apikey <your key>"',
    endpoints: automationEndpoints,
    description: "api_reference.auth_body",
  },
  {
    id: "management-v2",
    title: "api_reference.surface_management_v2",
    base: "/api/management/v2",
    openapi: "/api/management/v2/openapi.json",
    authExample: "-u <username>:<password>",
    endpoints: managementEndpoints,
    description: "api_reference.management_v2_body",
    proxyNote: "api_reference.management_v2_proxy",
  },
  {
    id: "udata",
    title: "api_reference.surface_udata",
    base: "/api/1",
    openapi: "/api/1/swagger.json",
    authExample: '-H "X-API-KEY: <your key>"',
    endpoints: udataEndpoints,
    description: "api_reference.udata_body",
    proxyNote: "api_reference.udata_proxy",
  },
  {
    id: "dataworld",
    title: "api_reference.surface_dataworld",
    base: "/v0",
    openapi: "/v0/openapi.json",
    authExample: '-H "Authorization: Bearer <your key>"',
    endpoints: dataworldEndpoints,
    description: "api_reference.dataworld_body",
    proxyNote: "api_reference.dataworld_proxy",
  },
];
