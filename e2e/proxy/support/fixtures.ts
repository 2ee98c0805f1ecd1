// The proxy specs' test: `upstreamKeys` (one fresh upstream key per demo account and worker, minted on first
// use) and `upstream` (the upstream's Automation API as its administrator), plus signing in with a key.
import { expect, test as base, type APIRequestContext, type Cookie, type Page } from "@playwright/test";
import { accounts } from "../../support/accounts";
import { upstreamAdmin } from "./upstream-api";
import { mintUpstreamKey } from "./upstream-keys";

export type ProxyAccount = "admin" | "publisher" | "reviewer";

type KeyRing = { keyOf(account: ProxyAccount): Promise<string> };

export const test = base.extend<{ upstream: APIRequestContext }, { upstreamKeys: KeyRing }>({
  upstreamKeys: [
    async ({}, provide, workerInfo) => {
      const keys = new Map<ProxyAccount, Promise<string>>();
      await provide({
        keyOf(account) {
          let key = keys.get(account);
          if (!key) {
            key = mintUpstreamKey(accounts[account], `e2e proxy worker ${workerInfo.workerIndex}`);
            keys.set(account, key);
          }
          return key;
        },
      });
    },
    { scope: "worker" },
  ],
  upstream: async ({}, provide) => {
    const api = await upstreamAdmin();
    await provide(api);
    await api.dispose();
  },
});

export { expect };

/** Signs in through the proxy's sign-in page with an upstream key (and optionally a display name). */
export async function loginWithKey(page: Page, key: string, username = "") {
  await page.goto("/sign-in");
  await page.getByLabel("API key").fill(key);
  if (username) await page.getByLabel("Username (optional)").fill(username);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/datasets$/);
}

const sessions = new Map<string, Cookie[]>();

/**
 * Signs in once per worker and account, then reuses that session's cookie, like e2e/support/helpers.ts: the
 * specs that are not about signing in start on /datasets, signed in.
 */
export async function signInAs(page: Page, keys: KeyRing, account: ProxyAccount) {
  const cookies = sessions.get(account);
  if (cookies) {
    await page.context().addCookies(cookies);
    await page.goto("/datasets");
    if (new URL(page.url()).pathname === "/datasets") return;
  }
  await loginWithKey(page, await keys.keyOf(account), account);
  sessions.set(account, (await page.context().cookies()).filter((c) => c.name.includes("session-token")));
}
