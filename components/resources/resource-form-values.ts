// The values the resource editor works on: the Automation API's ResourceWrite shape (validated by the same
// schema as the server action), with the datasource set by the upload or the URL fetch rather than typed in.
import type { DatasetFile, Datasource, Resource } from "@/lib/resources/schema";

export type UrlDraft = { url: string; username: string; password: string };

export type ResourceFormValues = {
  title: string;
  type: string;
  params: Record<string, unknown>;
  datasource?: Datasource;
};

/** Parameters left empty are left out, so that the server guesses them. */
export function cleanParams(params: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value === undefined || value === null || value === "" || (typeof value === "number" && Number.isNaN(value))) continue;
    out[name] = value;
  }
  return out;
}

/** A saved resource's datasource as a write: the file by reference, the connection without answer-only fields. */
export function datasourceOf(resource: Resource): Datasource {
  const ds = resource.datasource;
  if (ds.type === "uploaded_file") return { type: "uploaded_file", file: { uid: ds.file.uid } };
  const { auth, ...connection } = ds.connection;
  return {
    type: "http",
    connection: { ...connection, ...(auth ? { auth: { type: "basic_auth", username: auth.username } } : {}) },
    ...(ds.relative_url ? { relative_url: ds.relative_url } : {}),
    ...(ds.headers ? { headers: ds.headers } : {}),
  };
}

/** "fromages.final.csv" → "fromages.final" */
export function titleFromFilename(filename: string): string {
  const base = filename.replace(/^.*[\\/]/, "");
  const dot = base.lastIndexOf(".");
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

/** The last path segment of a URL without its extension, for a default title. */
export function titleFromUrl(url: string): string {
  try {
    const segment = new URL(url).pathname.split("/").filter(Boolean).pop();
    return segment ? titleFromFilename(decodeURIComponent(segment)) : new URL(url).hostname;
  } catch {
    return "";
  }
}

/** The datasource for the URL fields; headers and relative URL of the saved source are kept while its URL is. */
export function httpDatasource(draft: UrlDraft, base: Datasource | null): Datasource {
  const url = draft.url.trim();
  const sameUrl = base?.type === "http" && base.connection.url === url;
  const username = draft.username.trim();
  return {
    type: "http",
    connection: {
      type: "http",
      url,
      ...(sameUrl && base.connection.headers ? { headers: base.connection.headers } : {}),
      ...(username ? { auth: { type: "basic_auth", username, ...(draft.password ? { password: draft.password } : {}) } } : {}),
    },
    ...(sameUrl && base.relative_url ? { relative_url: base.relative_url } : {}),
    ...(sameUrl && base.headers ? { headers: base.headers } : {}),
  };
}

export const isDatasetFile = (file: unknown): file is DatasetFile => typeof (file as DatasetFile | undefined)?.filename === "string";

type FieldPathOnForm = "title" | "type" | `params.${string}`;

/**
 * Where the server action's field errors go: onto the form's own fields (the action nests the resource under
 * `resource.`), the URL field, or a list under the form's error message.
 */
export function placeFieldErrors(fieldErrors: Record<string, string[]> | undefined, paramNames: Set<string>) {
  const fields: [FieldPathOnForm, string][] = [];
  const details: string[] = [];
  let url: string | undefined;
  for (const [rawPath, messages] of Object.entries(fieldErrors ?? {})) {
    const path = rawPath.replace(/^resource\./, "");
    const message = messages.join(" ");
    const param = /^params\.(.+)$/.exec(path)?.[1];
    if (path === "title" || path === "type" || (param && paramNames.has(param))) fields.push([path as FieldPathOnForm, message]);
    else if (path.startsWith("datasource.connection")) url ??= message;
    else details.push(`${path}: ${message}`);
  }
  return { fields, url, details };
}
