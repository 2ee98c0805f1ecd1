import { syntaxError, type Clause } from "./errors";

export type TokenKind = "ident" | "quoted_ident" | "string" | "number" | "date" | "geom" | "op" | "eof";

/** `value` is the decoded content (string without quotes, field name without back-quotes); start/end are 0-based offsets. */
export type Token = { kind: TokenKind; value: string; start: number; end: number };

const OPERATORS = ["..", "!=", "<>", ">=", "<=", ":", "=", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ","];
const IDENT_START = /[A-Za-z_\u00C0-\uFFFF]/;
const IDENT_PART = /[A-Za-z0-9_\u00C0-\uFFFF]/;
const DISTANCE_UNIT_WORDS = new Set(["mm", "cm", "m", "km", "ft", "yd", "mi"]);
const JSON_ESCAPES: Record<string, string> = { '"': '"', "'": "'", "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

export function tokenize(text: string, clause: Clause): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === '"' || ch === "'") {
      const { value, end } = readQuoted(text, i, clause);
      tokens.push({ kind: "string", value, start, end });
      i = end;
    } else if (ch === "`") {
      const { value, end } = readQuoted(text, i, clause);
      if (value === "") throw syntaxError(clause, "empty field name", start);
      tokens.push({ kind: "quoted_ident", value, start, end });
      i = end;
    } else if (/[0-9]/.test(ch)) {
      const match = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i))!;
      i += match[0].length;
      tokens.push({ kind: "number", value: match[0], start, end: i });
      if (i < text.length && IDENT_PART.test(text[i]!)) {
        // `10km` is a distance: the unit becomes its own token, as in `10 km`. Any other suffix is a typo.
        const unit = /^[A-Za-z]+/.exec(text.slice(i))?.[0] ?? "";
        const after = text[i + unit.length];
        if (!DISTANCE_UNIT_WORDS.has(unit) || (after !== undefined && IDENT_PART.test(after))) throw syntaxError(clause, `unexpected "${text.slice(start, i + 1)}"`, start);
        tokens.push({ kind: "ident", value: unit, start: i, end: i + unit.length });
        i += unit.length;
      }
    } else if (IDENT_START.test(ch)) {
      i++;
      // Dotted names (`default.title`) are catalog metadata paths.
      while (i < text.length && (IDENT_PART.test(text[i]!) || (text[i] === "." && text[i + 1] !== "." && IDENT_START.test(text[i + 1] ?? "")))) i++;
      const word = text.slice(start, i);
      const next = text[i];
      const literalKind = word.toLowerCase() === "date" ? "date" : word.toLowerCase() === "geom" ? "geom" : null;
      if (literalKind && (next === "'" || next === '"')) {
        const { value, end } = readQuoted(text, i, clause);
        tokens.push({ kind: literalKind, value, start, end });
        i = end;
      } else {
        tokens.push({ kind: "ident", value: word, start, end: i });
      }
    } else {
      const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
      if (!op) throw syntaxError(clause, `unexpected character "${ch}"`, start);
      tokens.push({ kind: "op", value: op, start, end: i + op.length });
      i += op.length;
    }
  }
  tokens.push({ kind: "eof", value: "", start: text.length, end: text.length });
  return tokens;
}

/** Reads "…", '…' or `…` with JSON escapes (the client JSON-encodes strings) and `\`` inside back-quotes. */
function readQuoted(text: string, open: number, clause: Clause): { value: string; end: number } {
  const quote = text[open]!;
  let value = "";
  let i = open + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === quote) return { value, end: i + 1 };
    if (ch === "\\") {
      const next = text[i + 1];
      if (next === undefined) break;
      if (next === "u") {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw syntaxError(clause, "invalid \\u escape", i);
        value += String.fromCharCode(parseInt(hex, 16));
        i += 6;
        continue;
      }
      // Unknown escapes keep the character: `\`` in field names, `\*` in search text.
      value += next === quote ? quote : (JSON_ESCAPES[next] ?? next);
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  throw syntaxError(clause, quote === "`" ? "unterminated field name" : "unterminated string", open);
}
