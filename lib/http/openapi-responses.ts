// Error bodies as the Automation API describes them (components.responses of the official document).
import { z } from "zod";
import type { EndpointResponse } from "@/lib/http/endpoint";

export const errorSchema = z
  .object({
    error_code: z.string(),
    message: z.string(),
    trace_id: z.string().optional(),
    detail: z.record(z.string(), z.array(z.string())).optional(),
  })
  .meta({ id: "Error" });

export const validationErrorSchema = z
  .object({
    error_code: z.literal("validation_error"),
    message: z.string(),
    detail: z.record(z.string(), z.array(z.string())).meta({ description: "Field path → messages", example: { "metadata.default.title.value": ["This field is required."] } }),
  })
  .meta({ id: "ValidationError" });

export const validationErrorResponse: EndpointResponse = { description: "Validation error", schema: validationErrorSchema };

export const errorResponses: Record<number, EndpointResponse> = {
  401: { description: "Missing or invalid credentials", schema: errorSchema },
  403: { description: "Not allowed", schema: errorSchema },
  404: { description: "Not found", schema: errorSchema },
};
