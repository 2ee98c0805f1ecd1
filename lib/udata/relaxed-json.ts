// JSON as data.gouv.fr's own guide sends it: its curl example for a remote resource writes one key unquoted
// (`filetype: "remote"`), which Flask's parser there tolerated through the form layer. Bare identifier keys are
// quoted before parsing; everything else is strict JSON (strings are copied untouched, so nothing inside them moves).
export function parseRelaxedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (strictError) {
    const quoted = quoteBareKeys(text);
    if (quoted === text) throw strictError;
    try {
      return JSON.parse(quoted);
    } catch {
      throw strictError;
    }
  }
}

/** `{a: 1, b_2 : "x"}` → `{"a": 1, "b_2" : "x"}`: identifiers right after `{` or `,` and before `:`. */
export function quoteBareKeys(text: string): string {
  let out = "";
  let i = 0;
  let expectKey = false;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
      expectKey = false;
      continue;
    }
    if (c === "{" || c === ",") {
      out += c;
      i++;
      expectKey = true;
      continue;
    }
    if (expectKey && /[A-Za-z_$]/.test(c)) {
      const match = /^[A-Za-z_$][\w$]*(?=\s*:)/.exec(text.slice(i));
      if (match) {
        out += `"${match[0]}"`;
        i += match[0].length;
        expectKey = false;
        continue;
      }
    }
    if (!/\s/.test(c)) expectKey = false;
    out += c;
    i++;
  }
  return out;
}

/** Index just past the string literal starting at `start` (or the end of the text if it never closes). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === "\\") i += 2;
    else if (text[i] === '"') return i + 1;
    else i++;
  }
  return text.length;
}
