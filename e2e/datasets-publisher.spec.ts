// A publisher (create, edit and publish every dataset; delete only their own) manages datasets in the console.
import { accounts, createDatasetViaApi, expect, test, unique } from "./support/fixtures";
import { adminHeaders, datasetBody, detailValue, searchDatasets, signIn, tableTitles, toast, uidOf } from "./support/helpers";

test.beforeEach(async ({ page }) => {
  await signIn(page, accounts.publisher);
});

test("creates a dataset through the form after correcting a missing title and a bad identifier", async ({ page }) => {
  const title = unique("Tram ridership");
  const datasetId = unique("tram-ridership");

  await page.getByRole("link", { name: "New dataset" }).click();
  await expect(page.getByRole("heading", { name: "New dataset", level: 1 })).toBeVisible();
  const titleInput = page.getByLabel("Title");
  const identifier = page.getByLabel("Identifier");
  const submit = page.getByRole("button", { name: "Create dataset" });

  // 1. Nothing filled in: the title is required.
  await submit.click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the highlighted fields." })).toBeVisible();
  await expect(titleInput).toHaveAttribute("aria-invalid", "true");
  await expect(titleInput).toHaveAccessibleDescription(/This field is required\./);
  await expect(page).toHaveURL(/\/datasets\/new$/);

  // 2. A title, but an identifier with capitals and spaces.
  await titleInput.fill(title);
  await expect(titleInput).not.toHaveAttribute("aria-invalid", "true");
  await identifier.fill("Tram Ridership!");
  await submit.click();
  await expect(identifier).toHaveAccessibleDescription(/Use lowercase letters, digits, hyphens and underscores, starting with a letter or a digit\./);
  await expect(page).toHaveURL(/\/datasets\/new$/);

  // 3. Everything right.
  await identifier.fill(datasetId);
  await page.getByLabel("Description").fill("Boardings per tram stop and hour.\nCounted by the ticket validators.");
  const keywords = page.getByLabel("Keywords");
  await keywords.fill("transport");
  await keywords.press("Enter");
  await keywords.pressSequentially("tram,");
  await expect(page.getByRole("button", { name: "Remove keyword transport" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove keyword tram" })).toBeVisible();
  await expect(keywords).toHaveValue("");
  await page.getByLabel("Language of the data").selectOption({ label: "French" });
  await page.getByRole("textbox", { name: "Publisher" }).fill("Mobility department");
  await submit.click();

  await expect(toast(page, "Dataset created.")).toBeVisible();
  await expect(page).toHaveURL(/\/datasets\/da_[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText(datasetId, { exact: true })).toBeVisible();
  await expect(detailValue(page, "Description")).toHaveText("Boardings per tram stop and hour.\nCounted by the ticket validators.", { useInnerText: true });
  await expect(detailValue(page, "Keywords").getByRole("listitem")).toHaveText(["transport", "tram"]);
  await expect(detailValue(page, "Language")).toHaveText("French");
  await expect(detailValue(page, "Publisher")).toHaveText("Mobility department");
  await expect(detailValue(page, "Visibility")).toHaveText("Visible to everyone with access to the portal");
  await expect(detailValue(page, "Created")).toContainText("publisher");
  await expect(page.getByTestId("dataset-live-status")).toContainText("Unpublished");
  await expect(page.getByTestId("dataset-live-status")).not.toContainText("Restricted");
  // the creator may change and delete it
  await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete dataset" })).toBeVisible();
});

test("edits a dataset: new title, one keyword fewer, restricted (the restriction takes the manage right)", async ({ page, request }) => {
  const title = unique("Noise map");
  const newTitle = unique("Noise exposure map");
  const { uid } = await createDatasetViaApi(
    request,
    datasetBody(title, { keyword: { value: ["noise", "environment", "maps"] }, publisher: { value: "Environment department" } }),
  );
  // editing every dataset is not deciding who sees them: the switch is off limits until a ruleset makes the
  // publisher a manager of this one
  await page.goto(`/datasets/${uid}/edit`);
  await expect(page.getByRole("switch", { name: "Restricted dataset" })).toBeDisabled();
  await expect(page.getByText("Only those who manage this dataset decide who sees it")).toBeVisible();
  const granted = await request.post(`/api/automation/v1/datasets/${uid}/security/users/`, { headers: adminHeaders, data: { user: { username: accounts.publisher.username }, permissions: ["manage_dataset"] } });
  expect(granted.status(), await granted.text()).toBe(201);

  await page.goto(`/datasets/${uid}`);
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: `Edit “${title}”`, level: 1 })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByRole("textbox", { name: "Publisher" })).toHaveValue("Environment department");

  await page.getByLabel("Title").fill(newTitle);
  await page.getByRole("button", { name: "Remove keyword environment" }).click();
  await expect(page.getByRole("button", { name: "Remove keyword environment" })).toHaveCount(0);
  const restricted = page.getByRole("switch", { name: "Restricted dataset" });
  await expect(restricted).not.toBeChecked();
  await restricted.click();
  await expect(restricted).toBeChecked();
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(toast(page, "Changes saved.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}$`));
  await expect(page.getByRole("heading", { name: newTitle, level: 1 })).toBeVisible();
  await expect(detailValue(page, "Keywords").getByRole("listitem")).toHaveText(["noise", "maps"]);
  await expect(detailValue(page, "Publisher")).toHaveText("Environment department");
  await expect(detailValue(page, "Visibility")).toHaveText("Restricted: only users with a ruleset see it");
  await expect(page.getByTestId("dataset-live-status")).toContainText("Restricted");

  // the list shows the new title with its badge
  await page.getByRole("link", { name: "Datasets" }).first().click();
  await searchDatasets(page, newTitle);
  const row = page.getByTestId("dataset-table").getByRole("row").filter({ hasText: newTitle });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Restricted");
  await expect(page.getByTestId("dataset-table").getByRole("link", { name: title, exact: true })).toHaveCount(0);
});

test("finds datasets by part of the title, ignoring case and accents", async ({ page, request }) => {
  const token = unique("grid").toLowerCase();
  const title = `Électricité réseau ${token}`;
  const { uid } = await createDatasetViaApi(request, datasetBody(title));

  await page.goto("/datasets");
  const search = page.getByLabel("Search datasets");
  await expect(search).toHaveAttribute("type", "search");

  // part of the title
  await search.fill(token.toUpperCase());
  await expect(page).toHaveURL(new RegExp(`[?&]q=${token.toUpperCase()}`));
  await expect(page.getByTestId("dataset-count")).toHaveText("1 dataset");
  await expect(page.getByTestId("dataset-table").getByRole("link", { name: title })).toHaveAttribute("href", `/datasets/${uid}`);

  // without the accents
  await search.fill(`electricite reseau ${token}`);
  await expect(page).toHaveURL(/[?&]q=electricite\+reseau\+/);
  await expect(page.getByTestId("dataset-count")).toHaveText("1 dataset");
  await expect(page.getByTestId("dataset-table").getByRole("link", { name: title })).toBeVisible();

  // nothing matches, then clear the search
  const nothing = `${token}-nothing`;
  await search.fill(nothing);
  await expect(page.getByText(`No dataset matches “${nothing}”.`)).toBeVisible();
  await expect(page.getByTestId("dataset-table")).toHaveCount(0);
  await page.getByRole("link", { name: "Clear search" }).click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(search).toHaveValue("");
  await expect(page.getByTestId("dataset-table")).toBeVisible();
});

test("a dataset clicked right after typing in the search box opens (the pending search does not pull the user back)", async ({ page, request }) => {
  const title = unique("Quick click");
  const { uid } = await createDatasetViaApi(request, datasetBody(title));
  await page.goto("/datasets");
  const link = page.getByTestId("dataset-table").getByRole("link", { name: title });
  await expect(link).toBeVisible(); // just created: on the first page of "Recently updated"

  await page.getByLabel("Search datasets").fill(title.slice(0, 5));
  await link.click(); // within the search's 300 ms debounce
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}$`));
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await page.waitForTimeout(1_000); // the debounced search would have fired by now
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}$`));
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
});

