// Numeric expressions over a record's fields, such as `round(price * 1.2, 2)` or `$["surface m2"] / 100`.
// jsep only parses; this module checks the tree against a whitelist and turns it into plain closures once per
// compiled stack. Nothing is ever looked up on a JavaScript object by a user-given name, so no prototype,
// constructor or global can be reached: fields are slots in an array, functions come from a Map.
import jsep from "jsep";
import { msg, type Text } from "@/lib/errors/app-error";

// jsep's defaults lack the power operator; registering it again is harmless. Same precedence rule as spreadsheets:
// unary minus binds tighter, so -2 ** 2 is 4, and ** is right-associative (2 ** 3 ** 2 is 512).
jsep.addBinaryOp("**", 11, true);

type Node = jsep.Expression;
/** Evaluates against the referenced fields' values, in the order of `ParsedExpression.fields`. */
export type Evaluate = (slots: ArrayLike<number>) => number;
export type ParsedExpression = { ast: Node; fields: string[] };

/** A record-level failure (division by zero…): becomes a record error, never escapes the step. */
export class ExpressionError extends Error {}

const MAX_DEPTH = 32;
const FORBIDDEN_NAMES = new Set(["constructor", "__proto__", "prototype"]);
const OPERATORS = new Set(["+", "-", "*", "/", "%", "**"]);

function roundTo(x: number, digits: number): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) throw new ExpressionError("round(): digits must be a whole number from 0 to 15");
  // Half away from zero, through the decimal notation so that round(1.005, 2) is 1.01 and not 1 (1.005 * 100 = 100.49…).
  const scaled = Math.abs(x);
  const shifted = String(scaled).includes("e") ? scaled * 10 ** digits : Number(`${scaled}e${digits}`);
  const rounded = String(Math.round(shifted)).includes("e") ? Math.round(shifted) / 10 ** digits : Number(`${Math.round(shifted)}e-${digits}`);
  return Math.sign(x) * rounded;
}

/** name → [min arguments, max arguments, implementation] */
const FUNCTIONS = new Map<string, [number, number, (...args: number[]) => number]>([
  ["abs", [1, 1, Math.abs]],
  ["round", [1, 2, (x, digits = 0) => roundTo(x!, digits)]],
  ["floor", [1, 1, Math.floor]],
  ["ceil", [1, 1, Math.ceil]],
  ["min", [1, Infinity, Math.min]],
  ["max", [1, Infinity, Math.max]],
  ["sqrt", [1, 1, Math.sqrt]],
  ["pow", [2, 2, Math.pow]],
  ["log", [1, 2, (x, base) => (base === undefined ? Math.log(x!) : Math.log(x!) / Math.log(base))]],
  ["exp", [1, 1, Math.exp]],
]);
export const EXPRESSION_FUNCTIONS = [...FUNCTIONS.keys()];

/** Rewrites `` `field name` `` as `$["field name"]`, and measures the nesting depth, outside string literals. */
function preprocess(text: string): { source: string; depth: number } | { error: Text } {
  let source = "";
  let depth = 0;
  let maxDepth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === "`") {
      const end = text.indexOf("`", i + 1);
      if (end === -1) return { error: msg("processors.expression_syntax", { detail: `unclosed \` at character ${i}` }) };
      source += `$[${JSON.stringify(text.slice(i + 1, end))}]`;
      i = end;
      continue;
    }
    if (char === '"' || char === "'") {
      let end = i + 1;
      while (end < text.length && text[end] !== char) end += text[end] === "\\" ? 2 : 1;
      source += text.slice(i, end + 1);
      i = end;
      continue;
    }
    if (char === "(" || char === "[") maxDepth = Math.max(maxDepth, (depth += 1));
    if (char === ")" || char === "]") depth -= 1;
    source += char;
  }
  return { source, depth: maxDepth };
}

const describe = (node: Node): string => {
  switch (node.type) {
    case "Literal":
      return String(node.raw);
    case "ThisExpression":
      return "this";
    case "ConditionalExpression":
      return "? :";
    case "ArrayExpression":
      return "[ ]";
    default:
      return ";";
  }
};

/** The field a node names (`price` or `$["unit price"]`), null if it names none, or an error. */
function fieldName(node: Node): string | null | { error: Text } {
  let name: string;
  if (node.type === "Identifier") name = (node as jsep.Identifier).name;
  else if (node.type === "MemberExpression") {
    const member = node as jsep.MemberExpression;
    const property = member.property as jsep.Literal;
    const bracketed = member.computed && member.object.type === "Identifier" && (member.object as jsep.Identifier).name === "$";
    if (!bracketed || property.type !== "Literal" || typeof property.value !== "string") return { error: msg("processors.expression_member") };
    name = property.value;
  } else return null;
  if (FORBIDDEN_NAMES.has(name) || name === "$" || name === "") return { error: msg("processors.expression_forbidden_name", { name }) };
  return name;
}

