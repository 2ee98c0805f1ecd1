// A contributor (create_dataset only) sees and changes nothing but the datasets they created.
import { accounts, expect, test, unique } from "./support/fixtures";
import { detailValue, lockAccount, searchDatasets, signIn, toast, uidOf } from "./support/helpers";

// i18n.spec.ts switches this account's saved language for a moment: take turns with it.
test.describe.configure({ timeout: 60_000 });
let release: (() => void) | undefined;
test.beforeEach(async ({ page }) => {
  release = await lockAccount("contributor");
  await signIn(page, accounts.contributor);
});
test.afterEach(() => release?.());

test("does not see the demo datasets the administrator created", async ({ page, request }) => {
  await expect(page.getByRole("heading", { name: "Datasets", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "New dataset" }).first()).toBeVisible();

  await searchDatasets(page, "Air quality");
  await expect(page).toHaveURL(/[?&]q=Air\+quality/);
  await expect(page.getByText("No dataset matches “Air quality”.")).toBeVisible();
  await expect(page.getByTestId("dataset-table")).toHaveCount(0);

  await searchDatasets(page, "public-toilets");
  await expect(page.getByText("No dataset matches “public-toilets”.")).toBeVisible();

  const uid = await uidOf(request, "air-quality-stations");
  await page.goto(`/datasets/${uid}`);
  await expect(page.getByRole("heading", { name: "Not found." })).toBeVisible();
  await expect(page.getByText("This page does not exist, or you do not have access to it.")).toBeVisible();
  await expect(page.getByText("Air quality measurements")).toHaveCount(0);

  await page.goto(`/datasets/${uid}/edit`);
  await expect(page.getByRole("heading", { name: "Not found." })).toBeVisible();
});

test("creates, finds, edits and deletes their own dataset", async ({ page }) => {
  const title = unique("Community gardens");
  const newTitle = unique("Shared gardens");

  // create
  await page.getByRole("link", { name: "New dataset" }).first().click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Plots and waiting lists.");
  await page.getByRole("button", { name: "Create dataset" }).click();
  await expect(toast(page, "Dataset created.")).toBeVisible();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const datasetId = title.toLowerCase().replace(/ /g, "-"); // derived from the title
  await expect(page.getByText(datasetId, { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete dataset" })).toBeVisible();
  await expect(page.getByText("You can view this dataset but not change it.")).toHaveCount(0);
  const detailUrl = page.url();

  // find it in the list
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Datasets" }).click();
  await searchDatasets(page, title);
  const row = page.getByTestId("dataset-table").getByRole("row").filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText("contributor");
  await expect(page.getByTestId("dataset-count")).toHaveText("1 dataset");

  // edit it
  await row.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: `Edit “${title}”` })).toBeVisible();
  await page.getByLabel("Title").fill(newTitle);
  await page.getByLabel("Description").fill("Plots, waiting lists and opening hours.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(toast(page, "Changes saved.")).toBeVisible();
  await expect(page).toHaveURL(detailUrl);
  await expect(page.getByRole("heading", { name: newTitle, level: 1 })).toBeVisible();
  await expect(detailValue(page, "Description")).toHaveText("Plots, waiting lists and opening hours.");

  // delete it
  await page.getByRole("button", { name: "Delete dataset" }).click();
  await page.getByRole("alertdialog", { name: "Delete this dataset?" }).getByRole("button", { name: "Delete permanently" }).click();
  await expect(toast(page, "Dataset deleted.")).toBeVisible();
  await expect(page).toHaveURL(/\/datasets$/);
  await searchDatasets(page, newTitle);
  await expect(page.getByText(`No dataset matches “${newTitle}”.`)).toBeVisible();
  await page.goto(detailUrl);
  await expect(page.getByRole("heading", { name: "Not found." })).toBeVisible();
});