test("sorts by title A–Z and Z–A", async ({ page, request }) => {
  const prefix = unique("sortcheck");
  const [alpha, bravo, charlie] = [`${prefix} alpha`, `${prefix} bravo`, `${prefix} charlie`];
  const titles = [alpha, bravo, charlie];
  // created out of order, so neither creation nor update order matches the title order
  for (const title of [bravo, charlie, alpha]) await createDatasetViaApi(request, datasetBody(title));

  await page.goto("/datasets");
  await searchDatasets(page, prefix);
  await expect(page.getByTestId("dataset-count")).toHaveText("3 datasets");
  await expect.poll(() => tableTitles(page)).toEqual([alpha, charlie, bravo]); // recently updated first

  await page.getByLabel("Sort by").selectOption({ label: "Title (A–Z)" });
  await expect(page).toHaveURL(/[?&]sort=title(&|$)/);
  await expect(page).toHaveURL(/[?&]q=/);
  await expect.poll(() => tableTitles(page)).toEqual(titles);

  await page.getByLabel("Sort by").selectOption({ label: "Title (Z–A)" });
  await expect(page).toHaveURL(/[?&]sort=-title(&|$)/);
  await expect.poll(() => tableTitles(page)).toEqual([...titles].reverse());
  await expect(page.getByLabel("Search datasets")).toHaveValue(prefix);
});

