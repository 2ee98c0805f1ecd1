// One entry point per query parameter; each names its clause in errors.
import type { Condition, GroupItem, OrderItem, SelectItem } from "./ast";
import type { Clause } from "./errors";
import { Parser, RESERVED_WORDS } from "./parser";

export function parseWhere(text: string, clause: Clause = "where"): Condition {
  const parser = new Parser(text, clause);
  const condition = parser.parseCondition();
  parser.expectEnd();
  return condition;
}

/** `*, name, population * 2 AS double_population, count(*)` */
export function parseSelect(text: string): SelectItem[] {
  const parser = new Parser(text, "select");
  return parseList(parser, () => {
    if (parser.isOp("*")) {
      parser.advance();
      return { kind: "all" };
    }
    const expr = parser.parseExpr();
    const label = parseLabel(parser);
    return { kind: "expr", expr, label: label ?? defaultLabel(parser, expr), explicitLabel: label !== undefined };
  });
}

/** `country, year(date) AS y` */
export function parseGroupBy(text: string): GroupItem[] {
  const parser = new Parser(text, "group_by");
  return parseList(parser, () => {
    const expr = parser.parseExpr();
    const label = parseLabel(parser);
    return { expr, label: label ?? defaultLabel(parser, expr), explicitLabel: label !== undefined };
  });
}

/** `count(*) DESC, name` */
export function parseOrderBy(text: string): OrderItem[] {
  const parser = new Parser(text, "order_by");
  return parseList(parser, () => {
    const expr = parser.parseExpr();
    const direction = parser.acceptKeyword("desc") ? "desc" : (parser.acceptKeyword("asc"), "asc");
    return { expr, direction };
  });
}

function parseList<T>(parser: Parser, item: () => T): T[] {
  const items = [item()];
  while (parser.acceptOp(",")) items.push(item());
  parser.expectEnd();
  return items;
}

function parseLabel(parser: Parser): string | undefined {
  if (!parser.acceptKeyword("as")) return undefined;
  const token = parser.peek();
  if (token.kind === "quoted_ident" || token.kind === "string" || (token.kind === "ident" && !RESERVED_WORDS.has(token.value.toLowerCase()))) {
    parser.advance();
    return token.value;
  }
  throw parser.unexpected();
}

/** A field is labelled by its name, any other expression by its text as written (`count(*)`). */
function defaultLabel(parser: Parser, expr: { kind: string; start: number; end: number; name?: string }): string {
  return expr.kind === "field" && expr.name !== undefined ? expr.name : parser.text.slice(expr.start, expr.end);
}
