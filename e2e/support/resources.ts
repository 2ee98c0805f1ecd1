// Resource fixtures for the e2e specs: files built in code (CSV, XLSX), and datasets, uploads and resources
// created through the Automation API as the administrator.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { buildXlsx, type CellSpec } from "../../lib/extractors/test-fixtures";
import { createDatasetViaApi } from "./fixtures";
import { adminHeaders, datasetBody } from "./helpers";

export const CSV_HEADERS = ["Station", "City", "Population", "Opened"] as const;

/** A semicolon-separated file: a header row, then `rows` rows (more than the preview's 20). */
export function csvFile(rows = 25, prefix = "Station"): Buffer {
  const lines = [CSV_HEADERS.join(";")];
  for (let i = 1; i <= rows; i++) lines.push(`${prefix} ${i};City ${i};${1000 + i};${1900 + i}`);
  return Buffer.from(lines.join("\n") + "\n", "utf8");
}

/** A one-sheet workbook: a header row, then `rows` rows. */
export function xlsxFile(rows = 5): Buffer {
  const data: CellSpec[][] = [["Counter", "Bikes"]];
  for (let i = 1; i <= rows; i++) data.push([`Counter ${i}`, i * 10]);
  return buildXlsx([{ name: "Counts", rows: data }]);
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function createDataset(request: APIRequestContext, title: string): Promise<string> {
  return (await createDatasetViaApi(request, datasetBody(title))).uid;
}

export async function uploadViaApi(request: APIRequestContext, dataset_uid: string, name: string, buffer: Buffer, mimeType = "text/csv") {
  const response = await request.post(`/api/automation/v1/datasets/${dataset_uid}/resources/files/`, {
    headers: adminHeaders,
    multipart: { file: { name, mimeType, buffer } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { uid: string; filename: string; size: number };
}

/** A CSV resource on `dataset_uid`, its parameters guessed by the server. */
export async function createCsvResourceViaApi(request: APIRequestContext, dataset_uid: string, title: string, filename = "stations.csv", content = csvFile()) {
  const file = await uploadViaApi(request, dataset_uid, filename, content);
  const response = await request.post(`/api/automation/v1/datasets/${dataset_uid}/resources/`, {
    headers: adminHeaders,
    data: { type: "csvfile", title, datasource: { type: "uploaded_file", file: { uid: file.uid } } },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { uid: string; title: string };
}

/** The preview table (the region holding it) and its body rows. */
export function previewTable(page: Page) {
  return page.getByTestId("preview-table");
}

export function previewRows(page: Page) {
  return previewTable(page).locator("tbody tr");
}
