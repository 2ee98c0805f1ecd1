// API keys of the upstream's demo users, minted over HTTP on the upstream itself. Its Automation API creates keys
// for the caller's own user only (POST /apikeys/; no administrator route makes one for somebody else), so each
// account signs in there with its password (next-auth's credentials flow, as a browser would) and creates its own
// key, carrying every permission the account holds (GET /me/): a key without permissions could do nothing.
import { expect, request } from "@playwright/test";
import type { Account } from "../../support/accounts";
import { UPSTREAM_ORIGIN } from "../../support/proxy-accounts";

/** Creates a fresh upstream key for `account` and returns its secret. */
export async function mintUpstreamKey(account: Account, label: string): Promise<string> {
  const context = await request.newContext({ baseURL: UPSTREAM_ORIGIN });
  try {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, username: account.username, password: account.password, json: "true" },
      maxRedirects: 0,
    });
    expect(signIn.status(), `upstream sign-in of ${account.username}`).toBeLessThan(400);
    const me = await context.get("/api/automation/v1/me/");
    expect(me.status(), await me.text()).toBe(200);
    const { permissions } = (await me.json()) as { permissions: string[] };
    // a cookie write: the console's header, as the console's own uploads send it (lib/http/api-handler.ts)
    const created = await context.post("/api/automation/v1/apikeys/", { headers: { "X-DPC-Console": "1" }, data: { label, permissions } });
    expect(created.status(), await created.text()).toBe(201);
    const { key } = (await created.json()) as { key?: string };
    expect(key, "the secret is in the creation's answer").toBeTruthy();
    return key!;
  } finally {
    await context.dispose();
  }
}
