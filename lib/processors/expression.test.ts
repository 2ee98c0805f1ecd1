import { describe, expect, it } from "vitest";
import { renderText } from "@/lib/errors/app-error";
import { compileExpression, ExpressionError, parseExpression } from "@/lib/processors/expression";
import { fields, processor, run, validationErrors } from "@/lib/processors/test-fixtures";

/** Evaluates with field values given by name. */
function evaluate(text: string, values: Record<string, number> = {}): number {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(renderText(parsed.error));
  return compileExpression(parsed.value)(parsed.value.fields.map((name) => values[name]!));
}
const refusal = (text: string) => {
  const parsed = parseExpression(text);
  return parsed.ok ? null : renderText(parsed.error);
};

describe("parseExpression and compileExpression", () => {
  it("follows the usual precedence", () => {
    expect(evaluate("1 + 2 * 3")).toBe(7);
    expect(evaluate("(1 + 2) * 3")).toBe(9);
    expect(evaluate("10 - 4 - 3")).toBe(3);
    expect(evaluate("2 * 3 ** 2")).toBe(18);
    expect(evaluate("2 ** 3 ** 2")).toBe(512); // right-associative
    expect(evaluate("-2 ** 2")).toBe(4); // unary minus first, as in spreadsheets
    expect(evaluate("-(2 ** 2)")).toBe(-4);
    expect(evaluate("7 % 4 + 1")).toBe(4);
    expect(evaluate("1e3 + .5")).toBe(1000.5);
  });

  it("reads fields by name, as $[\"name\"] and between backticks", () => {
    expect(evaluate("price * qty", { price: 2.5, qty: 4 })).toBe(10);
    expect(evaluate('$["surface m2"] / 100', { "surface m2": 250 })).toBe(2.5);
    expect(evaluate("`unit price` + 1", { "unit price": 1 })).toBe(2);
    const parsed = parseExpression("a + a * b");
    expect(parsed.ok && parsed.value.fields).toEqual(["a", "b"]);
  });

  it("offers the whitelisted functions", () => {
    expect(evaluate("abs(-3) + floor(2.7) + ceil(2.1) + sqrt(16) + pow(2, 10)")).toBe(3 + 2 + 3 + 4 + 1024);
    expect(evaluate("min(3, 1, 2) + max(3, 1, 2)")).toBe(4);
    expect(evaluate("round(2.5)")).toBe(3);
    expect(evaluate("round(-2.5)")).toBe(-3); // half away from zero
    expect(evaluate("round(1.005, 2)")).toBe(1.01);
    expect(evaluate("round(1234.5678, 1)")).toBe(1234.6);
    expect(evaluate("log(exp(2))")).toBeCloseTo(2);
    expect(evaluate("log(1000, 10)")).toBeCloseTo(3);
  });

  it("throws ExpressionError for division and modulo by zero, and bad round digits", () => {
    expect(() => evaluate("1 / (a - 1)", { a: 1 })).toThrow(ExpressionError);
    expect(() => evaluate("5 % 0")).toThrow(/modulo by zero/);
    expect(() => evaluate("round(1, 1.5)")).toThrow(/digits/);
  });

  it("refuses prototype access, member access and anything but numbers", () => {
    expect(refusal("constructor")).toMatch(/“constructor” cannot be used/);
    expect(refusal("__proto__ + 1")).toMatch(/“__proto__” cannot be used/);
    expect(refusal('$["__proto__"]')).toMatch(/cannot be used/);
    expect(refusal("a.constructor")).toMatch(/Member access/);
    expect(refusal("a[0]")).toMatch(/Member access/);
    expect(refusal('$["a"]["b"]')).toMatch(/Member access/);
    expect(refusal("Math.max(1, 2)")).toMatch(/Member access|Unknown function/);
    expect(refusal("this")).toMatch(/“this” is not allowed/);
    expect(refusal('"text" + 1')).toMatch(/is not allowed/);
    expect(refusal("true + 1")).toMatch(/is not allowed/);
    expect(refusal("a ? 1 : 2")).toMatch(/is not allowed/);
    expect(refusal("[1, 2]")).toMatch(/is not allowed/);
    expect(refusal("a; b")).toMatch(/is not allowed/);
  });

  it("refuses operators and functions off the whitelist", () => {
    expect(refusal("a == 1")).toMatch(/operator “==”/);
    expect(refusal("a && b")).toMatch(/operator “&&”/);
    expect(refusal("!a")).toMatch(/operator “!”/);
    expect(refusal("~a")).toMatch(/operator “~”/);
    expect(refusal("eval(1)")).toMatch(/Unknown function “eval”/);
    expect(refusal("Function(1)")).toMatch(/Unknown function/);
    expect(refusal("constructor(1)")).toMatch(/Unknown function/);
    expect(refusal("round(a)(1)")).toMatch(/Unknown function/);
    expect(refusal("pow(2)")).toMatch(/Wrong number of arguments for pow: expected 2/);
    expect(refusal("abs()")).toMatch(/expected 1/);
  });

  it("refuses syntax errors and deep nesting instead of overflowing the stack", () => {
    expect(refusal("1 +")).toMatch(/^Invalid expression:/);
    expect(refusal("(1")).toMatch(/^Invalid expression:/);
    expect(refusal("`unclosed")).toMatch(/unclosed/);
    expect(refusal(`${"(".repeat(100)}1${")".repeat(100)}`)).toMatch(/more than 32 levels/);
    expect(evaluate(Array.from({ length: 400 }, () => "1").join(" + "))).toBe(400);
  });
});

