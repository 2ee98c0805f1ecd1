// A reviewer (explore_restricted_dataset) reads a dataset's processing — the stack, the per-step preview, the
// fields — and changes none of it, in the console or through the API.
import { accounts, expect, test, unique } from "./support/fixtures";
import { signIn } from "./support/helpers";
import { createCsvResourceViaApi, createDataset, createProcessorViaApi, stackLabels, stepRows, stepSelect } from "./support/processing";

test.beforeEach(async ({ page }) => {
  await signIn(page, accounts.reviewer);
});

test("sees the stack, the per-step preview and the fields, without controls", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Reviewed processing"));
  await createCsvResourceViaApi(request, uid, "Stations");
  await createProcessorViaApi(request, uid, { type: "string_replace", label: "Rename cities", field: "city", old: "City", new: "Town" });

  await page.goto(`/datasets/${uid}/processing`);
  await expect(page.getByRole("status").filter({ hasText: "You can view this dataset's processing but not change it." })).toBeVisible();
  await expect(stackLabels(page)).toHaveText(["Rename cities"]);
  await expect(page.getByTestId("processor-list")).toContainText("city");
  await expect(stepRows(page).first().locator("td").nth(1)).toHaveText("Town 1");
  await stepSelect(page).selectOption("source");
  await expect(stepRows(page).first().locator("td").nth(1)).toHaveText("City 1");

  await expect(page.getByRole("button", { name: "Add processor" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Move (up|down)/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Reorder/ })).toHaveCount(0);

  await page.getByRole("tab", { name: "Fields" }).click();
  await expect(page.getByTestId("result-fields").getByRole("row")).toHaveCount(5);
  await expect(page.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
});

test("the API refuses the reviewer's session any change", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Locked processing"));
  await createCsvResourceViaApi(request, uid, "Stations");
  const processor = { type: "string_replace", label: "Sneaky", field: "city", old: "City", new: "Town" };
  const created = await page.request.post(`/api/automation/v1/datasets/${uid}/processors/`, { headers: { "X-DPC-Console": "1" }, data: processor });
  expect(created.status()).toBe(403);
  const field = await page.request.post(`/api/automation/v1/datasets/${uid}/fields/`, { headers: { "X-DPC-Console": "1" }, data: { type: "delete", label: "Hide", field: "city" } });
  expect(field.status()).toBe(403);
  // reading, and previewing the saved configuration, are allowed
  const preview = await page.request.post(`/api/automation/v1/datasets/${uid}/processing/preview/`, { headers: { "X-DPC-Console": "1" }, data: {} });
  expect(preview.status()).toBe(200);
});
