// A reviewer (explore_restricted_dataset) reads every dataset, restricted ones included, and changes none.
import { accounts, expect, test } from "./support/fixtures";
import { detailValue, signIn, uidOf } from "./support/helpers";

const DEMO_TITLES = [
  "Air quality measurements",
  "Bicycle counters",
  "Arbres remarquables",
  "Population by district",
  "Public toilets (draft)",
  "Budget primitif",
];

test.beforeEach(async ({ page }) => {
  await signIn(page, accounts.reviewer);
});

test("sees every demo dataset, the restricted one included, and cannot create one", async ({ page }) => {
  await expect(page.getByRole("heading", { name: "Datasets", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "New dataset" })).toHaveCount(0);

  // The demo datasets are the oldest ones: other tests keep adding datasets while this one runs.
  await page.getByLabel("Sort by").selectOption({ label: "Oldest" });
  await expect(page).toHaveURL(/[?&]sort=created_at(&|$)/);
  const table = page.getByTestId("dataset-table");
  for (const title of DEMO_TITLES) await expect(table.getByRole("link", { name: title, exact: true })).toBeVisible();

  const toilets = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Public toilets (draft)" }) });
  await expect(toilets).toContainText("public-toilets");
  await expect(toilets).toContainText("Restricted");
  await expect(toilets).toContainText("Unpublished");
  await expect(toilets).toContainText("admin");
  const bikes = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Bicycle counters" }) });
  await expect(bikes).not.toContainText("Restricted");

  // The restricted one opens too.
  await toilets.getByRole("link", { name: "Public toilets (draft)" }).click();
  await expect(page.getByRole("heading", { name: "Public toilets (draft)", level: 1 })).toBeVisible();
  await expect(detailValue(page, "Visibility")).toHaveText("Restricted: only users with a ruleset see it");
});

test("the detail page is read-only", async ({ page, request }) => {
  const uid = await uidOf(request, "air-quality-stations");
  await page.goto(`/datasets/${uid}`);
  await expect(page.getByRole("heading", { name: "Air quality measurements", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "You can view this dataset but not change it." })).toBeVisible();
  await expect(detailValue(page, "Publisher")).toHaveText("Environment department");
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete dataset" })).toHaveCount(0);
});

test("the new-dataset and edit pages are forbidden", async ({ page, request }) => {
  const forbidden = page.getByRole("heading", { name: "You do not have permission to perform this action." });

  await page.goto("/datasets/new");
  await expect(forbidden).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Back to datasets" })).toBeVisible();

  const uid = await uidOf(request, "budget-primitif");
  await page.goto(`/datasets/${uid}/edit`);
  await expect(forbidden).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
});

test("the session cookie reads a dataset through the API but cannot write", async ({ page, request }) => {
  const uid = await uidOf(request, "population-by-district");
  const url = `/api/automation/v1/datasets/${uid}/`;

  const read = await page.request.get(url);
  expect(read.status()).toBe(200);
  const dataset = (await read.json()) as { uid: string; dataset_id: string; metadata: { default: { title: { value: string } } } };
  expect(dataset.uid).toBe(uid);
  expect(dataset.dataset_id).toBe("population-by-district");
  expect(dataset.metadata.default.title.value).toBe("Population by district");

  const write = await page.request.put(url, { data: { metadata: { default: { title: { value: "Changed by a reviewer" } } } } });
  expect(write.status()).toBe(401);
  expect(((await write.json()) as { error_code: string }).error_code).toBe("unauthorized");

  const after = await page.request.get(url);
  expect(((await after.json()) as typeof dataset).metadata.default.title.value).toBe("Population by district");
});