test("sorts by title A–Z the way people read, not by letter case or accents", async ({ page, request }) => {
  const prefix = unique("casesort");
  // what a reader expects: alpha < Bravo < charlie < Écluse < zulu
  const titles = [`${prefix} alpha`, `${prefix} Bravo`, `${prefix} charlie`, `${prefix} Écluse`, `${prefix} zulu`];
  for (const title of [...titles].reverse()) await createDatasetViaApi(request, datasetBody(title));

  await page.goto("/datasets");
  await searchDatasets(page, prefix);
  await expect(page.getByTestId("dataset-count")).toHaveText("5 datasets");
  await page.getByLabel("Sort by").selectOption({ label: "Title (A–Z)" });
  await expect(page).toHaveURL(/[?&]sort=title(&|$)/);
  await expect.poll(() => tableTitles(page)).toEqual(titles);
});

test("refuses an identifier that another dataset already has", async ({ page, request }) => {
  const existing = await createDatasetViaApi(request, datasetBody(unique("Parking occupancy"), {}, unique("parking")));

  await page.goto("/datasets/new");
  await page.getByLabel("Title").fill(unique("Parking occupancy again"));
  await page.getByLabel("Identifier").fill(existing.dataset_id);
  await page.getByRole("button", { name: "Create dataset" }).click();

  await expect(page.getByLabel("Identifier")).toHaveAccessibleDescription(
    new RegExp(`A dataset with the identifier “${existing.dataset_id}” already exists\\.`),
  );
  await expect(page.getByLabel("Identifier")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/datasets\/new$/);
});

test("deletes their own dataset after confirming; Cancel keeps it", async ({ page }) => {
  const title = unique("Street lights");
  await page.goto("/datasets/new");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create dataset" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const detailUrl = page.url();

  // Cancel
  await page.getByRole("button", { name: "Delete dataset" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete this dataset?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(title);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  // Delete permanently
  await page.getByRole("button", { name: "Delete dataset" }).click();
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(toast(page, "Dataset deleted.")).toBeVisible();
  await expect(page).toHaveURL(/\/datasets$/);
  await searchDatasets(page, title);
  await expect(page.getByText(`No dataset matches “${title}”.`)).toBeVisible();

  await page.goto(detailUrl);
  await expect(page.getByRole("heading", { name: "Not found." })).toBeVisible();
  await expect(page.getByText("This page does not exist, or you do not have access to it.")).toBeVisible();
});

test("may edit but not delete a dataset the administrator created", async ({ page, request }) => {
  const uid = await uidOf(request, "bike-counters");
  await page.goto(`/datasets/${uid}`);
  await expect(page.getByRole("heading", { name: "Bicycle counters", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete dataset" })).toHaveCount(0);
  await expect(page.getByText("You can view this dataset but not change it.")).toHaveCount(0);
});
