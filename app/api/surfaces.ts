// The APIs this console serves, for the API reference page: each surface's base path, its OpenAPI document and
// its operations. A surface added here appears on the page.
import type { AnyEndpoint } from "@/lib/http/endpoint";
import type { MessageKey } from "@/lib/i18n/translator";
import { automationEndpoints } from "@/app/api/automation/_endpoints";
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
};

export const apiSurfaces: ApiSurfaceEntry[] = [
  {
    id: "automation",
    title: "api_reference.surface_automation",
    base: "/api/automation/v1",
    openapi: "/api/automation/v1/openapi.json",
    authExample: '-H "Authorization: Apikey <your key>"',
    endpoints: automationEndpoints,
  },
  {
    id: "management-v2",
    title: "api_reference.surface_management_v2",
    base: "/api/management/v2",
    openapi: "/api/management/v2/openapi.json",
    authExample: "-u <username>:<password>",
    endpoints: managementEndpoints,
  },
];
