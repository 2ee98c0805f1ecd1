// A publisher signed in with an upstream key builds a dataset through the proxy console — create, upload, preview,
// process, publish, edit — and every change is read back from the upstream directly: it landed there.
import { unique } from "../support/fixtures";
import { detailValue, toast } from "../support/helpers";
import { previewRows } from "../support/resources";
import { expect, signInAs, test } from "./support/fixtures";
import { upstreamGet, type UpstreamDataset } from "./support/upstream-api";

test.beforeEach(async ({ page, upstreamKeys }) => {
  await signInAs(page, upstreamKeys, "publisher");
});

/** Six stations on three lines: Tram ×3, Metro ×2, Bus ×1. */
const STATIONS_CSV = Buffer.from(
  ["Station;Line;Riders", "Gare Nord;Tram;120", "Gare Sud;Tram;80", "Hôtel de Ville;Metro;300", "Parc;Bus;15", "Stade;Metro;180", "Port;Tram;25"].join("\n") + "\n",
  "utf8",
);

type Page<T> = { total_count: number; results: T[] };
type Resource = { uid: string; type: string; title: string; datasource: { type: string; file?: { filename: string } } };
type Processor = { uid: string; type: string; field?: string; old?: string; new?: string };

test("creates, uploads, previews, processes, publishes and edits a dataset, all of it upstream", async ({ page, upstream }) => {
  test.setTimeout(90_000);
  const title = unique("Proxied stations");
  const datasetId = unique("proxied-stations");
  const tabs = page.getByRole("navigation", { name: "Dataset sections" });

  // 1. Create through the form.
  await page.getByRole("link", { name: "New dataset" }).click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Identifier").fill(datasetId);
  await page.getByRole("button", { name: "Create dataset" }).click();
  await expect(toast(page, "Dataset created.")).toBeVisible();
  await expect(page).toHaveURL(/\/datasets\/da_[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const uid = new URL(page.url()).pathname.split("/").pop()!;
  const created = await upstreamGet<UpstreamDataset>(upstream, `/datasets/${uid}/`);
  expect(created.dataset_id).toBe(datasetId);
  expect(created.metadata.default.title.value).toBe(title);

  // 2. Upload a CSV: the relayed upload, guess and preview.
  await tabs.getByRole("link", { name: "Resources" }).click();
  await expect(page.getByText("No resources yet")).toBeVisible();
  await page.getByRole("link", { name: "Add resource" }).click();
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "stations.csv", mimeType: "text/csv", buffer: STATIONS_CSV });
  await expect(page.getByTestId("uploaded-file")).toContainText("stations.csv");
  await expect(page.getByRole("combobox", { name: /^Format/ })).toHaveValue("csvfile");
  await expect(page.getByLabel("Separator")).toHaveValue(";");
  await expect(previewRows(page)).toHaveCount(6);
  await expect(previewRows(page).first().locator("td")).toHaveText(["Gare Nord", "Tram", "120"]);
  await page.getByRole("button", { name: "Save resource" }).click();
  await expect(toast(page, "Resource saved.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}/resources/re_[a-z0-9]+$`));
  // the saved resource's preview, read from the upstream through the proxy
  await expect(page.getByRole("heading", { name: "stations", level: 1 })).toBeVisible();
  await expect(previewRows(page)).toHaveCount(6);
  await expect(previewRows(page).nth(2).locator("td")).toHaveText(["Hôtel de Ville", "Metro", "300"]);
  const resources = await upstreamGet<Page<Resource>>(upstream, `/datasets/${uid}/resources/`);
  expect(resources.results).toHaveLength(1);
  expect(resources.results[0]).toMatchObject({ type: "csvfile", title: "stations", datasource: { type: "uploaded_file", file: { filename: "stations.csv" } } });

  // 3. One processor: Metro becomes Subway (the resource page has no section tabs: back through the breadcrumb).
  await page.getByRole("navigation", { name: "breadcrumb" }).getByRole("link", { name: title }).click();
  await tabs.getByRole("link", { name: "Processing" }).click();
  await page.getByRole("button", { name: "Add processor" }).click();
  const catalog = page.getByRole("dialog", { name: "Add a processor" });
  await catalog.getByLabel("Search processors").fill("replace");
  await catalog.getByRole("button", { name: "Replace text", exact: true }).click();
  await page.getByRole("combobox", { name: /^Field/ }).selectOption("line");
  await page.getByLabel("Text to find").fill("Metro");
  await page.getByLabel("Replacement").fill("Subway");
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(toast(page, "Processor added.")).toBeVisible();
  await expect(page.getByTestId("processor-list").getByTestId("processor-label")).toHaveText(["Replace text"]);
  const processors = await upstreamGet<Page<Processor>>(upstream, `/datasets/${uid}/processors/`);
  expect(processors.results).toHaveLength(1);
  expect(processors.results[0]).toMatchObject({ type: "string_replace", field: "line", old: "Metro", new: "Subway" });

  // 4. Publish and watch the status settle; the upstream's publish thread does the work. The upstream is one of
  // ours, so the relay streams its live status (an official-only upstream would be polled).
  await tabs.getByRole("link", { name: "Publishing" }).click();
  await expect(page.getByTestId("live-transport")).toHaveText("Live updates");
  const status = page.getByTestId("publish-status");
  await expect(status.getByText("Unpublished", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(toast(page, "Publish queued.")).toBeVisible();
  await expect(status.getByText("Published", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(status.getByText("Idle", { exact: true })).toBeVisible();
  await expect(page.getByTestId("progress-records")).toHaveText("6");
  await expect(page.getByTestId("publish-history").locator("tbody tr").first()).toContainText("Succeeded");
  await expect(page.getByTestId("live-transport")).toHaveText("Live updates");
  const published = await upstreamGet<{ status: string; is_published: boolean }>(upstream, `/datasets/${uid}/status/`);
  expect(published).toMatchObject({ status: "idle", is_published: true });

  // the published records, through the relayed Explore API: the processor's output
  await tabs.getByRole("link", { name: "Records" }).click();
  await expect(page.getByTestId("records-count")).toHaveText("6 records");
  await expect(page.getByTestId("records-table").locator("tbody tr").filter({ hasText: "Subway" })).toHaveCount(2);
  await expect(page.getByTestId("records-table")).not.toContainText("Metro");

  // 5. Edit the title.
  const newTitle = unique("Proxied stations, renamed");
  await tabs.getByRole("link", { name: "Overview" }).click();
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await page.getByLabel("Title").fill(newTitle);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(toast(page, "Changes saved.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}$`));
  await expect(page.getByRole("heading", { name: newTitle, level: 1 })).toBeVisible();
  await expect(detailValue(page, "UID")).toHaveText(uid);
  const edited = await upstreamGet<UpstreamDataset>(upstream, `/datasets/${uid}/`);
  expect(edited.metadata.default.title.value).toBe(newTitle);
  expect(edited.dataset_id).toBe(datasetId);
});
