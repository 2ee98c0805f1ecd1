// udata's error answers, as the OpenAPI document lists them.
import type { EndpointResponse } from "@/lib/http/endpoint";
import { udataErrorSchema } from "@/lib/udata/schema";

const error = (description: string): EndpointResponse => ({ description, schema: udataErrorSchema });

export const udataErrors: Record<number, EndpointResponse> = {
  400: error("Validation error (`errors`: field → messages) or bad request"),
  401: error("Missing or invalid API key (X-API-KEY)"),
  403: error("Not allowed"),
  404: error("Not found"),
  410: error("Dataset has been deleted"),
  501: error("Not available in proxy mode (the upstream has no trash)"),
};
