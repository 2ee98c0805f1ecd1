// An administrator creates an API key in the console and uses it from scripts on every API: the Automation API,
// the data.world replace (PUT /v0/datasets/{owner}/{id}, with the key as a bearer token), udata's API 1 (the key in
// X-API-KEY) and the Management API v2. Then the API reference
// page shows one section per API the console serves (app/api/surfaces.ts), each checked the same way.
import { accounts, expect, test, unique } from "./support/fixtures";
import { signIn } from "./support/helpers";

test("an administrator's new key works on the Automation API, the data.world replace, udata and the Management API v2", async ({ page, request }) => {
  await signIn(page, accounts.admin);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "New API key" }).click();
  const dialog = page.getByRole("dialog", { name: "New API key" });
  await dialog.getByLabel("Label").fill(unique("data.world sync"));
  await dialog.getByRole("checkbox", { name: /Create datasets/ }).check();
  await dialog.getByRole("button", { name: "Create the key" }).click();
  const secretDialog = page.getByRole("dialog", { name: "Your new API key" });
  const secret = await secretDialog.getByTestId("one-time-secret").inputValue();
  expect(secret).toMatch(/^[a-f0-9]{56}$/);
  await secretDialog.getByRole("button", { name: "Done" }).click();

  // the Automation API: a dataset created with the key is the administrator's
  const automation = { Authorization: `Apikey ${secret}` };
  const dataset_id = unique("dw-sync");
  const created = await request.post("/api/automation/v1/datasets/", { headers: automation, data: { dataset_id, metadata: { default: { title: { value: "Team stats" } } } } });
  expect(created.status()).toBe(201);
  const { uid } = (await created.json()) as { uid: string };

  // data.world's replace, owner = the creator's username
  const replaced = await request.put(`/v0/datasets/${accounts.admin.username}/${dataset_id}`, {
    headers: { Authorization: `Bearer ${secret}` },
    data: { summary: "Players and stats", tags: ["basketball"], license: "CC-BY", visibility: "PRIVATE", files: [{ name: "players.csv", source: { url: "http://127.0.0.1:9/players.csv" } }] },
  });
  expect(replaced.status()).toBe(200);
  expect(await replaced.json()).toEqual({ message: "Dataset has been successfully replaced." });

  const dataset = (await (await request.get(`/api/automation/v1/datasets/${uid}/`, { headers: automation })).json()) as { is_restricted: boolean; metadata: { default: Record<string, { value: unknown }> } };
  expect(dataset.is_restricted).toBe(true);
  expect(dataset.metadata.default.description?.value).toBe("Players and stats");
  expect(dataset.metadata.default.keyword?.value).toEqual(["basketball"]);
  const resources = (await (await request.get(`/api/automation/v1/datasets/${uid}/resources/`, { headers: automation })).json()) as { results: { title: string }[] };
  expect(resources.results.map((r) => r.title)).toEqual(["players.csv"]);

  // a rule broken: 422 naming the field
  const refused = await request.put(`/v0/datasets/${accounts.admin.username}/${dataset_id}`, { headers: { Authorization: `Bearer ${secret}` }, data: { visibility: "OPEN", tags: ["x"] } });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { message: string }).message).toContain("tags[0]: ");

  // udata reads what data.world wrote, and creates with the same key
  const udata = { "X-API-KEY": secret };
  const read = await request.get(`/api/1/datasets/${uid}/`, { headers: udata });
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ id: uid, slug: dataset_id, title: "Team stats", description: "Players and stats", private: true });
  const made = await request.post("/api/1/datasets/", { headers: udata, data: { title: unique("Made through udata"), description: "x", private: true } });
  expect(made.status()).toBe(201);

  // the Management API v2 shows the same dataset in its own shape
  const v2 = await request.get(`/api/management/v2/datasets/${uid}`, { headers: automation });
  expect(v2.status()).toBe(200);
  expect(await v2.json()).toMatchObject({ dataset_uid: uid, dataset_id, visibility: "restricted" });
  const refusedV2 = await request.get(`/api/management/v2/datasets/${uid}`, { headers: { Authorization: "Apikey not-a-key" } });
  expect(refusedV2.status()).toBe(401);
});

test("the API reference page has a section for each API, with its base URL, authentication, OpenAPI document and operations", async ({ page, request }) => {
  await signIn(page, accounts.reviewer);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();

  const sections = page.getByTestId("api-surface");
  await expect(sections.first()).toBeVisible();
  const ids = await sections.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-surface")));
  expect(ids).toEqual(expect.arrayContaining(["automation", "management-v2", "udata", "dataworld"]));

  for (const section of await sections.all()) {
    const heading = section.getByRole("heading", { level: 2 });
    await expect(heading).toBeVisible();
    const title = ((await heading.textContent()) ?? "").trim();
    await expect(section).toHaveAccessibleName(title);
    // listed at the top of the page, linking to it
    const contents = page.getByRole("navigation", { name: "APIs on this page" }).getByRole("link", { name: title, exact: true });
    expect(await contents.getAttribute("href")).toBe(`#${await heading.getAttribute("id")}`);
    const base = (await section.getByTestId("api-base-url").textContent()) ?? "";
    expect(base).toMatch(/^http:\/\/[^/]+\/\S*$/);
    const curl = (await section.getByTestId("api-curl-example").textContent()) ?? "";
    expect(curl.startsWith("curl ")).toBe(true);
    expect(curl).toMatch(/Authorization|X-API-KEY|-u /);
    expect(curl).toContain(base);
    const href = await section.getByRole("link", { name: "OpenAPI 3.1 document (JSON)" }).getAttribute("href");
    const document = await request.get(href!);
    expect(document.status()).toBe(200);
    expect(((await document.json()) as { openapi: string }).openapi).toBe("3.1.0");
    await expect(section.getByRole("row").nth(1)).toBeVisible();
  }
});
