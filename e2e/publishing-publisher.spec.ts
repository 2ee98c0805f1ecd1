// A publisher (publish_dataset) takes a CSV uploaded through the console through a processor, publishes it
// while watching the live status, explores the published records (facet, search, ODSQL filter, sort) and
// unpublishes it again.
import { accounts, expect, test, unique } from "./support/fixtures";
import { lockAccount, signIn, toast } from "./support/helpers";
import { createCsvResourceViaApi, createDataset } from "./support/processing";
import { publishStatus, recordRows } from "./support/publishing";

// The metadata-templates spec activates a mandatory template while it runs, which refuses every publish: take
// turns with it.
let release: () => void = () => undefined;
test.beforeEach(async () => {
  release = await lockAccount("metadata-templates");
});
test.afterEach(() => release());

test.beforeEach(async ({ page }) => {
  await signIn(page, accounts.publisher);
});

/** Twelve stations on three lines: Tram ×5, Bus ×4, Metro ×3. */
const STATIONS_CSV = Buffer.from(
  [
    "Station;Line;Riders",
    "Gare Nord;Tram;120",
    "Gare Sud;Tram;80",
    "Hôtel de Ville;Metro;300",
    "Parc;Bus;15",
    "Marché;Bus;40",
    "Université;Tram;220",
    "Stade;Metro;180",
    "Port;Bus;25",
    "Hôpital;Tram;95",
    "Musée;Metro;60",
    "Lycée;Bus;55",
    "Piscine;Tram;30",
  ].join("\n") + "\n",
  "utf8",
);

