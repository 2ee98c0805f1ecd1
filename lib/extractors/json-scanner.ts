// A JSON parser for the head of a file: iterative (no recursion, so no stack overflow on `[[[[…`), depth-bounded,
// and able to stop where the head was cut, keeping every value that was complete before the cut.

export class JsonSyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export class JsonDepthError extends Error {}

export type ParsedPrefix = {
  /** The value, possibly partial; undefined when the text held nothing but whitespace. */
  value: unknown;
  /** The value ended before the text did. */
  complete: boolean;
  /** Index just after the value. */
  end: number;
  /** Arrays and objects the text ended inside of (only when truncated). */
  incomplete: WeakSet<object>;
};

enum State {
  Value,
  ValueOrEnd,
  KeyOrEnd,
  Key,
  Colon,
  After,
}

type Frame = { container: unknown[] | Record<string, unknown>; isArray: boolean; key: string };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const LITERALS: [string, unknown][] = [
  ["true", true],
  ["false", false],
  ["null", null],
];

function skipWhitespace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i += 1;
  }
  return i;
}

type Scalar = { value: unknown; end: number } | null;

function readString(text: string, start: number, truncated: boolean): Scalar {
  let j = start + 1;
  let escaped = false;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x22) break;
    if (c === 0x5c) {
      escaped = true;
      j += 2;
      continue;
    }
    if (c < 0x20) throw new JsonSyntaxError(j, "control character in a string");
    j += 1;
  }
  if (j >= text.length) {
    if (truncated) return null;
    throw new JsonSyntaxError(start, "unterminated string");
  }
  const raw = text.slice(start, j + 1);
  if (!escaped) return { value: raw.slice(1, -1), end: j + 1 };
  try {
    // A flat string literal: JSON.parse validates its escapes and cannot recurse.
    return { value: JSON.parse(raw) as string, end: j + 1 };
  } catch {
    throw new JsonSyntaxError(start, "invalid escape sequence in a string");
  }
}

function readScalar(text: string, i: number, truncated: boolean): Scalar {
  const c = text[i]!;
  if (c === '"') return readString(text, i, truncated);
  if (c === "-" || (c >= "0" && c <= "9")) {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) throw new JsonSyntaxError(i, "invalid number");
    const end = i + match[0].length;
    // "12" at the very end of a cut head may be the start of "1234".
    if (end >= text.length && truncated) return null;
    return { value: Number(match[0]), end };
  }
  for (const [word, value] of LITERALS) {
    if (text.startsWith(word, i)) return { value, end: i + word.length };
    if (truncated && text.length - i < word.length && word.startsWith(text.slice(i))) return null;
  }
  throw new JsonSyntaxError(i, `unexpected character “${c}”`);
}

function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  // A "__proto__" key is data, not a prototype to swap.
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Parses one JSON value starting at `start` (leading whitespace allowed). */
export function parseJsonPrefix(text: string, start: number, options: { truncated: boolean; maxDepth: number }): ParsedPrefix {
  const { truncated, maxDepth } = options;
  const stack: Frame[] = [];
  const incomplete = new WeakSet<object>();
  let root: unknown = undefined;
  let state = State.Value;
  let i = start;

  const attach = (value: unknown) => {
    const top = stack.at(-1);
    if (!top) root = value;
    else if (top.isArray) (top.container as unknown[]).push(value);
    else setKey(top.container as Record<string, unknown>, top.key, value);
  };

  for (;;) {
    if (state === State.After && stack.length === 0) return { value: root, complete: true, end: i, incomplete };
    i = skipWhitespace(text, i);
    if (i >= text.length) break;
    const c = text[i]!;
    const top = stack.at(-1);
    if (state === State.ValueOrEnd || state === State.KeyOrEnd) {
      if (c === (state === State.ValueOrEnd ? "]" : "}")) {
        stack.pop();
        i += 1;
        state = State.After;
        continue;
      }
      state = state === State.ValueOrEnd ? State.Value : State.Key;
    }
    if (state === State.Value) {
      if (c === "{" || c === "[") {
        if (stack.length >= maxDepth) throw new JsonDepthError();
        const container = c === "{" ? {} : [];
        attach(container);
        stack.push({ container, isArray: c === "[", key: "" });
        state = c === "{" ? State.KeyOrEnd : State.ValueOrEnd;
        i += 1;
        continue;
      }
      const scalar = readScalar(text, i, truncated);
      if (!scalar) break;
      attach(scalar.value);
      [i, state] = [scalar.end, State.After];
    } else if (state === State.Key) {
      if (c !== '"') throw new JsonSyntaxError(i, "expected a property name in double quotes");
      const key = readString(text, i, truncated);
      if (!key) break;
      top!.key = key.value as string;
      [i, state] = [key.end, State.Colon];
    } else if (state === State.Colon) {
      if (c !== ":") throw new JsonSyntaxError(i, "expected “:” after a property name");
      [i, state] = [i + 1, State.Value];
    } else {
      const close = top!.isArray ? "]" : "}";
      if (c === ",") state = top!.isArray ? State.Value : State.Key;
      else if (c === close) stack.pop();
      else throw new JsonSyntaxError(i, `expected “,” or “${close}”`);
      i += 1;
    }
  }
  if (!truncated && (stack.length > 0 || state !== State.After)) throw new JsonSyntaxError(text.length, "unexpected end of the document");
  for (const frame of stack) incomplete.add(frame.container);
  return { value: root, complete: false, end: text.length, incomplete };
}

/** 1-based line and column of a position, for error messages. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < position && k < text.length; k += 1) {
    if (text.charCodeAt(k) === 0x0a) [line, lineStart] = [line + 1, k + 1];
  }
  return { line, column: position - lineStart + 1 };
}
