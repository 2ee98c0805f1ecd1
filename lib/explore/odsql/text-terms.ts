// How full-text input splits into terms; shared by the SQL compiler and the in-memory evaluator so
// the catalog and the records answer a search the same way.
import type { TextSearchMode } from "./ast";

/** contains: anywhere; prefix: the whole value starts with it; word_prefix: some word starts with it. */
export type TextTerm = { text: string; match: "contains" | "prefix" | "word_prefix" };

export function searchTerms(mode: TextSearchMode, text: string): TextTerm[] {
  if (mode === "startswith") return text.trim() === "" ? [] : [{ text: text.trim(), match: "prefix" }];
  return text
    .split(/\s+/)
    .filter((word) => word !== "")
    .flatMap((word): TextTerm[] => {
      const stem = word.replace(/\*+$/, "");
      if (stem === "") return [];
      return [{ text: stem, match: mode === "suggest" || stem !== word ? "word_prefix" : "contains" }];
    });
}
