// A publisher (edit_dataset) adds, tunes, replaces and deletes dataset resources in the console.
import { writeFileSync } from "node:fs";
import type { CDPSession, Page } from "@playwright/test";
import { accounts, expect, test, unique } from "./support/fixtures";
import { signIn, toast } from "./support/helpers";
import { createCsvResourceViaApi, createDataset, CSV_HEADERS, csvFile, previewRows, previewTable, XLSX_MIME, xlsxFile } from "./support/resources";

test.beforeEach(async ({ page }) => {
  await signIn(page, accounts.publisher);
});

/** Slows the page's uploads down (Chromium's network emulation), so that an upload can be watched or cancelled. */
async function throttleUploads(page: Page, bytesPerSecond: number, latencyMs = 0): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  return cdp;
}

async function unthrottle(cdp: CDPSession) {
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}

/** Records every value the upload progress bar shows, in order. */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const value = bar ? Number(bar.getAttribute("aria-valuenow")) : NaN;
      if (bar && seen[seen.length - 1] !== value) seen.push(value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
}

const dropZone = (page: Page) => page.getByRole("button", { name: /Drag and drop a file here/ });

test("uploads a CSV, tunes it with the live preview, saves it, and downloads the file again", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Stations"));
  const csv = csvFile(4000); // ~130 KiB: long enough to watch at the throttled speed; the preview still shows 20 rows

  await page.goto(`/datasets/${uid}`);
  const tabs = page.getByRole("navigation", { name: "Dataset sections" });
  await expect(tabs.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await tabs.getByRole("link", { name: "Resources" }).click();
  await expect(tabs.getByRole("link", { name: "Resources" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Overview" })).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No resources yet")).toBeVisible();
  await page.getByRole("link", { name: "Add resource" }).click();
  await expect(page.getByRole("heading", { name: "Add a resource", level: 1 })).toBeVisible();

  // 1. Upload, throttled so that the progress bar is seen filling up to the end.
  const cdp = await throttleUploads(page, 96 * 1024, 400);
  const progress = await recordProgress(page);
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "stations.csv", mimeType: "text/csv", buffer: csv });
  const bar = page.getByRole("progressbar", { name: "Upload progress" });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId("upload-progress")).toContainText(/of 1\d\d(\.\d)? KiB/);
  await expect(page.getByTestId("uploaded-file")).toHaveText(/^File: stations\.csv \(1\d\d(\.\d)? KiB\)$/);
  await unthrottle(cdp);
  const seen = await progress();
  expect(seen.length, `progress values seen: ${seen.join(", ")}`).toBeGreaterThan(2);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(seen.at(-1)).toBe(100);
  // the progress bar's Cancel button is gone: focus lands on the uploaded file
  await expect(page.getByTestId("uploaded-file")).toBeFocused();

  // 2. Guessed: the format, the separator, the title; the preview shows the first 20 records.
  await expect(page.getByRole("combobox", { name: /^Format/ })).toHaveValue("csvfile");
  await expect(page.getByLabel("Separator")).toHaveValue(";");
  await expect(page.getByRole("textbox", { name: /^Title/ })).toHaveValue("stations");
  const table = previewTable(page);
  for (const label of CSV_HEADERS) await expect(table.getByRole("columnheader", { name: new RegExp(`^${label}\\b`) })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /^Population/ })).toContainText("int");
  await expect(previewRows(page)).toHaveCount(20);
  await expect(previewRows(page).first().locator("td")).toHaveText(["Station 1", "City 1", "1001", "1901"]);

  // 3. Headers off: the header row becomes the first record; back on: as before.
  const headers = page.getByLabel("First row contains headers");
  await expect(headers).toBeChecked();
  await headers.uncheck();
  await expect(previewRows(page).first().locator("td")).toHaveText([...CSV_HEADERS]);
  await expect(table.getByRole("columnheader", { name: /^column_1\b/ })).toBeVisible();
  await headers.check();
  await expect(previewRows(page).first().locator("td")).toHaveText(["Station 1", "City 1", "1001", "1901"]);
  await expect(table.getByRole("columnheader", { name: /^Station\b/ })).toBeVisible();

  // 4. Save: the resource page, with its preview.
  await page.getByRole("button", { name: "Save resource" }).click();
  await expect(toast(page, "Resource saved.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}/resources/re_[a-z0-9]+$`));
  await expect(page.getByRole("heading", { name: "stations", level: 1 })).toBeVisible();

  // 5. Listed with its file name; opened from the list, its preview and its file.
  await page.getByRole("navigation", { name: "breadcrumb" }).getByRole("link", { name: "Resources" }).click();
  await expect(page.getByTestId("resource-count")).toHaveText("1 resource");
  const row = page.getByTestId("resource-table").getByRole("row").filter({ hasText: "stations.csv" });
  await expect(row).toContainText("CSV");
  await row.getByRole("link", { name: "stations" }).click();
  await expect(page.getByRole("heading", { name: "stations", level: 1 })).toBeVisible();
  await expect(previewRows(page)).toHaveCount(20);
  await expect(previewRows(page).first().locator("td")).toHaveText(["Station 1", "City 1", "1001", "1901"]);
  await expect(page.getByTestId("resource-params")).toContainText("Separator");
  const href = await page.getByRole("link", { name: "Download" }).getAttribute("href");
  expect(href).toMatch(new RegExp(`^/api/automation/v1/datasets/${uid}/resources/files/fi_[a-z0-9]+/download/$`));
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain("stations.csv");
  expect(Buffer.from(await download.body()).equals(csv)).toBe(true);
});