test("uploads, processes, publishes with a live status, explores the records and unpublishes", async ({ page, request }) => {
  test.slow();
  const uid = await createDataset(request, unique("Published stations"));
  const tabs = page.getByRole("navigation", { name: "Dataset sections" });

  // 1. Upload the CSV through the console.
  await page.goto(`/datasets/${uid}/resources/new`);
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "stations.csv", mimeType: "text/csv", buffer: STATIONS_CSV });
  await expect(page.getByTestId("uploaded-file")).toContainText("stations.csv");
  await expect(page.getByTestId("preview-table").locator("tbody tr")).toHaveCount(12);
  await page.getByRole("button", { name: "Save resource" }).click();
  await expect(toast(page, "Resource saved.")).toBeVisible();

  // 2. One processor: Metro becomes Subway.
  await page.goto(`/datasets/${uid}/processing`);
  await page.getByRole("button", { name: "Add processor" }).click();
  const catalog = page.getByRole("dialog", { name: "Add a processor" });
  await catalog.getByLabel("Search processors").fill("replace");
  await catalog.getByRole("button", { name: "Replace text", exact: true }).click();
  await page.getByRole("combobox", { name: /^Field/ }).selectOption("line");
  await page.getByLabel("Text to find").fill("Metro");
  await page.getByLabel("Replacement").fill("Subway");
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(toast(page, "Processor added.")).toBeVisible();

  // 3. Publish from the publish panel and watch it settle: published, idle, 12 records, in the history.
  await tabs.getByRole("link", { name: "Publishing" }).click();
  await expect(tabs.getByRole("link", { name: "Publishing" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("live-transport")).toHaveText("Live updates");
  await expect(publishStatus(page).getByText("Unpublished", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unpublish" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Abort" })).toBeDisabled();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(toast(page, "Publish queued.")).toBeVisible();
  await expect(publishStatus(page).getByText("Published", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(publishStatus(page).getByText("Idle", { exact: true })).toBeVisible();
  const progress = page.getByTestId("publish-progress");
  await expect(progress.getByText("Succeeded", { exact: true })).toBeVisible();
  await expect(page.getByTestId("progress-records")).toHaveText("12");
  await expect(page.getByTestId("progress-errors")).toHaveText("0");
  await expect(page.getByRole("progressbar", { name: "Publish progress" })).toHaveAttribute("aria-valuenow", "100");
  const history = page.getByTestId("publish-history").locator("tbody tr");
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText("Publish");
  await expect(history.first()).toContainText("Succeeded");
  await expect(page.getByRole("button", { name: "Unpublish" })).toBeEnabled();

  // 4. The records, as published: the processor's output, faceted on the first text fields.
  await tabs.getByRole("link", { name: "Records" }).click();
  await expect(page.getByTestId("records-count")).toHaveText("12 records");
  await expect(recordRows(page)).toHaveCount(12);
  const facets = page.getByTestId("facets");
  await expect(facets.getByRole("heading", { name: "Line" })).toBeVisible();
  await expect(facets.getByRole("button", { name: /^Metro\b/ })).toHaveCount(0);
  await facets.getByRole("button", { name: /^Subway\b/ }).click();
  await expect(page.getByTestId("refine-chips")).toContainText("Line: Subway");
  await expect(page.getByTestId("records-count")).toHaveText("3 records");
  await expect(recordRows(page)).toHaveCount(3);
  for (const row of await recordRows(page).all()) await expect(row).toContainText("Subway");

  // Sorted by riders, descending.
  const riders = page.getByRole("columnheader", { name: /^Riders/ });
  await riders.getByRole("button").click();
  await expect(riders).toHaveAttribute("aria-sort", "ascending");
  await riders.getByRole("button").click();
  await expect(riders).toHaveAttribute("aria-sort", "descending");
  await expect(recordRows(page).locator("td:first-child")).toHaveText(["Hôtel de Ville", "Stade", "Musée"]);

  // The export link carries the filter.
  const exportHref = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  const csv = await page.request.get(exportHref!);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split(/\r?\n/);
  expect(lines).toHaveLength(4);

  // Removing the chip, then a full-text search.
  await page.getByRole("button", { name: "Remove filter Line: Subway" }).click();
  await expect(page.getByTestId("records-count")).toHaveText("12 records");
  await page.getByLabel("Search records").fill("gare");
  await expect(page.getByTestId("records-count")).toHaveText("2 records");
  await expect(recordRows(page).locator("td:first-child")).toHaveText(["Gare Nord", "Gare Sud"]);
  await page.getByLabel("Search records").fill("");
  await expect(page.getByTestId("records-count")).toHaveText("12 records");

  // An ODSQL filter, then a broken one: the API's message under the field.
  const where = page.getByRole("textbox", { name: "ODSQL filter (where)" });
  await where.fill("riders >= 180");
  await where.press("Enter");
  await expect(page.getByTestId("records-count")).toHaveText("3 records");
  await where.fill("riders >>");
  await where.press("Enter");
  await expect(where).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#records-where-error")).not.toBeEmpty();
  await page.getByRole("button", { name: "Clear filter" }).click();
  await expect(page.getByTestId("records-count")).toHaveText("12 records");

  // 5. Unpublish, after confirming: the records tab says so.
  await tabs.getByRole("link", { name: "Publishing" }).click();
  await page.getByRole("button", { name: "Unpublish" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Unpublish this dataset?" });
  await confirm.getByRole("button", { name: "Unpublish" }).click();
  await expect(toast(page, "Unpublish queued.")).toBeVisible();
  await expect(publishStatus(page).getByText("Unpublished", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(publishStatus(page).getByText("Idle", { exact: true })).toBeVisible();
  await expect(page.getByTestId("publish-history").locator("tbody tr").first()).toContainText("Unpublish");
  await tabs.getByRole("link", { name: "Records" }).click();
  await expect(page.getByRole("heading", { name: "This dataset is not published" })).toBeVisible();
});

test("without the event stream, the panel polls the status and still follows a publish", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Polled"));
  await createCsvResourceViaApi(request, uid, "Stations");
  await page.route("**/status/live/", (route) => (route.request().headers().accept?.includes("text/event-stream") ? route.abort() : route.fallback()));
  await page.goto(`/datasets/${uid}/publishing`);
  await expect(page.getByTestId("live-transport")).toHaveText("Refreshing every second");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(publishStatus(page).getByText("Published", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("progress-records")).toHaveText("25");
  await expect(page.getByTestId("live-transport")).toHaveText("Refreshing every second");
});

test("a dataset without a resource cannot be published: the API's message shows", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Empty"));
  await page.goto(`/datasets/${uid}/publishing`);
  await expect(page.getByText("No publish yet.")).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The action was refused" })).toContainText("no resource");
  await expect(publishStatus(page).getByText("Unpublished", { exact: true })).toBeVisible();
});
