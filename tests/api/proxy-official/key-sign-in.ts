// A proxy-mode sign-in attempt through next-auth's real credentials flow (CSRF token, callback), with the fields the
// proxy-mode provider takes (lib/auth/next-auth-options.ts): an upstream API key and an optional username.
export type KeySignIn = {
  status: number;
  /** the Cookie header with the session, null when no session was started */
  cookie: string | null;
  /** next-auth's error code from the answer's url (CredentialsSignin, UpstreamUnavailable…), null on success */
  error: string | null;
};

export async function attemptKeySignIn(baseUrl: string, apikey: string, username = ""): Promise<KeySignIn> {
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
    body: new URLSearchParams({ csrfToken, apikey, username, json: "true" }),
  });
  keep(response);
  const text = await response.text();
  let url: string | null = response.headers.get("location");
  try {
    url = (JSON.parse(text) as { url?: string }).url ?? url;
  } catch {
    // a redirect without a body
  }
  const signedIn = [...jar.keys()].some((k) => k.endsWith("next-auth.session-token"));
  return { status: response.status, cookie: signedIn ? cookie() : null, error: url ? new URL(url, baseUrl).searchParams.get("error") : null };
}
