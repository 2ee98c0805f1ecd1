// Validates our responses against the official Automation API v1 OpenAPI document (JSON Schema 2020-12).
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import document from "../contract/automation-v1.openapi.json";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addSchema(document as Json, "official");

const pointer = (parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** The JSON pointer of the documented response schema for an operation and status (falls back to `default`). */
function responseSchemaRef(method: string, path: string, status: number | "default"): string {
  const operation = (document as Json).paths?.[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`The official document has no ${method} ${path}`);
  const key = operation.responses[String(status)] ? String(status) : "default";
  let response = operation.responses[key];
  let base = ["paths", path, method.toLowerCase(), "responses", key];
  if (response?.$ref) {
    const name = String(response.$ref).split("/").pop()!;
    response = (document as Json).components.responses[name];
    base = ["components", "responses", name];
  }
  if (!response?.content?.["application/json"]?.schema) throw new Error(`No JSON schema for ${method} ${path} ${status}`);
  return `official#/${pointer([...base, "content", "application/json", "schema"])}`;
}

/** Errors (empty when valid) of `body` against the official schema of that response. */
export function officialSchemaErrors(method: string, path: string, status: number | "default", body: unknown): string[] {
  const validate = ajv.getSchema(responseSchemaRef(method, path, status)) ?? ajv.compile({ $ref: responseSchemaRef(method, path, status) });
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}
