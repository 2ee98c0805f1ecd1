// group_by `range(field, width)` and `range(field, [a, b, c])`, numbers only (date ranges are not supported yet).
import type { Expr } from "./ast";
import { syntaxError } from "./errors";
import type { Parser } from "./parser";

export function parseBucket(parser: Parser): Expr {
  const name = parser.advance();
  parser.expectOp("(");
  const expr = parser.parseExpr();
  parser.expectOp(",");
  const number = (): number => {
    const negative = parser.acceptOp("-");
    const token = parser.peek();
    if (token.kind !== "number") throw syntaxError(parser.clause, "range() needs a width or a list of numbers such as [0, 100, 500]", token.start);
    parser.advance();
    return negative ? -Number(token.value) : Number(token.value);
  };
  let bucket: { width: number } | { bounds: number[] };
  if (parser.acceptOp("[")) {
    const bounds = [number()];
    while (parser.acceptOp(",")) bounds.push(number());
    parser.expectOp("]");
    if (bounds.some((bound, i) => i > 0 && bound <= bounds[i - 1]!)) throw syntaxError(parser.clause, "range() bounds must increase", name.start);
    bucket = { bounds };
  } else {
    const widthToken = parser.peek();
    const width = number();
    if (width <= 0) throw syntaxError(parser.clause, "range() width must be positive", widthToken.start);
    bucket = { width };
  }
  const close = parser.expectOp(")");
  return { kind: "bucket", expr, ...bucket, start: name.start, end: close.end };
}
