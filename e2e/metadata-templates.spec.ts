// An administrator designs a metadata template with a mandatory field in the console; a publisher fills it in on
// a dataset's Metadata tab. Publishing is refused while it is blank.
// The template is active for the length of this spec only: while it is, any dataset published elsewhere would
// need its field too, so the spec holds the "metadata-templates" lock (see lockAccount) and deletes it at the end.
import { accounts, expect, test, unique } from "./support/fixtures";
import { adminHeaders, lockAccount, signIn, toast } from "./support/helpers";
import { createCsvResourceViaApi, createDataset } from "./support/resources";

test("an administrator creates a template with a mandatory field, a publisher fills it in", async ({ browser, request }) => {
  const release = await lockAccount("metadata-templates");
  const name = unique("survey").replace(/-/g, "_");
  try {
    const dataset_uid = await createDataset(request, unique("Survey results"));
    // a resource, so that only the metadata can stand in the way of publishing
    await createCsvResourceViaApi(request, dataset_uid, "Stations");

    // the administrator: a template with a mandatory enum field, previewed live
    const adminPage = await (await browser.newContext()).newPage();
    await signIn(adminPage, accounts.admin);
    await adminPage.getByRole("link", { name: "Metadata templates" }).first().click();
    await expect(adminPage.getByRole("heading", { name: "Metadata templates" })).toBeVisible();
    await expect(adminPage.getByTestId("template-row-default")).toContainText("Always active");
    await adminPage.getByRole("link", { name: "New template" }).click();
    await adminPage.getByLabel("Name", { exact: true }).fill(name);
    await adminPage.getByLabel("Title", { exact: true }).fill("Survey");
    const field = adminPage.getByTestId("template-field-0");
    await field.getByLabel("Field name").fill("method");
    await field.getByLabel("Type").selectOption("enum");
    await field.getByLabel("Label").fill("Survey method");
    await field.getByLabel("Requirement").selectOption("mandatory");
    await field.getByLabel("Choices").fill("census\nsample");
    // the preview shows the form publishers will get
    const preview = adminPage.getByRole("complementary");
    await expect(preview.getByLabel(/Survey method/)).toBeVisible();
    await expect(preview.getByRole("option", { name: "sample" })).toBeAttached();
    await adminPage.getByRole("button", { name: "Create template" }).click();
    await expect(toast(adminPage, "Template created.")).toBeVisible();
    await expect(adminPage.getByTestId(`template-row-${name}`)).toContainText("Active");

    // publishing is refused while the mandatory field is blank
    const refused = await request.post(`/api/automation/v1/datasets/${dataset_uid}/publish/`, { headers: adminHeaders });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).detail).toHaveProperty([`metadata.${name}.method`]);

    // the publisher fills it in on the dataset's Metadata tab
    const page = await (await browser.newContext()).newPage();
    await signIn(page, accounts.publisher);
    await page.goto(`/datasets/${dataset_uid}`);
    await page.getByRole("link", { name: "Metadata" }).click();
    await expect(page.getByText(/Before publishing, fill in: Survey method/)).toBeVisible();
    const section = page.getByTestId(`metadata-section-${name}`);
    await section.getByLabel(/Survey method/).selectOption("census");
    await section.getByRole("button", { name: "Save" }).click();
    await expect(toast(page, "“Survey” saved.")).toBeVisible();
    await expect(page.getByText(/Before publishing, fill in/)).toHaveCount(0);

    const value = await request.get(`/api/automation/v1/datasets/${dataset_uid}/metadata/${name}/method/`, { headers: adminHeaders });
    expect(await value.json()).toEqual({ value: "census" });
    const published = await request.post(`/api/automation/v1/datasets/${dataset_uid}/publish/`, { headers: adminHeaders });
    expect(published.status()).toBe(200);
  } finally {
    await request.delete(`/api/automation/v1/metadata/templates/${name}/`, { headers: adminHeaders });
    release();
  }
});

test("a field error lands on its input", async ({ page, request }) => {
  await signIn(page, accounts.publisher);
  const dataset_uid = await createDataset(request, unique("Timezones"));
  await page.goto(`/datasets/${dataset_uid}/metadata`);
  const section = page.getByTestId("metadata-section-default");
  await section.getByLabel("Time zone").fill("Mars/Olympus");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("Unknown time zone")).toBeVisible();
  await section.getByLabel("Time zone").fill("Europe/Paris");
  await section.getByRole("button", { name: "Save" }).click();
  await expect(toast(page, "“Default” saved.")).toBeVisible();
});
