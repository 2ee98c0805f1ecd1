// A reviewer (explore_restricted_dataset) reads every dataset's resources and their previews, and changes none.
import { accounts, expect, test, unique } from "./support/fixtures";
import { signIn } from "./support/helpers";
import { createCsvResourceViaApi, createDataset, csvFile, previewRows, previewTable } from "./support/resources";

const forbiddenHeading = "You do not have permission to perform this action.";

test.beforeEach(async ({ page }) => {
  await signIn(page, accounts.reviewer);
});

test("sees the resources and a resource's preview, without controls to change them", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Reviewed stations"));
  const resource = await createCsvResourceViaApi(request, uid, "Station list", "stations.csv");

  await page.goto(`/datasets/${uid}`);
  await page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Resources" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}/resources$`));
  const row = page.getByTestId("resource-table").getByRole("row").filter({ hasText: "Station list" });
  await expect(row).toContainText("stations.csv");
  await expect(row).toContainText("CSV");
  await expect(page.getByRole("link", { name: "Add resource" })).toHaveCount(0);

  await row.getByRole("link", { name: "Station list" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}/resources/${resource.uid}$`));
  await expect(page.getByRole("heading", { name: "Station list", level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "You can view this resource but not change it." })).toBeVisible();
  await expect(previewTable(page).getByRole("columnheader", { name: /^Station\b/ })).toBeVisible();
  await expect(previewRows(page)).toHaveCount(20);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  // reading the file is allowed
  const download = await page.request.get((await page.getByRole("link", { name: "Download" }).getAttribute("href"))!);
  expect(download.status()).toBe(200);
});

test("an empty resource list offers nothing to add", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Nothing yet"));
  await page.goto(`/datasets/${uid}/resources`);
  await expect(page.getByText("This dataset has no resources yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Add resource" })).toHaveCount(0);
});

test("the add-resource and edit pages answer 403", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Locked"));
  const resource = await createCsvResourceViaApi(request, uid, "Locked resource");

  const adding = await page.goto(`/datasets/${uid}/resources/new`);
  expect(adding?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: forbiddenHeading })).toBeVisible();
  await expect(page.getByLabel("File", { exact: true })).toHaveCount(0);

  const editing = await page.goto(`/datasets/${uid}/resources/${resource.uid}/edit`);
  expect(editing?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: forbiddenHeading })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save resource" })).toHaveCount(0);
});

test("the session cannot upload or preview an unsaved configuration through the API", async ({ page, request }) => {
  const uid = await createDataset(request, unique("No uploads"));
  const upload = await page.request.post(`/api/automation/v1/datasets/${uid}/resources/files/`, {
    headers: { "X-DPC-Console": "1" },
    multipart: { file: { name: "sneaky.csv", mimeType: "text/csv", buffer: csvFile(3) } },
  });
  expect(upload.status()).toBe(403);
  const preview = await page.request.post(`/api/automation/v1/datasets/${uid}/resources/guess_extractors/`, {
    headers: { "X-DPC-Console": "1" },
    data: { datasource: { type: "http", connection: { url: "https://example.org/data.csv" } } },
  });
  expect(preview.status()).toBe(403);
});