/** Checks the tree against the whitelist; collects the referenced fields. */
function check(node: Node, fields: Set<string>): Text | null {
  const name = fieldName(node);
  if (typeof name === "string") {
    fields.add(name);
    return null;
  }
  if (name) return name.error;
  switch (node.type) {
    case "Literal":
      return typeof (node as jsep.Literal).value === "number" ? null : msg("processors.expression_not_allowed", { what: describe(node) });
    case "UnaryExpression": {
      const unary = node as jsep.UnaryExpression;
      if (unary.operator !== "-" && unary.operator !== "+") return msg("processors.expression_operator", { operator: unary.operator });
      return check(unary.argument, fields);
    }
    case "BinaryExpression": {
      const binary = node as jsep.BinaryExpression;
      if (!OPERATORS.has(binary.operator)) return msg("processors.expression_operator", { operator: binary.operator });
      return check(binary.left, fields) ?? check(binary.right, fields);
    }
    case "CallExpression": {
      const call = node as jsep.CallExpression;
      const callee = call.callee.type === "Identifier" ? (call.callee as jsep.Identifier).name : null;
      const fn = callee === null ? undefined : FUNCTIONS.get(callee);
      if (!fn) return msg("processors.expression_function", { name: callee ?? describe(call.callee), functions: EXPRESSION_FUNCTIONS.join(", ") });
      const [min, max] = fn;
      if (call.arguments.length < min || call.arguments.length > max) {
        const expected = min === max ? String(min) : max === Infinity ? `${min}+` : `${min}–${max}`;
        return msg("processors.expression_arguments", { name: callee!, expected });
      }
      for (const argument of call.arguments) {
        const error = check(argument, fields);
        if (error) return error;
      }
      return null;
    }
    default:
      return msg("processors.expression_not_allowed", { what: describe(node) });
  }
}

export function parseExpression(text: string): { ok: true; value: ParsedExpression } | { ok: false; error: Text } {
  const pre = preprocess(text);
  if ("error" in pre) return { ok: false, error: pre.error };
  // jsep recurses per parenthesis: bound the depth before it can overflow the stack.
  if (pre.depth > MAX_DEPTH) return { ok: false, error: msg("processors.expression_too_deep", { max: MAX_DEPTH }) };
  let ast: Node;
  try {
    ast = jsep(pre.source);
  } catch (error) {
    return { ok: false, error: msg("processors.expression_syntax", { detail: error instanceof Error ? error.message : String(error) }) };
  }
  const fields = new Set<string>();
  const error = check(ast, fields);
  return error ? { ok: false, error } : { ok: true, value: { ast, fields: [...fields] } };
}

function binary(operator: string, left: Evaluate, right: Evaluate): Evaluate {
  switch (operator) {
    case "+":
      return (s) => left(s) + right(s);
    case "-":
      return (s) => left(s) - right(s);
    case "*":
      return (s) => left(s) * right(s);
    case "/":
      return (s) => {
        const a = left(s);
        const b = right(s);
        if (b === 0) throw new ExpressionError("division by zero");
        return a / b;
      };
    case "%":
      return (s) => {
        const a = left(s);
        const b = right(s);
        if (b === 0) throw new ExpressionError("modulo by zero");
        return a % b;
      };
    default:
      return (s) => left(s) ** right(s);
  }
}

/** Turns a checked tree into closures; field values are read from `slots` in the order of `parsed.fields`. */
export function compileExpression(parsed: ParsedExpression): Evaluate {
  const slot = new Map(parsed.fields.map((name, index) => [name, index]));
  const build = (node: Node): Evaluate => {
    const name = fieldName(node);
    if (typeof name === "string") {
      const index = slot.get(name)!;
      return (s) => s[index]!;
    }
    switch (node.type) {
      case "Literal": {
        const value = (node as jsep.Literal).value as number;
        return () => value;
      }
      case "UnaryExpression": {
        const unary = node as jsep.UnaryExpression;
        const argument = build(unary.argument);
        return unary.operator === "-" ? (s) => -argument(s) : argument;
      }
      case "BinaryExpression": {
        const operation = node as jsep.BinaryExpression;
        return binary(operation.operator, build(operation.left), build(operation.right));
      }
      default: {
        const call = node as jsep.CallExpression;
        const fn = FUNCTIONS.get((call.callee as jsep.Identifier).name)![2];
        const args = call.arguments.map(build);
        if (args.length === 1) {
          const [only] = args as [Evaluate];
          return (s) => fn(only(s));
        }
        return (s) => fn(...args.map((arg) => arg(s)));
      }
    }
  };
  return build(parsed.ast);
}
