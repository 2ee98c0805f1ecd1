// Every user-supplied regular expression goes through RE2 (re2js): matching is linear in the input, so no
// pattern can stall a publish the way `(a+)+$` stalls a backtracking engine. The price is RE2's syntax: no
// backreferences and no lookarounds, which we refuse with a precise message rather than RE2's terse one.
import { RE2JS, RE2JSException } from "re2js";
import { msg, type Text } from "@/lib/errors/app-error";

export type SafeRegexp = RE2JS;

/** RE2 already caps repetitions at 1000; this bounds the size of the compiled program (and its per-character cost). */
const MAX_PROGRAM_SIZE = 10_000;

type Scan = { backreference: boolean; lookaround: boolean; source: string };

/**
 * One pass over the pattern, aware of escapes and character classes: spots the constructs RE2 lacks and rewrites
 * the JavaScript-only escapes `\uXXXX` and `\u{X…}` to RE2's `\x{…}`. Named groups `(?<name>…)` and inline
 * flags `(?i)`, `(?s)`, `(?m)` need no translation: RE2 reads them as they are.
 */
function scan(pattern: string): Scan {
  let source = "";
  let backreference = false;
  let lookaround = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    if (char === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[1-9]/.test(next) || (next === "k" && pattern[i + 2] === "<")) backreference = true;
      const unicode = next === "u" ? /^u(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/.exec(pattern.slice(i + 1, i + 10)) : null;
      if (unicode) {
        source += `\\x{${unicode[1] ?? unicode[2]}}`;
        i += unicode[0].length;
      } else {
        source += char + next;
        i += 1;
      }
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
    } else if (char === "[") {
      inClass = true;
      // A "]" right after "[" or "[^" is a literal, not the end of the class.
      const opening = /^\[\^?\]?/.exec(pattern.slice(i, i + 3))![0];
      source += opening;
      i += opening.length - 1;
      continue;
    } else if (char === "(" && /^\?(?:=|!|<=|<!)/.test(pattern.slice(i + 1, i + 4))) {
      lookaround = true;
    }
    source += char;
  }
  return { source, backreference, lookaround };
}

/** Compiles a user pattern with RE2, or explains (in the user's language) why it cannot be used. */
export function compileRegexp(pattern: string): { ok: true; regexp: SafeRegexp } | { ok: false; error: Text } {
  const { source, backreference, lookaround } = scan(pattern);
  if (backreference) return { ok: false, error: msg("processors.regexp_backreference") };
  if (lookaround) return { ok: false, error: msg("processors.regexp_lookaround") };
  let regexp: SafeRegexp;
  try {
    regexp = RE2JS.compile(source);
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    return { ok: false, error: msg("processors.regexp_invalid", { detail: error.message.replace(/^error parsing regexp: /, "") }) };
  }
  if (regexp.programSize() > MAX_PROGRAM_SIZE) return { ok: false, error: msg("processors.regexp_too_complex") };
  return { ok: true, regexp };
}

/** Names of the named groups, in the order they appear in the pattern. */
export function groupNames(regexp: SafeRegexp): string[] {
  return Object.entries(regexp.namedGroups())
    .sort(([, a], [, b]) => a - b)
    .map(([name]) => name);
}
