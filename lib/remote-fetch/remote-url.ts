// Which URLs a datasource may name. Checked before any network access; the address checks come later, per hop.
import { AppError, msg, type Msg } from "@/lib/errors/app-error";
import { canonicalHostname } from "@/lib/remote-fetch/allowed-hosts";

export const URL_FIELD = "datasource.connection.url";
export const RELATIVE_URL_FIELD = "datasource.relative_url";

/** Why a URL cannot be fetched, or null when its scheme and shape are acceptable. */
export function urlProblem(url: URL): Msg | null {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return msg("remote_fetch.unsupported_scheme", { scheme: url.protocol.replace(/:$/, "") });
  }
  // Credentials in the URL would end up in logs and in Referer-like places; auth belongs in connection.auth.
  if (url.username || url.password) return msg("remote_fetch.credentials_in_url");
  return null;
}

function invalid(field: string, text: Msg): AppError {
  return new AppError("validation_error", text, { fieldErrors: { [field]: [text] } });
}

/** Parses a user-supplied absolute URL; throws validation_error on `field`. */
export function parseRemoteUrl(value: string, field = URL_FIELD): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid(field, msg("remote_fetch.invalid_url"));
  }
  const problem = urlProblem(url);
  if (problem) throw invalid(field, problem);
  url.hash = "";
  return url;
}

// A scheme ("https:", "javascript:"), a scheme-relative "//host" or its backslash variants would let the relative part
// replace the connection's host.
const NOT_A_PATH = /^(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i;

/**
 * The URL a datasource points at: relative_url is appended to connection.url's path (not resolved against it, so
 * "https://a.b/api" + "/data.csv" gives https://a.b/api/data.csv), and its query string is added to the connection's.
 * The result always stays on the connection's scheme, host and port.
 */
export function datasourceUrl(ds: { connection: { url: string }; relative_url?: string | null }): string {
  const base = parseRemoteUrl(ds.connection.url);
  const relative = (ds.relative_url ?? "").trim();
  if (!relative) return base.toString();
  if (NOT_A_PATH.test(relative)) throw invalid(RELATIVE_URL_FIELD, msg("remote_fetch.absolute_relative_url"));

  const [pathAndQuery = ""] = relative.split("#", 1);
  const queryStart = pathAndQuery.indexOf("?");
  const path = queryStart === -1 ? pathAndQuery : pathAndQuery.slice(0, queryStart);
  const query = queryStart === -1 ? "" : pathAndQuery.slice(queryStart + 1);

  const joined = new URL(base);
  if (path) joined.pathname = `${base.pathname.replace(/\/+$/, "")}/${path.replace(/^[\\/]+/, "")}`;
  if (query) joined.search = base.search ? `${base.search}&${query}` : `?${query}`;
  // The pathname setter cannot change the host, but check anyway: this is the line the whole module relies on.
  if (joined.origin !== base.origin) throw invalid(RELATIVE_URL_FIELD, msg("remote_fetch.absolute_relative_url"));
  return joined.toString();
}

/** Where a redirect leads, if it may be followed: http(s) without credentials, and never from https down to http. */
export function redirectTarget(from: URL, location: string): URL {
  const refuse = (key: "redirect_invalid" | "redirect_downgrade") =>
    new AppError("remote_fetch_error", msg(`remote_fetch.${key}`, { host: canonicalHostname(from.hostname) }));
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw refuse("redirect_invalid");
  }
  if (urlProblem(next)) throw refuse("redirect_invalid");
  if (from.protocol === "https:" && next.protocol === "http:") throw refuse("redirect_downgrade");
  next.hash = "";
  return next;
}
