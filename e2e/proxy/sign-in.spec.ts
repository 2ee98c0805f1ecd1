// Signing in to the proxy console with an upstream API key: the form, a refused key, the shell naming the upstream
// and the key's owner, sign-out ending the session for good, and the key never reaching the browser.
import { UPSTREAM_HOST } from "../support/proxy-accounts";
import { expect, loginWithKey, test } from "./support/fixtures";

test("the sign-in page asks for an API key of the upstream, not a password", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByText(`Sign in with an API key of ${UPSTREAM_HOST}.`)).toBeVisible();
  await expect(page.getByLabel("API key")).toHaveAttribute("type", "password");
  await expect(page.getByLabel("Username (optional)")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
});

test("a key the upstream refuses shows an error on the key field and stays on the sign-in page", async ({ page }) => {
  await page.goto("/sign-in");
  const key = page.getByLabel("API key");
  await key.fill("f".repeat(40));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The upstream refused this API key." })).toBeVisible();
  await expect(key).toHaveAttribute("aria-invalid", "true");
  await expect(key).toHaveAccessibleDescription(/The upstream refused this API key\./);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/datasets");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a publisher's key signs in; the shell names the upstream and the key's owner; sign-out ends the session", async ({ page, browser, upstreamKeys }) => {
  const secret = await upstreamKeys.keyOf("publisher");
  // no username typed: the name shown is the upstream's
  await loginWithKey(page, secret);
  await expect(page.getByTestId("upstream-badge").first()).toContainText(UPSTREAM_HOST);
  await expect(page.getByTestId("user-menu").first()).toContainText("publisher");
  await expect(page.getByRole("link", { name: "New dataset" })).toBeVisible();

  // the key stays on the server: not in any page, nor in any cookie (httpOnly ones included)
  for (const path of ["/datasets", "/api-keys"]) {
    await page.goto(path);
    await expect(page.getByTestId("upstream-badge").filter({ visible: true })).toContainText(UPSTREAM_HOST);
    expect(await page.content(), `${path} HTML`).not.toContain(secret);
  }
  expect(await page.evaluate(() => document.cookie)).not.toContain(secret);
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.value).join("\n")).not.toContain(secret);
  const session = cookies.filter((c) => c.name.includes("session-token"));
  expect(session).toHaveLength(1);

  await page.getByTestId("user-menu").first().click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/datasets");
  await expect(page).toHaveURL(/\/sign-in/);

  // the old cookie, replayed in another browser, opens nothing: the session and its sealed key are gone
  const replay = await browser.newContext();
  try {
    await replay.addCookies(session);
    const other = await replay.newPage();
    await other.goto("/datasets");
    await expect(other).toHaveURL(/\/sign-in/);
    const me = await other.request.get("/api/automation/v1/me/");
    expect(me.status()).toBe(401);
  } finally {
    await replay.close();
  }
});
