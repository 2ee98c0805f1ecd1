// What the official Automation API v1 document (tests/contract/automation-v1.openapi.json) allows: which
// operation a request is, which query parameters it declares, and which properties its answers may carry. The
// official-only upstream (official-upstream.ts) applies these to an instance of ours, so the console meets what an
// Opendatasoft domain would give it and nothing more.
import document from "../contract/automation-v1.openapi.json";

type Schema = { [keyword: string]: unknown };
type Parameter = { name?: string; in?: string; $ref?: string };
type Operation = { operationId?: string; parameters?: Parameter[]; responses?: Record<string, Schema> };
const METHODS = ["get", "post", "put", "delete", "patch"] as const;
type PathItem = { parameters?: Parameter[] } & Partial<Record<(typeof METHODS)[number], Operation>>;
type Document = { paths: Record<string, PathItem>; components: Record<string, Record<string, Schema>> };

const doc = document as unknown as Document;

/** The official base path, as the document's servers give it. */
export const OFFICIAL_BASE = "/api/automation/v1.0";

export type OfficialOperation = { id: string; method: string; template: string; query: ReadonlySet<string>; operation: Operation };

/** `#/components/parameters/limit` → the object it names. */
function resolve<T>(value: T & { $ref?: unknown }): T {
  let out: T & { $ref?: unknown } = value;
  for (const seen = new Set<string>(); typeof out.$ref === "string" && !seen.has(out.$ref); ) {
    seen.add(out.$ref);
    const [, , group, name] = out.$ref.split("/");
    out = (doc.components[group!]?.[name!] ?? {}) as T & { $ref?: unknown };
  }
  return out;
}

// The key in the query is a credential of every operation (the document's QueryAPIKey scheme), never an extension.
const CREDENTIAL_PARAMETERS = Object.values(doc.components.securitySchemes ?? {})
  .filter((s) => s.type === "apiKey" && s.in === "query")
  .map((s) => String(s.name));

const OPERATIONS: OfficialOperation[] = Object.entries(doc.paths).flatMap(([template, item]) =>
  METHODS.flatMap((method) => {
    const operation = item[method];
    if (!operation) return [];
    const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve<Parameter>(p));
    const query = new Set([...parameters.filter((p) => p.in === "query" && p.name).map((p) => p.name!), ...CREDENTIAL_PARAMETERS]);
    return [{ id: operation.operationId ?? `${method} ${template}`, method: method.toUpperCase(), template, query, operation }];
  }),
);

/** Path segments, a trailing slash or not: the document writes every path with one, clients may leave it out. */
const segments = (path: string) => path.replace(/\/$/, "").split("/").slice(1);

/**
 * The official operation `method` `path` (below the base, e.g. "/datasets/da_1/status/") is, or null. Where two
 * templates fit ("/users/export/" and "/users/{username}/") the one with more literal segments wins.
 */
export function matchOperation(method: string, path: string): OfficialOperation | null {
  const wanted = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
  const parts = segments(path);
  let best: { operation: OfficialOperation; literals: number } | null = null;
  for (const operation of OPERATIONS) {
    if (operation.method !== wanted) continue;
    const template = segments(operation.template);
    if (template.length !== parts.length) continue;
    let literals = 0;
    const fits = template.every((t, i) => {
      if (t.startsWith("{") && t.endsWith("}")) return parts[i] !== "";
      literals++;
      return t === parts[i];
    });
    if (fits && (!best || literals > best.literals)) best = { operation, literals };
  }
  return best?.operation ?? null;
}

/** The schema of the JSON answer `status` of the operation (its own status, else `default`), or null. */
export function responseSchema(operation: OfficialOperation, status: number): Schema | null {
  const responses = operation.operation.responses ?? {};
  const response = responses[String(status)] ?? responses.default;
  if (!response) return null;
  const content = resolve<Schema>(response).content as Record<string, { schema?: Schema }> | undefined;
  return content?.["application/json"]?.schema ?? null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Every schema that applies to `value` through `schemas`, each without its composition: $ref followed, the branches
 * of allOf/oneOf/anyOf, and the discriminator's schema for the value's own type (a field configuration of type
 * "annotate" declares `field`, `annotation`, `args` there). A schema met twice is taken once (they recurse).
 */
function flatten(schemas: Schema[], value: unknown, seen = new Set<Schema>()): Schema[] {
  return schemas.flatMap((schema) => {
    if (seen.has(schema)) return [];
    seen.add(schema);
    const nested: Schema[] = [];
    if (typeof schema.$ref === "string") nested.push(resolve<Schema>({ $ref: schema.$ref }));
    for (const keyword of ["allOf", "oneOf", "anyOf"]) if (Array.isArray(schema[keyword])) nested.push(...(schema[keyword] as Schema[]));
    const discriminator = schema.discriminator as { propertyName?: string; mapping?: Record<string, string> } | undefined;
    const kind = discriminator?.propertyName && isObject(value) ? value[discriminator.propertyName] : undefined;
    const mapped = typeof kind === "string" ? discriminator?.mapping?.[kind] : undefined;
    if (mapped) nested.push(resolve<Schema>({ $ref: mapped }));
    return [schema, ...flatten(nested, value, seen)];
  });
}

const typesOf = (schema: Schema) => (Array.isArray(schema.type) ? schema.type : [schema.type]);
const SHAPING = ["properties", "additionalProperties", "patternProperties"];
const COMPOSING = ["$ref", "allOf", "oneOf", "anyOf", "discriminator"];
const describesObject = (schema: Schema) => SHAPING.some((k) => k in schema) || typesOf(schema).includes("object");
/** `type: object` and nothing else says what it holds (`{ type: object, $ref }` is the $ref's to say). */
const isFreeForm = (schema: Schema) => ![...SHAPING, ...COMPOSING].some((k) => k in schema);

/**
 * `value` with every object property that the schemas do not declare removed, at any depth. Kept: what an
 * `additionalProperties` schema (or `true`) allows, and everything under a free-form object (`type: object` with
 * no properties, like a resource's `params`) or a schema that says nothing of objects.
 */
export function stripUndeclared(value: unknown, schemas: Schema[]): unknown {
  const applying = flatten(schemas, value);
  if (Array.isArray(value)) {
    const items = applying.flatMap((s) => (isObject(s.items) ? [s.items as Schema] : []));
    return items.length === 0 ? value : value.map((item) => stripUndeclared(item, items));
  }
  if (!isObject(value)) return value;
  const objects = applying.filter(describesObject);
  if (objects.length === 0) return value;
  const freeForm = objects.some(isFreeForm);
  const anyExtra = objects.some((s) => s.additionalProperties === true);
  const extraSchemas = objects.flatMap((s) => (isObject(s.additionalProperties) ? [s.additionalProperties as Schema] : []));
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(value)) {
    const declared = objects.flatMap((s) => (isObject(s.properties) && isObject(s.properties[name]) ? [s.properties[name] as Schema] : []));
    if (declared.length > 0) out[name] = stripUndeclared(property, declared);
    else if (extraSchemas.length > 0) out[name] = stripUndeclared(property, extraSchemas);
    else if (anyExtra || freeForm) out[name] = property;
  }
  return out;
}
