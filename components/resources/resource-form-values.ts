// The values the resource editor works on: the Automation API's ResourceWrite shape (validated by the same
// schema as the server action), with the datasource set by the upload or the URL fetch rather than typed in.
import type { Datasource, Resource } from "@/lib/resources/schema";

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