describe("the expression processor", () => {
  const input = fields(["price", "double"], ["qty", "int"], "name");

  it("adds a double field, null in null out, record errors for bad values", () => {
    const step = run(processor("expression", { expression: "round(price * qty, 2)", output_field: "total" }), input, [
      { price: 1.005, qty: 2, name: "a" },
      { price: "3.5", qty: "2", name: "b" }, // text from a CSV
      { price: null, qty: 2, name: "c" },
      { price: "abc", qty: 2, name: "d" },
      { price: [1, 2], qty: 2, name: "e" },
      { price: true, qty: 1, name: "f" },
    ]);
    expect(step.fields.at(-1)).toMatchObject({ name: "total", type: "double" });
    expect(step.records.map((r) => r.total)).toEqual([2.01, 7, null, null, null, null]);
    expect(step.error_count).toBe(3);
    expect(step.errors[0]).toEqual({ record: 3, message: "Field “price”: “abc” is not a number." });
  });

  it("turns division by zero and non-finite results into record errors", () => {
    const step = run(processor("expression", { expression: "100 / qty + sqrt(price)", output_field: "x" }), input, [
      { price: 4, qty: 0 },
      { price: -1, qty: 1 },
      { price: 1e308, qty: 1e-308 },
    ]);
    expect(step.records.map((r) => r.x)).toEqual([null, null, null]);
    expect(step.errors.map((e) => e.message)).toEqual([
      "Expression: division by zero.",
      "Expression: the result is not a finite number.",
      "Expression: the result is not a finite number.",
    ]);
  });

  it("warns and does nothing when the expression names an unknown field", () => {
    const step = run(processor("expression", { expression: "price * vat", output_field: "x" }), input, [{ price: 1 }]);
    expect(step.warnings).toEqual(["Field “vat” does not exist: this processor does nothing."]);
    expect(step.records).toEqual([{ price: 1 }]);
    expect(step.fields).toEqual(input);
  });

  it("reports bad expressions and output names as validation errors", () => {
    expect(validationErrors(() => processor("expression", { expression: "price.toString", output_field: "Total!" }))).toEqual({
      expression: ['Member access is not allowed: write a field as its name or as $["field name"].'],
      output_field: ["Use 1 to 100 lowercase letters, digits and underscores, such as “total”."],
    });
    expect(validationErrors(() => processor("expression", { expression: "system(1)", output_field: "x" })).expression?.[0]).toMatch(
      /^Unknown function “system”: use one of abs, round/,
    );
  });
});
