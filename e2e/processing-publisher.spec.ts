// A publisher (edit_dataset) builds a dataset's processing in the console: processor steps with the per-step
// preview, reordering, deleting, field configurations, and field errors.
import type { Page } from "@playwright/test";
import { accounts, expect, test, unique } from "./support/fixtures";
import { signIn, toast } from "./support/helpers";
import { createCsvResourceViaApi, createDataset, createProcessorViaApi, stackLabels, stepRows, stepSelect } from "./support/processing";

test.beforeEach(async ({ page }) => {
  await signIn(page, accounts.publisher);
});

async function chooseProcessor(page: Page, search: string, name: string) {
  await page.getByRole("button", { name: "Add processor" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a processor" });
  await dialog.getByLabel("Search processors").fill(search);
  await dialog.getByRole("button", { name, exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("processor-form")).toBeVisible();
}

test("adds steps and sees the preview change from that step on, reorders, deletes, and configures fields", async ({ page, request }) => {
  // The longest scenario of the suite (~20 s alone): under a loaded CI machine it came close to the 30 s default.
  test.setTimeout(90_000);
  const uid = await createDataset(request, unique("Processed stations"));
  await createCsvResourceViaApi(request, uid, "Stations");

  await page.goto(`/datasets/${uid}`);
  const tabs = page.getByRole("navigation", { name: "Dataset sections" });
  await tabs.getByRole("link", { name: "Processing" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}/processing$`));
  await expect(tabs.getByRole("link", { name: "Processing" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No processors yet")).toBeVisible();
  await expect(stepSelect(page)).toHaveValue("source");
  await expect(stepRows(page)).toHaveCount(20);
  await expect(stepRows(page).first().locator("td")).toHaveText(["Station 1", "City 1", "1001", "1901"]);

  // 1. string_replace: the preview follows the unsaved step, and only from that step on.
  await chooseProcessor(page, "replace", "Replace text");
  await expect(page.getByRole("heading", { name: "New step: Replace text" })).toBeFocused();
  await page.getByRole("combobox", { name: /^Field/ }).selectOption("city");
  await page.getByLabel("Text to find").fill("City");
  await page.getByLabel("Replacement").fill("Town");
  await expect(stepSelect(page)).toHaveValue("0");
  await expect(stepRows(page).first().locator("td").nth(1)).toHaveText("Town 1");
  await stepSelect(page).selectOption("source");
  await expect(stepRows(page).first().locator("td").nth(1)).toHaveText("City 1");
  await stepSelect(page).selectOption("0");
  await expect(stepRows(page).first().locator("td").nth(1)).toHaveText("Town 1");
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(toast(page, "Processor added.")).toBeVisible();
  await expect(stackLabels(page)).toHaveText(["Replace text"]);
  await expect(page.getByRole("button", { name: "Add processor" })).toBeFocused();

  // 2. normalize_number on a text field: every record is an error, counted on the step.
  await chooseProcessor(page, "number", "Normalize a number");
  await page.getByLabel("Step label").fill("Station as number");
  await page.getByRole("combobox", { name: /^Field/ }).selectOption("station");
  await expect(stepSelect(page)).toHaveValue("1");
  await expect(page.getByTestId("step-counts")).toContainText("20 errors");
  await expect(page.getByTestId("step-errors").locator("li").first()).toContainText("Record 1:");
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(toast(page, "Processor added.")).toBeVisible();
  await expect(stackLabels(page)).toHaveText(["Replace text", "Station as number"]);
  await expect(page.getByTestId("processor-list").getByRole("listitem").nth(1)).toContainText("20 errors");

  // 3. Reorder with the keyboard buttons; the order survives a reload.
  const moveUp = page.getByRole("button", { name: "Move up: Station as number" });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await expect(stackLabels(page)).toHaveText(["Station as number", "Replace text"]);
  await expect(page.getByRole("button", { name: "Move down: Station as number" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Move down: Station as number" })).not.toHaveAttribute("aria-disabled", "true");
  await page.reload();
  await expect(stackLabels(page)).toHaveText(["Station as number", "Replace text"]);

  // 4. Delete a step.
  await page.getByRole("button", { name: "Delete “Station as number”" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete step" }).click();
  await expect(toast(page, "Processor deleted.")).toBeVisible();
  await expect(stackLabels(page)).toHaveText(["Replace text"]);

  // 5. Fields: rename one, change another's type, see the result.
  await page.getByRole("tab", { name: "Fields" }).click();
  const fieldsTable = page.getByTestId("result-fields");
  await expect(fieldsTable.getByRole("row")).toHaveCount(5);
  await page.getByRole("button", { name: "Actions for city" }).click();
  await page.getByRole("menuitem", { name: "Rename…" }).click();
  const rename = page.getByRole("dialog", { name: "Rename “city”" });
  await rename.getByLabel("Technical name").fill("town");
  await rename.getByRole("textbox", { name: /^Label/ }).fill("Town");
  await rename.getByRole("button", { name: "Add configuration" }).click();
  await expect(toast(page, "Field configuration added.")).toBeVisible();
  const result = page.getByTestId("result-preview");
  await expect(result.getByRole("columnheader", { name: /^Town\b/ })).toBeVisible();
  await expect(result.locator("tbody tr").first().locator("td").nth(1)).toHaveText("Town 1");

  await page.getByRole("button", { name: "Actions for population" }).click();
  await page.getByRole("menuitem", { name: "Change type…" }).click();
  const typeDialog = page.getByRole("dialog", { name: "Change the type of “population”" });
  await typeDialog.getByRole("combobox", { name: /^Type/ }).selectOption("text");
  await typeDialog.getByRole("button", { name: "Add configuration" }).click();
  await expect(toast(page, "Field configuration added.")).toBeVisible();
  await expect(result.getByRole("columnheader", { name: /^Population\b/ })).toContainText("text");
  await expect(page.getByTestId("config-list").getByRole("listitem")).toHaveCount(2);

  // An invalid technical name: the error lands on its field.
  await page.getByRole("button", { name: "Actions for opened" }).click();
  await page.getByRole("menuitem", { name: "Rename…" }).click();
  const invalid = page.getByRole("dialog", { name: "Rename “opened”" });
  await invalid.getByLabel("Technical name").fill("Opened Year");
  await invalid.getByRole("button", { name: "Add configuration" }).click();
  await expect(invalid.getByLabel("Technical name")).toHaveAccessibleDescription(/lowercase letters/i);
  await invalid.getByRole("button", { name: "Cancel" }).first().click();
});

test("an invalid regular expression shows the parameter's error", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Bad pattern"));
  await createCsvResourceViaApi(request, uid, "Stations");
  await page.goto(`/datasets/${uid}/processing`);
  await chooseProcessor(page, "regular expression", "Replace with a regular expression");
  await page.getByRole("combobox", { name: /^Field/ }).selectOption("city");
  await page.getByRole("textbox", { name: /^Regular expression/ }).fill("(unclosed");
  await page.getByRole("button", { name: "Add step" }).click();
  const error = page.locator("#param-regexp-error");
  await expect(error).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Regular expression/ })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("No processors yet")).toBeVisible();
});

test("a dataset without a resource points to the Resources tab", async ({ page, request }) => {
  const uid = await createDataset(request, unique("No resource"));
  await page.goto(`/datasets/${uid}/processing`);
  await expect(page.getByRole("heading", { name: "Add a resource first" })).toBeVisible();
  await page.getByRole("link", { name: "Go to Resources" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}/resources$`));
});

test("a saved stack shows each step's counts", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Saved stack"));
  await createCsvResourceViaApi(request, uid, "Stations");
  await createProcessorViaApi(request, uid, { type: "string_replace", label: "Rename cities", field: "city", old: "City", new: "Ville" });
  await page.goto(`/datasets/${uid}/processing`);
  await expect(stackLabels(page)).toHaveText(["Rename cities"]);
  await expect(stepSelect(page)).toHaveValue("0");
  await expect(stepRows(page).first().locator("td").nth(1)).toHaveText("Ville 1");
  await stepSelect(page).selectOption("result");
  await expect(stepRows(page).first().locator("td").nth(1)).toHaveText("Ville 1");
});
