// Headers sent to remote servers: the datasource's own, checked so they cannot smuggle a second request or
// override how we talk to the server.
import { AppError, msg } from "@/lib/errors/app-error";

export const HEADERS_FIELD = "datasource.headers";

export type HeaderList = { name: string; value: string }[];
type HeaderInput = HeaderList | Record<string, string> | undefined | null;

export type HttpDatasource = {
  connection: { url: string; headers?: HeaderInput; auth?: { type: string; username?: string; password?: string } | null };
  relative_url?: string | null;
  headers?: HeaderInput;
};

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Framing and connection management are ours: letting a datasource set them would desynchronise the stream or the
// size accounting (Accept-Encoding must stay "identity" so the byte count is the stored size).
const RESERVED = new Set([
  "host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer",
  "accept-encoding", "proxy-authorization", "proxy-connection", "expect",
]);
// Kept when a redirect leaves the original origin; everything else may be a credential (API keys travel in headers
// with arbitrary names), so it is dropped rather than guessed at.
const SAFE_ACROSS_ORIGINS = new Set(["accept", "accept-language", "user-agent", "cache-control", "pragma"]);

function invalidHeader(name: string, key: "invalid_header" | "reserved_header"): AppError {
  const text = msg(`remote_fetch.${key}`, { name: name.slice(0, 100) });
  return new AppError("validation_error", text, { fieldErrors: { [HEADERS_FIELD]: [text] } });
}

/** Lower-cased, validated copy; throws validation_error on a bad name, a CR/LF/NUL in a value or a reserved header. */
export function validateHeaders(headers: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name) || typeof value !== "string" || /[\r\n\0]/.test(value)) throw invalidHeader(name, "invalid_header");
    const key = name.toLowerCase();
    if (RESERVED.has(key)) throw invalidHeader(name, "reserved_header");
    result[key] = value.trim();
  }
  return result;
}

/** What may still be sent once a redirect has taken the request to another origin. */
export function headersForOtherOrigin(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => SAFE_ACROSS_ORIGINS.has(name.toLowerCase())));
}

function toRecord(input: HeaderInput): Record<string, string> {
  if (!input) return {};
  if (!Array.isArray(input)) return { ...input };
  return Object.fromEntries(input.map(({ name, value }) => [name, value]));
}

/** connection.headers, then the datasource's headers (which win), then basic auth from connection.auth. */
export function datasourceHeaders(ds: HttpDatasource): Record<string, string> {
  const headers = validateHeaders({ ...toRecord(ds.connection.headers), ...toRecord(ds.headers) });
  const auth = ds.connection.auth;
  if (auth?.type === "basic_auth") {
    const credentials = `${auth.username ?? ""}:${auth.password ?? ""}`;
    headers.authorization = `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;
  }
  return headers;
}
