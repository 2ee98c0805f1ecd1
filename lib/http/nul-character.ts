// PostgreSQL text cannot hold U+0000 (the query fails), SQLite silently truncates at it in some paths: input
// carrying one is refused at the edge, with the field it was found in.

/** Dot path of the first string (value or key) containing U+0000, "" for the root, or null when there is none. */
export function findNulCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulCharacter(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) return [...path, key.replace(/\u0000/g, "\\u0000")].join(".");
      const found = findNulCharacter(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
