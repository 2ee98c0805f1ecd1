// "View as": the administrator looks at a restricted dataset through the eyes of a group member — listed because
// of the group's ruleset, with only the fields and records it allows — and nobody else may use the page.
import { accounts, createDatasetViaApi, expect, test, unique } from "./support/fixtures";
import { axeReport, seriousViolations } from "./support/axe";
import { adminHeaders, lockAccount, signIn } from "./support/helpers";
import { publishViaApi } from "./support/publishing";
import { createCsvResourceViaApi } from "./support/resources";

const CITIES_CSV = Buffer.from(
  ["Name;City;Secret code", "Alpha;Paris;s3cr3t-a", "Beta;Lyon;s3cr3t-b", "Gamma;Paris;s3cr3t-c", "Delta;Lyon;s3cr3t-d", "Epsilon;Nice;s3cr3t-e"].join("\n") + "\n",
  "utf8",
);

test("an administrator sees a restricted dataset as a member of a group with a ruleset, and why", async ({ page, request }) => {
  test.slow();
  // The metadata-templates spec activates a mandatory template while it runs, which refuses every publish.
  const release = await lockAccount("metadata-templates");
  let dataset: { uid: string; dataset_id: string };
  try {
    dataset = await createDatasetViaApi(request, { is_restricted: true, metadata: { default: { title: { value: unique("Secret cities") } } } });
    await createCsvResourceViaApi(request, dataset.uid, "Cities", "cities.csv", CITIES_CSV);
    await publishViaApi(request, dataset.uid);
  } finally {
    release();
  }
  const title = ((await (await request.get(`/api/automation/v1/datasets/${dataset.uid}/`, { headers: adminHeaders })).json()) as { metadata: { default: { title: { value: string } } } }).metadata.default.title.value;

  // A group, a member (invited through the API: an active account) and the group's ruleset on the dataset.
  const groupTitle = unique("Lyon readers");
  const group = await request.post("/api/automation/v1/groups/", { headers: adminHeaders, data: { title: groupTitle, permissions: [] } });
  expect(group.status(), await group.text()).toBe(201);
  const groupUid = ((await group.json()) as { uid: string }).uid;
  const username = unique("lyon-reader").toLowerCase().replace(/-/g, "_");
  const invited = await request.post("/api/automation/v1/users/invite/", { headers: adminHeaders, data: [{ email: `${username}@example.org`, username }] });
  expect(invited.status(), await invited.text()).toBe(200);
  const member = await request.post(`/api/automation/v1/groups/${groupUid}/users/`, { headers: adminHeaders, data: { username } });
  expect(member.status(), await member.text()).toBeLessThan(300);
  const ruleset = await request.post(`/api/automation/v1/datasets/${dataset.uid}/security/groups/`, {
    headers: adminHeaders,
    data: { group: { uid: groupUid }, security: { is_data_visible: true, visible_fields: ["name", "city"], filter_query: 'city = "Lyon"', api_calls_quota: null } },
  });
  expect(ruleset.status(), await ruleset.text()).toBe(201);

  await signIn(page, accounts.admin);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "View as" }).click();
  await expect(page.getByRole("heading", { name: "View as", level: 1 })).toBeVisible();
  await page.getByRole("combobox", { name: "Who", exact: true }).selectOption({ label: "A user" });
  await page.getByLabel("Search", { exact: true }).fill(username);
  await expect(page.getByRole("combobox", { name: "User, group or API key" })).toHaveValue(`user:${username}`);
  await page.getByRole("button", { name: "View", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]as=user%3A${username}`));
  await expect(page.getByTestId("view-as-subject")).toHaveText(`Viewing as user ${username}`);

  const row = page.getByTestId(`view-as-dataset-${dataset.dataset_id}`);
  await expect(row.getByTestId("view-as-why")).toHaveText(`Granted by group ${groupTitle}`);
  await expect(row.getByText("Restricted")).toBeVisible();
  await expect(row.getByText("Filtered records")).toBeVisible();
  await expect(row.getByText("1 hidden field")).toBeVisible();
  await expect(row.getByRole("cell").nth(2)).toHaveText("2");

  await row.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]dataset=${dataset.dataset_id}`));
  const detail = page.getByTestId("view-as-detail");
  await expect(detail.getByRole("heading", { name: `${title} as they see it` })).toBeVisible();
  await expect(detail.getByTestId("view-as-detail-why")).toHaveText(`Granted by group ${groupTitle}`);
  await expect(detail.getByTestId("view-as-visible-fields").getByRole("listitem")).toHaveText(["Name name", "City city"]);
  await expect(detail.getByTestId("view-as-hidden-fields").getByRole("listitem")).toHaveText(["Secret code secret_code"]);
  await expect(detail.getByTestId("view-as-record-filters")).toHaveText('city = "Lyon"');
  const records = detail.getByTestId("view-as-records");
  await expect(records.getByRole("columnheader")).toHaveText(["Name", "City"]);
  await expect(records.locator("tbody tr")).toHaveCount(2);
  await expect(records.locator("tbody")).toContainText("Beta");
  await expect(records.locator("tbody")).toContainText("Delta");
  await expect(records.locator("tbody")).not.toContainText("Paris");
  await expect(detail).not.toContainText("s3cr3t");
  await expect(detail.getByTestId("view-as-records-count")).toHaveText("The first 2 of 2 records they see");

  // Everyone not signed in does not see the restricted dataset at all, and is told why.
  await page.getByRole("combobox", { name: "Who", exact: true }).selectOption({ label: "Everyone not signed in" });
  await page.getByRole("button", { name: "View", exact: true }).click();
  await expect(page.getByTestId("view-as-subject")).toHaveText("Viewing as everyone not signed in");
  await expect(page.getByTestId(`view-as-dataset-${dataset.dataset_id}`)).toHaveCount(0);
  await expect(page.getByText(`They do not see “${title}”`)).toBeVisible();
  await expect(page.getByText("Restricted, and no ruleset grants it to them")).toBeVisible();

  // The group on its own sees what its ruleset allows too.
  await page.goto(`/view-as?as=group:${groupUid}&dataset=${dataset.dataset_id}`);
  await expect(page.getByTestId("view-as-subject")).toHaveText(`Viewing as group ${groupTitle}`);
  await expect(page.getByTestId("view-as-records").locator("tbody tr")).toHaveCount(2);
  const violations = await seriousViolations(page);
  expect(violations, axeReport(violations)).toEqual([]);
});

test("a user who is not an administrator gets the forbidden page and no View as entry", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "View as" })).toHaveCount(0);
  await page.goto("/view-as?as=anonymous");
  await expect(page.getByRole("heading", { name: "You do not have permission to perform this action." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "View as", level: 1 })).toHaveCount(0);
});
