// The console speaks English and French: the browser's language until the user picks one, which then sticks
// to the account.
import type { Page } from "@playwright/test";
import { accounts, expect, login, test } from "./support/fixtures";
import { lockAccount } from "./support/helpers";

test.describe("in a French browser", () => {
  test.use({ locale: "fr-FR" });

  test("the sign-in page is in French", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { name: "Connexion", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Nom d’utilisateur")).toBeVisible();
    await expect(page.getByLabel("Mot de passe")).toBeVisible();
    await expect(page.getByRole("button", { name: "Se connecter" })).toBeVisible();
    await expect(page.getByLabel("Langue")).toHaveValue("fr");
    await expect(page.getByText("Username")).toHaveCount(0);

    await page.getByLabel("Nom d’utilisateur").fill(accounts.reviewer.username);
    await page.getByLabel("Mot de passe").fill("not-the-password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Nom d’utilisateur ou mot de passe incorrect." })).toBeVisible();
  });

  test("a reviewer signs in with the French form and gets the French console", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Nom d’utilisateur").fill(accounts.reviewer.username);
    await page.getByLabel("Mot de passe").fill(accounts.reviewer.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/datasets$/);
    await expect(page.getByRole("heading", { name: "Jeux de données", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Jeux de données" })).toBeVisible();
    await expect(page.getByLabel("Rechercher des jeux de données")).toBeVisible();
    await expect(page.getByTestId("dataset-count")).toContainText("jeux de données");
    await expect(page.getByRole("link", { name: "Nouveau jeu de données" })).toHaveCount(0); // reviewers do not create
  });
});

test("the language picked on the sign-in page is kept on reload", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await page.getByLabel("Language").selectOption({ label: "Français" });
  await expect(page.getByRole("heading", { name: "Connexion", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Nom d’utilisateur")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Connexion", level: 1 })).toBeVisible();
  await page.getByLabel("Langue").selectOption({ label: "English" });
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
});

async function chooseLanguage(page: Page, language: "English" | "Français" | "Browser language" | "Langue du navigateur") {
  await page.getByTestId("user-menu").first().click();
  const item = page.getByRole("menuitemradio", { name: language });
  await item.click();
}

test("switching to French in the user menu translates the console and is remembered", async ({ page }) => {
  test.setTimeout(60_000);
  // The choice is saved on the account: keep contributor.spec.ts off the account meanwhile.
  const release = await lockAccount("contributor");
  try {
    await login(page, accounts.contributor);
    await expect(page.getByRole("heading", { name: "Datasets", level: 1 })).toBeVisible();

    await page.getByTestId("user-menu").first().click();
    const menu = page.getByRole("menu");
    await expect(menu).toContainText("Signed in as contributor");
    // nothing chosen yet: the console follows the browser
    await expect(menu.getByRole("menuitemradio", { name: "Browser language" })).toBeChecked();
    await menu.getByRole("menuitemradio", { name: "Français" }).click();

    await expect(page.getByRole("heading", { name: "Jeux de données", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Nouveau jeu de données" }).first()).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");

    await page.reload();
    await expect(page.getByRole("heading", { name: "Jeux de données", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Rechercher des jeux de données")).toBeVisible();
    await page.getByTestId("user-menu").first().click();
    await expect(menu).toContainText("Connecté en tant que contributor");
    await expect(menu.getByRole("menuitemradio", { name: "Français" })).toBeChecked();
    await page.keyboard.press("Escape");

    // another page, another request: still French
    await page.goto("/datasets/new");
    await expect(page.getByRole("heading", { name: "Nouveau jeu de données", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Créer le jeu de données" })).toBeVisible();

    // forgetting the choice follows the (English) browser again
    await page.goto("/datasets");
    await chooseLanguage(page, "Langue du navigateur");
    await expect(page.getByRole("heading", { name: "Datasets", level: 1 })).toBeVisible();
    await page.getByTestId("user-menu").first().click();
    await expect(page.getByRole("menu").getByRole("menuitemradio", { name: "Browser language" })).toBeChecked();
    await page.keyboard.press("Escape");
  } finally {
    // Back to following the browser for the other specs, whatever happened above.
    try {
      await page.goto("/datasets");
      if (await page.getByTestId("user-menu").first().isVisible()) {
        const french = await page.getByRole("heading", { name: "Jeux de données", level: 1 }).isVisible();
        await chooseLanguage(page, french ? "Langue du navigateur" : "Browser language");
        await expect(page.getByRole("heading", { name: "Datasets", level: 1 })).toBeVisible();
      }
    } finally {
      release();
    }
  }
});
