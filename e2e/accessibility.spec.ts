// Automated accessibility checks (axe-core, WCAG 2.x A/AA) on the main pages, and the new-dataset form used
// with the keyboard alone.
import { accounts, createDatasetViaApi, expect, test, unique } from "./support/fixtures";
import { axeReport as report, seriousViolations } from "./support/axe";
import { datasetBody, signIn, toast } from "./support/helpers";
import { createCsvResourceViaApi, csvFile, previewRows } from "./support/resources";

// Each test runs several axe scans of large pages: more than the default 30 s on a loaded 2-core machine.
test.describe.configure({ timeout: 90_000 });

test("the sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  const violations = await seriousViolations(page);
  expect(violations, report(violations)).toEqual([]);
});

test.describe("signed in as the administrator", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, accounts.admin);
  });

  test("the dataset list, a detail page and the new-dataset form have no serious accessibility violations", async ({ page, request }) => {
    await test.step("dataset list", async () => {
      await expect(page.getByTestId("dataset-table")).toBeVisible();
      const violations = await seriousViolations(page);
      expect.soft(violations, report(violations)).toEqual([]);
    });

    await test.step("dataset detail", async () => {
      const title = unique("Accessible detail");
      const { uid } = await createDatasetViaApi(
        request,
        datasetBody(title, { description: { value: "Checked by axe." }, keyword: { value: ["a11y"] }, references: { value: "https://example.org/source" } }),
      );
      await page.goto(`/datasets/${uid}`);
      await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
      await expect(page.getByTestId("dataset-live-status")).toBeVisible();
      const violations = await seriousViolations(page);
      expect.soft(violations, report(violations)).toEqual([]);
    });

    await test.step("new-dataset form", async () => {
      await page.goto("/datasets/new");
      await expect(page.getByRole("button", { name: "Create dataset" })).toBeVisible();
      const violations = await seriousViolations(page);
      expect.soft(violations, report(violations)).toEqual([]);
    });

    await test.step("new-dataset form showing errors", async () => {
      await page.getByRole("button", { name: "Create dataset" }).click();
      await expect(page.getByLabel("Title")).toHaveAccessibleDescription(/This field is required\./);
      const violations = await seriousViolations(page);
      expect.soft(violations, report(violations)).toEqual([]);
    });
  });

  test("the new-dataset form works with the keyboard alone", async ({ page }) => {
    const title = unique("Keyboard only");
    await page.goto("/datasets/new");
    const titleInput = page.getByLabel("Title");
    await expect(titleInput).toBeFocused(); // the form starts on its first field
    await page.keyboard.type(title);

    // Tab walks the form in reading order and reaches the submit button.
    const visited: string[] = [];
    const submit = page.getByRole("button", { name: "Create dataset" });
    for (let i = 0; i < 15 && !(await submit.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
      visited.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ""));
    }
    await expect(submit).toBeFocused();
    expect(visited).toEqual(["dataset_id", "description", "keyword", "language", "publisher", "references", "is_restricted", "Create dataset"]);

    await page.keyboard.press("Enter");
    await expect(toast(page, "Dataset created.")).toBeVisible();
    await expect(page).toHaveURL(/\/datasets\/da_[a-z0-9]+$/);
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  });
});

test.describe("dataset resources, signed in as a publisher", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, accounts.publisher);
  });

  test("the resources list and the add-resource page have no serious accessibility violations", async ({ page, request }) => {
    const { uid } = await createDatasetViaApi(request, datasetBody(unique("Accessible resources")));
    await createCsvResourceViaApi(request, uid, "Accessible stations");

    await test.step("resources list", async () => {
      await page.goto(`/datasets/${uid}/resources`);
      await expect(page.getByTestId("resource-table")).toBeVisible();
      const violations = await seriousViolations(page);
      expect.soft(violations, report(violations)).toEqual([]);
    });

    await test.step("add-resource page", async () => {
      await page.getByRole("link", { name: "Add resource" }).click();
      await expect(page.getByRole("button", { name: /Drag and drop a file here/ })).toBeVisible();
      const violations = await seriousViolations(page);
      expect.soft(violations, report(violations)).toEqual([]);
    });

    await test.step("add-resource page with its parameters and preview", async () => {
      await page.getByLabel("File", { exact: true }).setInputFiles({ name: "stations.csv", mimeType: "text/csv", buffer: csvFile() });
      await expect(previewRows(page)).toHaveCount(20);
      const violations = await seriousViolations(page);
      expect.soft(violations, report(violations)).toEqual([]);
    });

    await test.step("add-resource page with the source URL missing", async () => {
      await page.getByRole("radio", { name: "Remote URL" }).check();
      await page.getByRole("button", { name: "Fetch" }).click();
      await expect(page.getByRole("textbox", { name: /^URL/ })).toHaveAccessibleDescription(/Enter the URL to fetch\./);
      const violations = await seriousViolations(page);
      expect.soft(violations, report(violations)).toEqual([]);
    });
  });

  test("the processing page, its catalog, a processor form and the fields editor have no serious accessibility violations", async ({ page, request }) => {
    const { uid } = await createDatasetViaApi(request, datasetBody(unique("Accessible processing")));
    await createCsvResourceViaApi(request, uid, "Accessible stations");
    await page.goto(`/datasets/${uid}/processing`);
    await expect(page.getByTestId("step-preview").getByTestId("preview-table")).toBeVisible();
    const onPage = await seriousViolations(page);
    expect.soft(onPage, report(onPage)).toEqual([]);

    await page.getByRole("button", { name: "Add processor" }).click();
    await expect(page.getByRole("dialog", { name: "Add a processor" })).toBeVisible();
    const inDialog = await seriousViolations(page);
    expect.soft(inDialog, report(inDialog)).toEqual([]);

    await page.getByRole("button", { name: "Replace text", exact: true }).click();
    await expect(page.getByTestId("processor-form")).toBeVisible();
    const inForm = await seriousViolations(page);
    expect.soft(inForm, report(inForm)).toEqual([]);

    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("tab", { name: "Fields" }).click();
    await expect(page.getByTestId("result-fields")).toBeVisible();
    const inFields = await seriousViolations(page);
    expect.soft(inFields, report(inFields)).toEqual([]);
  });
});
