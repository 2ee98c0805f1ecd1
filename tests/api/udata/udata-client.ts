// Requests to the udata API 1 as its clients send them: the key in X-API-KEY, JSON bodies, multipart uploads.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pollUntil } from "../../support/publishing";

export type Answer = { status: number; body: any; text: string; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

export function udataClient(baseUrl: string, key?: string) {
  async function request(method: string, path: string, options: { json?: unknown; raw?: string; form?: FormData; key?: string | null; headers?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
    const k = options.key === undefined ? key : options.key;
    if (k) headers["X-API-KEY"] = k;
    let body: BodyInit | undefined = options.raw ?? options.form;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["Content-Type"] = "application/json";
    }
    const response = await fetch(`${baseUrl}/api/1${path}`, { method, headers, body, redirect: "manual" });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  }
  const file = (content: string, filename: string) => {
    const form = new FormData();
    form.append("file", new Blob([content], { type: "text/csv" }), filename);
    return form;
  };
  return {
    request,
    get: (path: string, options?: Parameters<typeof request>[2]) => request("GET", path, options),
    post: (path: string, json?: unknown, options?: Parameters<typeof request>[2]) => request("POST", path, { ...options, json }),
    put: (path: string, json?: unknown, options?: Parameters<typeof request>[2]) => request("PUT", path, { ...options, json }),
    delete: (path: string, options?: Parameters<typeof request>[2]) => request("DELETE", path, options),
    upload: (path: string, content: string, filename: string, options?: Parameters<typeof request>[2]) => request("POST", path, { ...options, form: file(content, filename) }),
  };
}

export function storedFiles(dataDir: string): string[] {
  return readdirSync(join(dataDir, "files")).filter((n) => n !== ".incoming");
}

/** Waits until the Automation API shows the dataset settled with the given published state. */
export async function waitPublished(baseUrl: string, adminKey: string, uid: string, published: boolean) {
  return pollUntil(
    async () => {
      const response = await fetch(`${baseUrl}/api/automation/v1/datasets/${uid}/status/`, { headers: { Authorization: `Apikey ${adminKey}` } });
      return (await response.json()) as { status: string; is_published: boolean };
    },
    (s) => ["idle", "error", "limit_reached"].includes(s.status) && s.is_published === published,
    `dataset ${uid} published=${published}`,
  );
}
