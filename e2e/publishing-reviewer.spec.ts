// A reviewer (explore_restricted_dataset) follows a dataset's publishing and explores its published records,
// but cannot publish or unpublish it, in the console or through the API.
import { accounts, expect, test, unique } from "./support/fixtures";
import { lockAccount, signIn } from "./support/helpers";
import { axeReport, seriousViolations } from "./support/axe";
import { createCsvResourceViaApi, createDataset, createProcessorViaApi } from "./support/processing";
import { PUBLISH_BUTTONS, publishStatus, publishViaApi, recordRows } from "./support/publishing";

// The metadata-templates spec activates a mandatory template while it runs, which refuses every publish: take
// turns with it.
let release: () => void = () => undefined;
test.beforeEach(async () => {
  release = await lockAccount("metadata-templates");
});
test.afterEach(() => release());

test.beforeEach(async ({ page }) => {
  await signIn(page, accounts.reviewer);
});

test("sees the status and the records of a published dataset, without publish buttons", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Reviewed publication"));
  await createCsvResourceViaApi(request, uid, "Stations");
  await publishViaApi(request, uid);

  await page.goto(`/datasets/${uid}/publishing`);
  await expect(publishStatus(page).getByText("Published", { exact: true })).toBeVisible();
  await expect(page.getByText("You can follow this dataset's publishing but not publish it.")).toBeVisible();
  await expect(page.getByTestId("progress-records")).toHaveText("25");
  await expect(page.getByTestId("publish-history").locator("tbody tr")).toHaveCount(1);
  for (const name of PUBLISH_BUTTONS) await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);

  await page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Records" }).click();
  await expect(page.getByTestId("records-count")).toHaveText("25 records");
  await expect(recordRows(page)).toHaveCount(20);
  await expect(recordRows(page).first().locator("td")).toHaveText(["Station 1", "City 1", "1001", "1901"]);
  await page.getByRole("navigation", { name: "Records pagination" }).getByRole("button", { name: "Next" }).click();
  await expect(recordRows(page)).toHaveCount(5);
  await expect(recordRows(page).first().locator("td").first()).toHaveText("Station 21");
  await page.getByTestId("facets").getByRole("button", { name: /^City 12\b/ }).click();
  await expect(page.getByTestId("records-count")).toHaveText("1 record");
  await expect(recordRows(page).first().locator("td").first()).toHaveText("Station 12");
});

test("an unpublished dataset's records tab says so", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Not yet published"));
  await page.goto(`/datasets/${uid}/records`);
  await expect(page.getByRole("heading", { name: "This dataset is not published" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to Publishing" })).toHaveCount(0);
});

test("the API refuses the reviewer's session every publishing action", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Locked publication"));
  await createCsvResourceViaApi(request, uid, "Stations");
  await publishViaApi(request, uid);
  for (const action of ["publish", "publish_metadata", "unpublish", "abort"]) {
    const response = await page.request.post(`/api/automation/v1/datasets/${uid}/${action}/`, { headers: { "X-DPC-Console": "1" }, data: {} });
    expect(response.status(), action).toBe(403);
  }
  // reading the live status and the history is allowed
  const live = await page.request.get(`/api/automation/v1/datasets/${uid}/status/live/`);
  expect(live.status()).toBe(200);
  expect(((await live.json()) as { status: { is_published: boolean } }).status.is_published).toBe(true);
});

test("the publish panel and the records explorer have no serious accessibility violations", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Accessible publication"));
  await createCsvResourceViaApi(request, uid, "Stations");
  await createProcessorViaApi(request, uid, { type: "normalize_number", label: "Station as number", field: "station" });
  await publishViaApi(request, uid);

  await page.goto(`/datasets/${uid}/publishing`);
  await expect(page.getByTestId("records-errors")).toContainText("Station as number");
  const panel = await seriousViolations(page);
  expect.soft(panel, axeReport(panel)).toEqual([]);

  await page.goto(`/datasets/${uid}/records`);
  await expect(recordRows(page)).toHaveCount(20);
  await page.getByTestId("facets").getByRole("button", { name: /^City 12\b/ }).click();
  await expect(page.getByTestId("refine-chips")).toBeVisible();
  const explorer = await seriousViolations(page);
  expect.soft(explorer, axeReport(explorer)).toEqual([]);
});
