// Helpers shared by the dataset specs: looking demo datasets up through the API, reading the detail page's
// description list, toasts, and a cross-worker lock for tests that change an account's saved preferences.
import { mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, type APIRequestContext, type Cookie, type Locator, type Page } from "@playwright/test";
import { ADMIN_API_KEY, e2eServerEnv, type Account } from "./accounts";
import { login } from "./fixtures";

export const adminHeaders = { Authorization: `Apikey ${ADMIN_API_KEY}` };

const sessions = new Map<string, Cookie[]>();

/**
 * Signs in through the sign-in page once per worker and account, then reuses that session's cookie: the
 * specs that are not about signing in start on /datasets, signed in, without paying for the form each time.
 */
export async function signIn(page: Page, account: Account) {
  const cookies = sessions.get(account.username);
  if (cookies) {
    await page.context().addCookies(cookies);
    await page.goto("/datasets");
    if (new URL(page.url()).pathname === "/datasets") return;
  }
  await login(page, account);
  sessions.set(account.username, (await page.context().cookies()).filter((c) => c.name.includes("session-token")));
}

/** The uid of a dataset, looked up by its dataset_id through the Automation API as the administrator. */
export async function uidOf(request: APIRequestContext, dataset_id: string): Promise<string> {
  const response = await request.get(`/api/automation/v1/datasets/?dataset_id=${encodeURIComponent(dataset_id)}`, { headers: adminHeaders });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { results: { uid: string }[] };
  const [dataset] = body.results;
  expect(dataset, `dataset ${dataset_id} exists`).toBeDefined();
  return dataset!.uid;
}

/** The value (<dd>) next to a label (<dt>) on the dataset detail page. */
export function detailValue(page: Page, label: string): Locator {
  return page
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

/** A toast notification with this text. */
export function toast(page: Page, text: string): Locator {
  return page.getByRole("status").filter({ hasText: text }).first();
}

/** Types into the list's search box and waits for the debounced search to reach the URL (and so the server). */
export async function searchDatasets(page: Page, text: string) {
  await page.getByLabel("Search datasets").fill(text);
  await expect.poll(() => new URL(page.url()).searchParams.get("q") ?? "").toBe(text.trim());
}

/** The dataset titles of the table, top to bottom. */
export async function tableTitles(page: Page): Promise<string[]> {
  return page.getByTestId("dataset-table").locator("tbody tr td:first-child a").allInnerTexts();
}

/** Default metadata for a dataset created through the API. */
export function datasetBody(title: string, extra: Record<string, unknown> = {}, dataset_id?: string) {
  return { ...(dataset_id ? { dataset_id } : {}), metadata: { default: { title: { value: title }, ...extra } } };
}

// Inside the store directory, which e2e/support/serve.mjs empties at the start of every run: no stale locks.
const LOCK_ROOT = join(e2eServerEnv.DATA_DIR ?? "test-results/e2e-data", "e2e-locks");
const STALE_MS = 90_000;

/**
 * Exclusive use of a shared account across the parallel workers: the language test saves a preference on the
 * account, which every session of that account would see. Returns the release function.
 */
export async function lockAccount(name: string): Promise<() => void> {
  mkdirSync(LOCK_ROOT, { recursive: true });
  const dir = join(LOCK_ROOT, name);
  for (;;) {
    try {
      mkdirSync(dir);
      return () => rmSync(dir, { recursive: true, force: true });
    } catch {
      try {
        if (Date.now() - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
