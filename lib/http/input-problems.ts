// What no schema can be trusted to survive, checked once on every input from outside before it reaches one:
// - U+0000: PostgreSQL text cannot hold it (the query fails), SQLite silently truncates at it in some paths;
// - a lone UTF-16 surrogate ("\ud800" in JSON): not Unicode, so the database's JSON encoding refuses it;
// - nesting deeper than MAX_INPUT_DEPTH: recursive code (zod, our own walks, JSON.stringify) would overflow the
//   stack on a body of a few kilobytes ("[[[[…").
// The walk is iterative for that last reason.

export const MAX_INPUT_DEPTH = 64;

export type InputProblem = { kind: "nul" | "surrogate" | "depth"; /** dot path of the value or key; "" for the root */ path: string };

// In a /u pattern a well-formed pair reads as one (astral) code point, so only a lone surrogate is of category Cs.
const LONE_SURROGATE = /\p{Cs}/u;

function textProblem(text: string): InputProblem["kind"] | null {
  if (text.includes("\u0000")) return "nul";
  if (LONE_SURROGATE.test(text)) return "surrogate";
  return null;
}

/** Dot path of a key as it will be shown: the characters it was refused for, escaped. */
function shownKey(key: string): string {
  return key.replace(/\u0000/g, "\\u0000").replace(/\p{Cs}/gu, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** The first problem of `value` in document order, or null when there is none. */
export function findInputProblem(value: unknown): InputProblem | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: item, path } = stack.pop()!;
    if (typeof item === "string") {
      const kind = textProblem(item);
      if (kind) return { kind, path: path.join(".") };
      continue;
    }
    if (!item || typeof item !== "object") continue;
    if (path.length >= MAX_INPUT_DEPTH) return { kind: "depth", path: path.join(".") };
    const children: { value: unknown; path: string[] }[] = [];
    if (Array.isArray(item)) {
      item.forEach((child, i) => children.push({ value: child, path: [...path, String(i)] }));
    } else {
      for (const [key, child] of Object.entries(item)) {
        const kind = textProblem(key);
        if (kind) return { kind, path: [...path, shownKey(key)].join(".") };
        children.push({ value: child, path: [...path, key] });
      }
    }
    // reversed onto the stack, so the first child is looked at first
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}