test("uploads an Excel workbook and previews its sheet", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Bike counters"));
  await page.goto(`/datasets/${uid}/resources/new`);
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "counters.xlsx", mimeType: XLSX_MIME, buffer: xlsxFile(5) });

  await expect(page.getByTestId("uploaded-file")).toContainText("counters.xlsx");
  await expect(page.getByRole("combobox", { name: /^Format/ })).toHaveValue("xlsxfile");
  await expect(page.getByRole("textbox", { name: /^Title/ })).toHaveValue("counters");
  await expect(page.getByLabel("First row contains headers")).toBeChecked();
  const table = previewTable(page);
  await expect(table.getByRole("columnheader", { name: /^Counter\b/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /^Bikes\b/ })).toBeVisible();
  await expect(previewRows(page)).toHaveCount(5);
  await expect(previewRows(page).first().locator("td")).toHaveText(["Counter 1", "10"]);
  await expect(previewRows(page).last().locator("td")).toHaveText(["Counter 5", "50"]);

  await page.getByRole("button", { name: "Save resource" }).click();
  await expect(toast(page, "Resource saved.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "counters", level: 1 })).toBeVisible();
  await expect(previewRows(page)).toHaveCount(5);
  await page.goto(`/datasets/${uid}/resources`);
  await expect(page.getByTestId("resource-table").getByRole("row").filter({ hasText: "counters.xlsx" })).toContainText("Excel");
});

test("cancels a large upload half-way: nothing is kept", async ({ page, request }, testInfo) => {
  const uid = await createDataset(request, unique("Too slow"));
  const big = testInfo.outputPath("big.csv");
  writeFileSync(big, Buffer.alloc(40 * 1024 * 1024, "a;b\n"));
  await page.goto(`/datasets/${uid}/resources/new`);

  const cdp = await throttleUploads(page, 2 * 1024 * 1024);
  await page.getByLabel("File", { exact: true }).setInputFiles(big);
  const bar = page.getByRole("progressbar", { name: "Upload progress" });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId("upload-progress")).toContainText("of 40 MiB");
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(Number(await bar.getAttribute("aria-valuenow"))).toBeLessThan(100);
  await page.getByRole("button", { name: "Cancel upload" }).click();
  await unthrottle(cdp);

  await expect(page.getByRole("status").filter({ hasText: "Upload cancelled." })).toBeVisible();
  await expect(bar).toHaveCount(0);
  await expect(dropZone(page)).toBeFocused();
  await expect(page.getByRole("button", { name: "Save resource" })).toHaveCount(0);

  await page.goto(`/datasets/${uid}/resources`);
  await expect(page.getByText("No resources yet")).toBeVisible();
  await expect(page.getByTestId("resource-count")).toHaveText("0 resources");
});

