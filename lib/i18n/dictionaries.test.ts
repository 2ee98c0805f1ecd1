// Every UI string exists in every language, with the same placeholders.
import { describe, expect, it } from "vitest";
import { dictionaries } from "@/lib/i18n/dictionaries";
import { en } from "@/lib/i18n/messages/en";
import { createTranslator } from "@/lib/i18n/translator";

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("dictionaries", () => {
  const reference = new Map(leaves(en));
  for (const [locale, messages] of Object.entries(dictionaries)) {
    it(`${locale} has exactly the English keys, non-empty, with the same placeholders`, () => {
      const entries = new Map(leaves(messages));
      expect([...entries.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, text] of entries) {
        expect(text.trim(), key).not.toBe("");
        expect(placeholders(text), key).toEqual(placeholders(reference.get(key)!));
      }
    });
  }
});

describe("translator", () => {
  const t = createTranslator(en);
  it("interpolates variables and leaves unknown ones visible", () => {
    expect(t("datasets.showing", { from: 1, to: 25, total: 100 })).toBe("Showing 1–25 of 100");
    expect(t("datasets.showing", { from: 1 })).toBe("Showing 1–{to} of {total}");
  });

  it("returns the key for a missing message instead of crashing", () => {
    expect(t("nope.missing" as never)).toBe("nope.missing");
  });
});
