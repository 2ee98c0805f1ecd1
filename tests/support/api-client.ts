// A small HTTP client for the API tests: real requests to the real server, nothing mocked.
export type ApiResponse<T = any> = { status: number; body: T; text: string; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

export function apiClient(baseUrl: string, apiKey?: string, base = "/api/automation/v1") {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function request<T = any>(method: string, path: string, options: { body?: unknown; raw?: string; headers?: Record<string, string>; key?: string | null } = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? apiKey : options.key;
    if (key) headers.Authorization ??= `Apikey ${key}`;
    let body: string | undefined = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["Content-Type"] ??= "application/json";
    }
    const response = await fetch(`${baseUrl}${base}${path}`, { method, headers, body, redirect: "manual" });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed as T, text, headers: response.headers };
  }
  return {
    request,
    get: <T = any>(path: string, options?: Parameters<typeof request>[2]) => request<T>("GET", path, options), // eslint-disable-line @typescript-eslint/no-explicit-any
    post: <T = any>(path: string, body?: unknown, options?: Parameters<typeof request>[2]) => request<T>("POST", path, { ...options, body }), // eslint-disable-line @typescript-eslint/no-explicit-any
    put: <T = any>(path: string, body?: unknown, options?: Parameters<typeof request>[2]) => request<T>("PUT", path, { ...options, body }), // eslint-disable-line @typescript-eslint/no-explicit-any
    delete: <T = any>(path: string, options?: Parameters<typeof request>[2]) => request<T>("DELETE", path, options), // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}

export function datasetBody(title: string, extra: Record<string, unknown> = {}) {
  return { metadata: { default: { title: { value: title } } }, ...extra };
}
