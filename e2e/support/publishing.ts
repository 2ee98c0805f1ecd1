// Publishing fixtures for the e2e specs: a publish through the Automation API as the administrator, waited for
// through the dataset's status, and the publish panel's landmarks.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { adminHeaders } from "./helpers";

/** Publishes the dataset as the administrator and waits until it is published and settled. */
export async function publishViaApi(request: APIRequestContext, dataset_uid: string) {
  const response = await request.post(`/api/automation/v1/datasets/${dataset_uid}/publish/`, { headers: adminHeaders });
  expect(response.status(), await response.text()).toBe(200);
  await expect
    .poll(
      async () => {
        const status = (await (await request.get(`/api/automation/v1/datasets/${dataset_uid}/status/`, { headers: adminHeaders })).json()) as { status: string; is_published: boolean };
        return `${status.status}/${status.is_published}`;
      },
      { timeout: 20_000 },
    )
    .toBe("idle/true");
}

/** The status block of the publish panel (badges and since). */
export function publishStatus(page: Page) {
  return page.getByTestId("publish-status");
}

/** The buttons that change a dataset's publication. */
export const PUBLISH_BUTTONS = ["Publish", "Publish metadata", "Abort", "Unpublish"] as const;

/** The body rows of the records explorer's table. */
export function recordRows(page: Page) {
  return page.getByTestId("records-table").locator("tbody tr");
}
