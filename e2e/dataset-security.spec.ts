// Dataset security in the console: an administrator makes a group, restricts a dataset and gives the group a
// ruleset (view permission, two visible fields, a record filter) in the security grid; a member of the group
// then sees only those records and fields, in the console and through the Explore API. A reviewer sees no
// Security tab and is refused the page.
import { accounts, expect, login, test, unique } from "./support/fixtures";
import { adminHeaders, lockAccount, signIn, toast } from "./support/helpers";
import { axeReport, seriousViolations } from "./support/axe";
import { createCsvResourceViaApi, createDataset } from "./support/processing";
import { publishViaApi, recordRows } from "./support/publishing";

test.describe.configure({ timeout: 90_000 });

// The metadata-templates spec activates a mandatory template while it runs, which refuses every publish.
let release: () => void = () => undefined;
test.beforeEach(async () => {
  release = await lockAccount("metadata-templates");
});
test.afterEach(() => release());

test("an administrator gives a group a ruleset; a member sees only the allowed records and fields", async ({ page, browser, request }) => {
  // a published dataset of 25 stations (population 1001…1025) and a user who accepted an invitation
  const title = unique("Secured stations");
  const uid = await createDataset(request, title);
  await createCsvResourceViaApi(request, uid, "Stations");
  await publishViaApi(request, uid);
  const dataset_id = ((await (await request.get(`/api/automation/v1/datasets/${uid}/`, { headers: adminHeaders })).json()) as { dataset_id: string }).dataset_id;
  const username = unique("auditor").toLowerCase().replace(/-/g, "_");
  const invited = await request.post("/api/automation/v1/users/invite/", { headers: adminHeaders, data: [{ email: `${username}@example.org`, username }] });
  expect(invited.status(), await invited.text()).toBe(200);
  const link = ((await invited.json()) as Record<string, { data: { invitation_url: string } }>)["0"]!.data.invitation_url;
  const password = "stations under audit";
  const member = await browser.newContext();
  const memberPage = await member.newPage();
  await memberPage.goto(new URL(link).pathname);
  await memberPage.getByLabel("Password", { exact: true }).fill(password);
  await memberPage.getByLabel("Repeat the password").fill(password);
  await memberPage.getByRole("button", { name: "Save the password" }).click();
  await expect(memberPage.getByText("Your password is saved.")).toBeVisible();

  // the administrator: a group with the new user in it
  await signIn(page, accounts.admin);
  const groupTitle = unique("Station auditors");
  await page.goto("/groups");
  await page.getByRole("button", { name: "New group" }).click();
  const dialog = page.getByRole("dialog", { name: "New group" });
  await dialog.getByLabel("Title").fill(groupTitle);
  await dialog.getByRole("button", { name: "Create the group" }).click();
  await expect(page.getByRole("heading", { name: groupTitle, level: 1 })).toBeVisible();
  const group_uid = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByLabel("Username").fill(username);
  await page.getByRole("button", { name: "Add a member" }).click();
  await expect(page.getByTestId(`member-${username}`)).toBeVisible();

  // the dataset's security grid: restrict it, add the group's ruleset, edit it in place
  await page.goto(`/datasets/${uid}`);
  await page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Who sees this dataset" })).toBeVisible();
  await page.getByRole("switch", { name: "Restricted" }).click();
  await expect(toast(page, "The dataset is now restricted.")).toBeVisible();
  await expect(page.getByRole("switch", { name: "Restricted" })).toHaveAttribute("aria-checked", "true");

  await page.getByLabel("For a").selectOption("group");
  await page.getByLabel("Group identifier").fill("no_such_group");
  await page.getByRole("button", { name: "Add ruleset" }).click();
  await expect(page.getByText("There is no group “no_such_group”.")).toBeVisible();
  await page.getByLabel("Group identifier").fill(group_uid);
  await page.getByRole("button", { name: "Add ruleset" }).click();
  const row = page.getByTestId(`ruleset-group:${group_uid}`);
  await expect(row).toBeVisible();

  await row.getByRole("checkbox", { name: `View for ${groupTitle}` }).check();
  await row.locator("summary").click();
  await row.getByRole("checkbox", { name: "population" }).uncheck();
  await row.getByRole("checkbox", { name: "opened" }).uncheck();
  await expect(row.locator("summary")).toHaveText("2 of 4 fields");
  // a broken filter is refused with its reason, next to the field
  await row.getByLabel(`Record filter for ${groupTitle}`).fill("population <=");
  await row.getByRole("button", { name: `Save · ${groupTitle}` }).click();
  await expect(row.getByRole("alert")).toContainText("The record filter is not valid ODSQL");
  await row.getByLabel(`Record filter for ${groupTitle}`).fill("population <= 1005");
  await row.getByRole("button", { name: `Save · ${groupTitle}` }).click();
  await expect(toast(page, `Ruleset of ${groupTitle} saved.`)).toBeVisible();
  await expect(row.getByRole("button", { name: `Save · ${groupTitle}` })).toHaveCount(0);

  const violations = await seriousViolations(page);
  expect(violations, axeReport(violations)).toEqual([]);

  // the member: the dataset is theirs to view, with 5 records of 2 fields
  await login(memberPage, { username, password });
  await memberPage.goto(`/datasets/${uid}/records`);
  await expect(memberPage.getByTestId("records-count")).toHaveText("5 records");
  await expect(recordRows(memberPage)).toHaveCount(5);
  const headers = await memberPage.getByTestId("records-table").locator("thead th").allInnerTexts();
  expect(headers.join(" ").toLowerCase()).not.toMatch(/population|opened/);
  await expect(memberPage.getByTestId("records-table")).not.toContainText("1006");
  // no Security tab for them: they do not manage the dataset
  await expect(memberPage.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Security" })).toHaveCount(0);
  // the same through the Explore API with their session
  const records = await memberPage.request.get(`/api/explore/v2.1/catalog/datasets/${dataset_id}/records/?limit=100`);
  const body = (await records.json()) as { total_count: number; results: Record<string, unknown>[] };
  expect(body.total_count).toBe(5);
  expect(Object.keys(body.results[0]!).sort()).toEqual(["_id", "city", "station"]);
  // anonymous visitors do not see the restricted dataset at all
  expect((await request.get(`/api/explore/v2.1/catalog/datasets/${dataset_id}/records/`, { headers: {} })).status()).toBe(404);
  await member.close();
});

test("a reviewer has no Security tab and is refused the page", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Reviewed security"));
  await signIn(page, accounts.reviewer);
  await page.goto(`/datasets/${uid}`);
  await expect(page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Records" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Dataset sections" }).getByRole("link", { name: "Security" })).toHaveCount(0);
  await page.goto(`/datasets/${uid}/security`);
  await expect(page.getByRole("heading", { name: "Who sees this dataset" })).toHaveCount(0);
  await expect(page.getByText("You do not have permission to open this page.")).toBeVisible();
});