test("replaces the file of a resource", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Counts"));
  const resource = await createCsvResourceViaApi(request, uid, "Daily counts", "old.csv", csvFile(25, "Old"));

  await page.goto(`/datasets/${uid}/resources/${resource.uid}`);
  await expect(previewRows(page).first()).toContainText("Old 1");
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: "Edit “Daily counts”", level: 1 })).toBeVisible();
  await expect(page.getByTestId("uploaded-file")).toContainText("old.csv");
  await expect(page.getByRole("textbox", { name: /^Title/ })).toHaveValue("Daily counts");
  await expect(page.getByLabel("Separator")).toHaveValue(";");
  await expect(previewRows(page)).toHaveCount(20);
  await expect(previewRows(page).first()).toContainText("Old 1");

  await page.getByRole("button", { name: "Replace file" }).click();
  await expect(dropZone(page)).toBeFocused();
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "new.csv", mimeType: "text/csv", buffer: csvFile(30, "New") });
  await expect(page.getByTestId("uploaded-file")).toContainText("new.csv");
  await expect(previewRows(page).first()).toContainText("New 1");
  await expect(page.getByRole("textbox", { name: /^Title/ })).toHaveValue("Daily counts");

  await page.getByRole("button", { name: "Save resource" }).click();
  await expect(toast(page, "Resource saved.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}/resources/${resource.uid}$`));
  await expect(page.getByText("new.csv")).toBeVisible();
  await expect(page.getByText("old.csv")).toHaveCount(0);
  await expect(previewRows(page).first()).toContainText("New 1");
  const download = await page.request.get((await page.getByRole("link", { name: "Download" }).getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect((await download.text()).split("\n")[1]).toBe("New 1;City 1;1001;1901");
});

test("deletes a resource after confirming", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Short-lived"));
  const resource = await createCsvResourceViaApi(request, uid, "Doomed resource");

  await page.goto(`/datasets/${uid}/resources/${resource.uid}`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete this resource?" });
  await expect(dialog).toContainText("“Doomed resource” will be deleted");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Doomed resource", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
  await expect(toast(page, "Resource deleted.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}/resources$`));
  await expect(page.getByText("No resources yet")).toBeVisible();

  const gone = await page.request.get(`/api/automation/v1/datasets/${uid}/resources/${resource.uid}/`);
  expect(gone.status()).toBe(404);
});

test("a remote URL: required, fetched with Enter, and the server's refusal shown", async ({ page, request }) => {
  const uid = await createDataset(request, unique("Remote"));
  await page.goto(`/datasets/${uid}/resources/new`);
  await page.getByRole("radio", { name: "Remote URL" }).check();
  const url = page.getByRole("textbox", { name: /^URL/ });
  await expect(page.getByLabel("User name")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("type", "password");

  await page.getByRole("button", { name: "Fetch" }).click();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(/Enter the URL to fetch\./);

  // loopback addresses are refused by the server (SSRF guard): its message is shown, nothing to configure
  await url.fill("http://127.0.0.1:9/data.csv");
  await url.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "The format could not be detected" })).toContainText("private or loopback address");
  await expect(page).toHaveURL(new RegExp(`/datasets/${uid}/resources/new$`));
  await expect(page.getByRole("button", { name: "Save resource" })).toHaveCount(0);
});
