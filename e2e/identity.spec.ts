// Users, groups and API keys in the console: an administrator invites a user who accepts and signs in, puts them
// in a new group with permissions, and a user creates and revokes an API key.
import AxeBuilder from "@axe-core/playwright";
import { accounts, expect, login, test, unique } from "./support/fixtures";
import { adminHeaders, signIn, toast } from "./support/helpers";

test.describe.configure({ timeout: 60_000 });

test("an administrator invites a user, who chooses a password and signs in; then puts them in a new group", async ({ page, browser }) => {
  const username = unique("invitee").toLowerCase();
  const email = `${username}@example.org`;
  await signIn(page, accounts.admin);

  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Invite a user" }).click();
  const invite = page.getByRole("dialog", { name: "Invite a user" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Username").fill(username);
  await invite.getByLabel("First name").fill("Ines");
  await invite.getByRole("button", { name: "Create the invitation" }).click();
  const linkDialog = page.getByRole("dialog", { name: `One-time link for ${username}` });
  const link = await linkDialog.getByTestId("one-time-secret").inputValue();
  expect(link).toMatch(/\/invitation\/[a-f0-9]{64}$/);
  await linkDialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId(`user-row-${username}`).getByText("Invitation pending")).toBeVisible();

  // the invitee, in a browser of their own
  const invitee = await browser.newContext();
  const inviteePage = await invitee.newPage();
  await inviteePage.goto(link);
  await expect(inviteePage.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  await inviteePage.getByLabel("Password", { exact: true }).fill("password1");
  await inviteePage.getByLabel("Repeat the password").fill("password1");
  await inviteePage.getByRole("button", { name: "Save the password" }).click();
  await expect(inviteePage.getByText("This password is too common")).toBeVisible();
  const password = "a garden of forking paths";
  await inviteePage.getByLabel("Password", { exact: true }).fill(password);
  await inviteePage.getByLabel("Repeat the password").fill(password);
  await inviteePage.getByRole("button", { name: "Save the password" }).click();
  await expect(inviteePage.getByText("Your password is saved.")).toBeVisible();
  await login(inviteePage, { username, password });
  // no administration entries for a plain user
  const nav = inviteePage.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "API keys" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await inviteePage.goto("/users");
  await expect(inviteePage.getByRole("heading", { name: "Users", level: 1 })).toHaveCount(0);
  await invitee.close();

  // the administrator makes a group with permissions and adds the new user
  const title = unique("Data stewards");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Groups" }).click();
  await page.getByRole("button", { name: "New group" }).click();
  const dialog = page.getByRole("dialog", { name: "New group" });
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Description").fill("Look after the data.");
  await dialog.getByRole("checkbox", { name: /Create datasets/ }).check();
  await dialog.getByRole("checkbox", { name: /Publish datasets/ }).check();
  await dialog.getByRole("button", { name: "Create the group" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText("create_dataset").first()).toBeVisible();
  await page.getByLabel("Username").fill(username);
  await page.getByRole("button", { name: "Add a member" }).click();
  await expect(toast(page, `${username} was added.`)).toBeVisible();
  await expect(page.getByTestId(`member-${username}`)).toBeVisible();

  await page.goto(`/users?group=${encodeURIComponent(title.toLowerCase().replace(/[^a-z0-9]+/g, "_"))}`);
  await expect(page.getByTestId(`user-row-${username}`)).toBeVisible();
  await expect(page.getByTestId("user-count")).toHaveText("1 user");
});

test("a user creates an API key, sees its secret once, and revokes it", async ({ page, request }) => {
  await signIn(page, accounts.reviewer);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  const label = unique("Nightly export");
  await page.getByRole("button", { name: "New API key" }).click();
  const dialog = page.getByRole("dialog", { name: "New API key" });
  await dialog.getByLabel("Label").fill(label);
  // the reviewer cannot give a key a permission they lack
  await expect(dialog.getByRole("checkbox", { name: /Create datasets/ })).toBeDisabled();
  await dialog.getByRole("checkbox", { name: /Browse restricted datasets/ }).check();
  await dialog.getByRole("button", { name: "Create the key" }).click();
  const secretDialog = page.getByRole("dialog", { name: "Your new API key" });
  const secret = await secretDialog.getByTestId("one-time-secret").inputValue();
  expect(secret).toMatch(/^[a-f0-9]{56}$/);
  await secretDialog.getByRole("button", { name: "Done" }).click();

  const works = await request.get("/api/automation/v1/datasets/?limit=0", { headers: { Authorization: `Apikey ${secret}` } });
  expect(works.status()).toBe(200);
  const row = page.getByRole("row").filter({ hasText: label });
  await expect(row.getByText("Active")).toBeVisible();
  await expect(row.getByText(secret)).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke ${label}` }).click();
  const revoke = page.getByRole("dialog", { name: `Revoke the key “${label}”?` });
  await revoke.getByLabel("Reason").fill("No longer needed");
  await revoke.getByRole("button", { name: "Revoke" }).click();
  await expect(toast(page, "The key was revoked.")).toBeVisible();
  await expect(row.getByText("Revoked: No longer needed")).toBeVisible();
  const refused = await request.get("/api/automation/v1/datasets/?limit=0", { headers: { Authorization: `Apikey ${secret}` } });
  expect(refused.status()).toBe(401);
});

test("the users, groups and API keys pages and the invitation page have no serious accessibility violations", async ({ page, browser, request }) => {
  const seriousViolations = async (p: typeof page) => {
    const results = await new AxeBuilder({ page: p }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    return results.violations.filter((v) => v.impact === "critical" || v.impact === "serious").map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  };
  await signIn(page, accounts.admin);
  for (const [path, heading] of [
    ["/users", "Users"],
    ["/groups", "Groups"],
    ["/api-keys", "API keys"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    expect.soft(await seriousViolations(page), path).toEqual([]);
  }
  await page.goto("/users");
  await page.getByRole("button", { name: "Invite a user" }).click();
  await expect(page.getByRole("dialog", { name: "Invite a user" })).toBeVisible();
  expect.soft(await seriousViolations(page), "invite dialog").toEqual([]);

  const invited = await request.post("/api/automation/v1/users/invite/", { data: [{ email: `${unique("a11y")}@example.org` }], headers: adminHeaders });
  const link = ((await invited.json()) as Record<string, { data: { invitation_url: string } }>)["0"]!.data.invitation_url;
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(new URL(link).pathname);
  await expect(visitorPage.getByRole("heading", { name: "Choose your password" })).toBeVisible();
  expect.soft(await seriousViolations(visitorPage), "invitation page").toEqual([]);
  await visitor.close();
});
