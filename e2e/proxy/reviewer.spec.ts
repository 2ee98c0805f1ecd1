// A reviewer signed in with an upstream key (explore_restricted_dataset) reads the upstream's datasets through the
// proxy console — the list, a dataset, its resource's records — without a control to change them, and the console
// refuses the writes a script would try with the reviewer's session.
import { createDatasetViaApi, unique } from "../support/fixtures";
import { datasetBody, detailValue, searchDatasets } from "../support/helpers";
import { PUBLISH_BUTTONS } from "../support/publishing";
import { createCsvResourceViaApi, previewRows, previewTable } from "../support/resources";
import { expect, signInAs, test } from "./support/fixtures";
import { upstreamAdmin, upstreamGet, type UpstreamDataset } from "./support/upstream-api";

// Two datasets made upstream by its administrator, as a domain's data is there before the console: one with a
// CSV resource, one restricted. Their titles share a token, to find them alone in the list.
const token = unique("reviewed").toLowerCase();
const open = { title: `Stations ${token}`, uid: "", resource: "" };
const restricted = { title: `Restricted ${token}`, uid: "" };

test.beforeAll(async () => {
  const upstream = await upstreamAdmin();
  try {
    open.uid = (await createDatasetViaApi(upstream, datasetBody(open.title, { publisher: { value: "Transport department" } }))).uid;
    open.resource = (await createCsvResourceViaApi(upstream, open.uid, "Station list")).uid;
    restricted.uid = (await createDatasetViaApi(upstream, { ...datasetBody(restricted.title), is_restricted: true })).uid;
  } finally {
    await upstream.dispose();
  }
});

test.beforeEach(async ({ page, upstreamKeys }) => {
  await signInAs(page, upstreamKeys, "reviewer");
});

test("sees the upstream's datasets, the restricted one included, and cannot create one", async ({ page }) => {
  await expect(page.getByRole("heading", { name: "Datasets", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "New dataset" })).toHaveCount(0);
  await searchDatasets(page, token);
  await expect(page.getByTestId("dataset-count")).toHaveText("2 datasets");
  const table = page.getByTestId("dataset-table");
  const openRow = table.getByRole("row").filter({ has: page.getByRole("link", { name: open.title, exact: true }) });
  const restrictedRow = table.getByRole("row").filter({ has: page.getByRole("link", { name: restricted.title, exact: true }) });
  await expect(openRow).toContainText("Unpublished");
  await expect(openRow).not.toContainText("Restricted");
  await expect(restrictedRow).toContainText("Restricted");

  await restrictedRow.getByRole("link", { name: restricted.title }).click();
  await expect(page.getByRole("heading", { name: restricted.title, level: 1 })).toBeVisible();
  await expect(detailValue(page, "Visibility")).toHaveText("Restricted: only users with a ruleset see it");
});

test("opens a dataset and its resource's records, with no control to change anything", async ({ page }) => {
  const tabs = page.getByRole("navigation", { name: "Dataset sections" });
  await searchDatasets(page, token);
  await page.getByTestId("dataset-table").getByRole("link", { name: open.title, exact: true }).click();
  await expect(page.getByRole("heading", { name: open.title, level: 1 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "You can view this dataset but not change it." })).toBeVisible();
  await expect(detailValue(page, "Publisher")).toHaveText("Transport department");
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete dataset" })).toHaveCount(0);

  await tabs.getByRole("link", { name: "Resources" }).click();
  await expect(page.getByRole("link", { name: "Add resource" })).toHaveCount(0);
  const row = page.getByTestId("resource-table").getByRole("row").filter({ hasText: "Station list" });
  await expect(row).toContainText("stations.csv");
  await row.getByRole("link", { name: "Station list" }).click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${open.uid}/resources/${open.resource}$`));
  await expect(page.getByRole("status").filter({ hasText: "You can view this resource but not change it." })).toBeVisible();
  await expect(previewTable(page).getByRole("columnheader", { name: /^Station\b/ })).toBeVisible();
  await expect(previewRows(page)).toHaveCount(20);
  await expect(previewRows(page).first().locator("td")).toHaveText(["Station 1", "City 1", "1001", "1901"]);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);

  // the resource page has no section tabs: back to the dataset through the breadcrumb
  await page.getByRole("navigation", { name: "breadcrumb" }).getByRole("link", { name: open.title }).click();
  await tabs.getByRole("link", { name: "Processing" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You can view this dataset's processing but not change it." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add processor" })).toHaveCount(0);

  await tabs.getByRole("link", { name: "Publishing" }).click();
  await expect(page.getByText("You can follow this dataset's publishing but not publish it.")).toBeVisible();
  for (const name of PUBLISH_BUTTONS) await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
});

test("the new-dataset and edit pages are forbidden", async ({ page }) => {
  const forbidden = page.getByRole("heading", { name: "You do not have permission to perform this action." });
  await page.goto("/datasets/new");
  await expect(forbidden).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveCount(0);

  await page.goto(`/datasets/${open.uid}/edit`);
  await expect(forbidden).toBeVisible();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);

  await page.goto(`/datasets/${open.uid}/resources/new`);
  await expect(forbidden).toBeVisible();
  await expect(page.getByLabel("File", { exact: true })).toHaveCount(0);
});

test("the session reads a dataset through the console's API, and every write is refused", async ({ page, upstream }) => {
  const url = `/api/automation/v1/datasets/${open.uid}/`;
  const read = await page.request.get(url);
  expect(read.status()).toBe(200);
  expect(((await read.json()) as UpstreamDataset).metadata.default.title.value).toBe(open.title);

  const change = { data: { metadata: { default: { title: { value: "Changed by a reviewer" } } } } };
  // without the console's header the proxy adds no key: the upstream sees nobody
  const anonymous = await page.request.put(url, change);
  expect(anonymous.status()).toBe(401);
  // with it, the reviewer's key: the upstream refuses the reviewer
  const asReviewer = await page.request.put(url, { ...change, headers: { "X-DPC-Console": "1" } });
  expect(asReviewer.status()).toBe(403);
  const upload = await page.request.post(`/api/automation/v1/datasets/${open.uid}/resources/files/`, {
    headers: { "X-DPC-Console": "1" },
    multipart: { file: { name: "sneaky.csv", mimeType: "text/csv", buffer: Buffer.from("a;b\n1;2\n") } },
  });
  expect(upload.status()).toBe(403);
  const publish = await page.request.post(`/api/automation/v1/datasets/${open.uid}/publish/`, { headers: { "X-DPC-Console": "1" }, data: {} });
  expect(publish.status()).toBe(403);

  const after = await upstreamGet<UpstreamDataset & { is_published: boolean }>(upstream, `/datasets/${open.uid}/`);
  expect(after.metadata.default.title.value).toBe(open.title);
  expect(after.is_published).toBe(false);
  const resources = await upstreamGet<{ results: { title: string }[] }>(upstream, `/datasets/${open.uid}/resources/`);
  expect(resources.results.map((r) => r.title)).toEqual(["Station list"]);
});
