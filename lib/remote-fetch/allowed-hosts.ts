// The administrator's escape hatch for intranet sources (ALLOWED_PRIVATE_HOSTS). Entries and URL hosts go through
// the same WHATWG host parser, so "LOCALHOST", "127.1" or "0:0::1" match the way the URL will actually be read.

/** Canonical form of a host name or IP literal, or null when it is not a bare host (port, path, credentials…). */
export function normalizeHost(value: string): string | null {
  const entry = value.trim();
  if (!entry) return null;
  const bracketed = entry.includes(":") && !entry.startsWith("[") ? `[${entry}]` : entry;
  let url: URL;
  try {
    url = new URL(`http://${bracketed}/`);
  } catch {
    return null;
  }
  if (url.host !== url.hostname || url.username || url.password || url.pathname !== "/" || url.search || url.hash) return null;
  return canonicalHostname(url.hostname);
}

/** A URL's hostname without IPv6 brackets or the trailing root dot, which name the same host. */
export function canonicalHostname(hostname: string): string {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return bare.toLowerCase().replace(/\.$/, "");
}

/** "127.0.0.1, localhost,files.internal" → ["127.0.0.1", "localhost", "files.internal"]; invalid entries are dropped. */
export function parseAllowedPrivateHosts(value: string | undefined): string[] {
  if (!value) return [];
  const hosts = value
    .split(/[\s,]+/)
    .map(normalizeHost)
    .filter((host): host is string => host !== null);
  return [...new Set(hosts)];
}

export function isAllowedPrivateHost(url: URL, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return false;
  const host = canonicalHostname(url.hostname);
  return allowed.some((entry) => normalizeHost(entry) === host);
}
