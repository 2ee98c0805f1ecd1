// Processing fixtures for the e2e specs: processors created through the Automation API as the administrator,
// and the page's landmarks.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { adminHeaders } from "./helpers";

export { createCsvResourceViaApi, createDataset, csvFile } from "./resources";

export async function createProcessorViaApi(request: APIRequestContext, dataset_uid: string, processor: Record<string, unknown>) {
  const response = await request.post(`/api/automation/v1/datasets/${dataset_uid}/processors/`, { headers: adminHeaders, data: processor });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { uid: string; label: string };
}

/** The step labels of the processor stack, top to bottom. */
export function stackLabels(page: Page) {
  return page.getByTestId("processor-list").getByTestId("processor-label");
}

/** The preview's step selector, table and body rows. */
export function stepSelect(page: Page) {
  return page.getByLabel("Show the records after");
}

export function stepRows(page: Page) {
  return page.getByTestId("step-preview").getByTestId("preview-table").locator("tbody tr");
}
