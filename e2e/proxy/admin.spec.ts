// An administrator signed in with an upstream key manages the upstream's users and groups through the proxy
// console: the users are the upstream's, and a group made in the console is made there.
import { unique } from "../support/fixtures";
import { toast } from "../support/helpers";
import { expect, signInAs, test } from "./support/fixtures";
import { upstreamGet } from "./support/upstream-api";

test.beforeEach(async ({ page, upstreamKeys }) => {
  await signInAs(page, upstreamKeys, "admin");
});

test("the users page lists the upstream's demo users", async ({ page }) => {
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  for (const username of ["admin", "publisher", "reviewer", "contributor"]) await expect(page.getByTestId(`user-row-${username}`)).toBeVisible();
  await expect(page.getByTestId("user-row-publisher")).toContainText("Paula");
});

test("a group created in the console is created upstream", async ({ page, upstream }) => {
  const title = unique("Data stewards");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Groups" }).click();
  await page.getByRole("button", { name: "New group" }).click();
  const dialog = page.getByRole("dialog", { name: "New group" });
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Description").fill("Look after the data.");
  await dialog.getByRole("checkbox", { name: /Create datasets/ }).check();
  await dialog.getByRole("button", { name: "Create the group" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/groups\/[^/]+$/);
  const uid = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);

  const group = await upstreamGet<{ uid: string; title: string; description: string; permissions: string[] }>(upstream, `/groups/${uid}/`);
  expect(group).toMatchObject({ uid, title, description: "Look after the data." });
  expect(group.permissions).toEqual(["create_dataset"]);

  // and a member added in the console is a member there
  await page.getByLabel("Username").fill("contributor");
  await page.getByRole("button", { name: "Add a member" }).click();
  await expect(toast(page, "contributor was added.")).toBeVisible();
  const members = await upstreamGet<{ results: { username: string }[] }>(upstream, `/groups/${uid}/users/`);
  expect(members.results.map((m) => m.username)).toEqual(["contributor"]);
});
