import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/i18n/locales";

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["fr", "fr"],
    ["fr-CH, fr;q=0.9, en;q=0.8", "fr"],
    ["de-DE,de;q=0.9,fr;q=0.8,en;q=0.7", "fr"],
    ["en-GB,fr;q=0.9", "en"],
    ["fr;q=0.5, en;q=0.9", "en"],
    ["es, it", "en"],
    ["fr;q=0", "en"],
    ["*", "en"],
    ["FR-fr", "fr"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
