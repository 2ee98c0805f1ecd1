// The console as a browser client of its own automation API, for what cannot be a server action (previews,
// guesses, the saved lists). Same-origin requests carry the session cookie; writes add the console header the API
// requires of cookie-authenticated writes (CSRF guard), even a POST that changes nothing.

export const API_BASE = "/api/automation/v1";
export const CONSOLE_HEADERS = { "X-DPC-Console": "1" } as const;

/** An answer in the API's error shape; `status` 0 when the server could not be reached. */
export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly error_code: string,
    message: string,
    readonly detail: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ConsoleApiError";
  }
}

type ErrorBody = { error_code?: string; message?: string; detail?: Record<string, string[] | string> };

/** Normalises the `detail` of an error answer to field path → messages. */
export function errorDetail(detail: ErrorBody["detail"]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(detail ?? {})) out[path] = Array.isArray(messages) ? messages.map(String) : [String(messages)];
  return out;
}

export function apiErrorFrom(status: number, body: unknown, fallback: string): ConsoleApiError {
  const b = (body ?? {}) as ErrorBody;
  return new ConsoleApiError(status, b.error_code ?? "error", b.message ?? fallback, errorDetail(b.detail));
}

/** One JSON request to the API (`path` below API_BASE); an error answer or a network failure throws ConsoleApiError. */
export async function apiRequest<T>(method: "GET" | "POST", path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      credentials: "same-origin",
      signal,
      // The console header on reads too: the API then answers errors in the user's language.
      headers: { Accept: "application/json", ...CONSOLE_HEADERS, ...(method === "GET" ? {} : { "Content-Type": "application/json" }) },
      body: method === "GET" ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ConsoleApiError(0, "network_error", (error as Error).message);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiErrorFrom(response.status, payload, response.statusText);
  return payload as T;
}
