// The console as a client of its own API (reads only; writes are server actions). Same-origin requests carry the
// session cookie, which the API accepts for GET.
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly error_code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`/api/automation/v1${path}`, { credentials: "same-origin", signal, headers: { Accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error_code?: string; message?: string };
    throw new ApiClientError(response.status, body.error_code ?? "error", body.message ?? response.statusText);
  }
  return (await response.json()) as T;
}
