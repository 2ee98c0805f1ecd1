// Shared steps for the e2e specs: signing in as one of the accounts, and an API client for setting up data.
import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";
import { accounts, ADMIN_API_KEY, type Account } from "./accounts";

export async function login(page: Page, account: Account) {
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill(account.username);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/datasets$/);
}

/** Creates a dataset through the Automation API as the administrator; returns the resource. */
export async function createDatasetViaApi(request: APIRequestContext, body: Record<string, unknown>) {
  const response = await request.post("/api/automation/v1/datasets/", { data: body, headers: { Authorization: `Apikey ${ADMIN_API_KEY}` } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { uid: string; dataset_id: string };
}

export function unique(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export const test = base;
export { expect, accounts };
