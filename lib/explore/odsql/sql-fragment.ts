// SQL is assembled from fragments that carry their own bound values, so parameters stay in the
// order their `?` appear whatever order the clauses are compiled in.

export type SqlParam = string | number | boolean | null;
export type Fragment = { text: string; params: SqlParam[] };

export const raw = (text: string): Fragment => ({ text, params: [] });
export const bind = (value: SqlParam): Fragment => ({ text: "?", params: [value] });

/** sql`${a} AND ${b}` with fragments as the only interpolations. */
export function sql(strings: TemplateStringsArray, ...parts: Fragment[]): Fragment {
  let text = strings[0]!;
  const params: SqlParam[] = [];
  parts.forEach((part, i) => {
    text += part.text + strings[i + 1]!;
    params.push(...part.params);
  });
  return { text, params };
}

export function join(parts: Fragment[], separator: string): Fragment {
  return { text: parts.map((part) => part.text).join(separator), params: parts.flatMap((part) => part.params) };
}

/** Identifiers come from the field catalog or our own aliases, never from query text. */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** `?` → `$1, $2…` for PostgreSQL. Safe because every value is bound: no `?` occurs in a literal. */
export function numberPlaceholders(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
