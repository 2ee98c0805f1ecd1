import { accounts, expect, login, test } from "./support/fixtures";

test("a signed-out visitor is sent to the sign-in page and comes back after signing in", async ({ page }) => {
  await page.goto("/datasets/new");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdatasets%2Fnew$/);
  await page.getByLabel("Username").fill(accounts.admin.username);
  await page.getByLabel("Password").fill(accounts.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/datasets\/new$/);
  await expect(page.getByRole("heading", { name: "New dataset" })).toBeVisible();
});

test("a wrong password is refused with a message that does not say which part was wrong", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill(accounts.admin.username);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong username or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing out ends the session", async ({ page }) => {
  await login(page, accounts.reviewer);
  await page.getByTestId("user-menu").first().click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/datasets");
  await expect(page).toHaveURL(/\/sign-in/);
});
