// Error responses of the Management API v2 in its OpenAPI document (lib/management-v2/errors.ts writes them).
import type { EndpointResponse } from "@/lib/http/endpoint";
import { v2ErrorSchema } from "@/lib/management-v2/schema";

const error = (description: string): EndpointResponse => ({ description, schema: v2ErrorSchema });

export const v2Errors: Record<number, EndpointResponse> = {
  401: error("Missing or invalid credentials"),
  403: error("Not allowed"),
  404: error("Not found"),
  429: error("Too many failed sign-in attempts (HTTP Basic)"),
  500: error("Server error"),
};
export const v2BadRequest = error("Invalid request (errors lists each invalid property) or status guard (error_code invalid_dataset_status)");
export const v2Conflict = error("The dataset changed while the request was applied: nothing was written");
export const v2NotImplemented = error("Not available on this portal (the message says why)");
