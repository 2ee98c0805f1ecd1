// Signs in through next-auth's real credentials flow (CSRF token, callback) and returns the Cookie header.
export function signInCookie(baseUrl: string, username: string, password: string): Promise<string> {
  return signInWith(baseUrl, { username, password });
}

/** Proxy mode's sign-in: an API key of the upstream domain, the username for display only. */
export function signInWithKey(baseUrl: string, apikey: string, username = ""): Promise<string> {
  return signInWith(baseUrl, { apikey, username });
}

/** A console session of a test user: their password, or their upstream key when the console is a proxy. */
export function consoleSession(baseUrl: string, user: { username: string; password: string; apiKey: string }, proxied: boolean): Promise<string> {
  return proxied ? signInWithKey(baseUrl, user.apiKey, user.username) : signInCookie(baseUrl, user.username, user.password);
}

async function signInWith(baseUrl: string, fields: Record<string, string>): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, ...fields, json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
    throw new Error(`Sign-in failed for ${fields.username || "an API key"}: HTTP ${response.status}`);
  }
  return cookie();
}
