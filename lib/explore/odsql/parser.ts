// Recursive descent over the tokens. Keywords that are not reserved (IN, IS, LIKE, TO) are
// recognised by position only, so a field may still be called `to` or `like`.
import {
  AGGREGATE_FUNCTIONS,
  SCALAR_FUNCTIONS,
  type CompareOp,
  type Condition,
  type Expr,
  type TextSearchMode,
} from "./ast";
import { parseDatePeriod } from "./date-literal";
import { syntaxError, type Clause, type OdsqlError } from "./errors";
import { parseBucket } from "./parse-bucket";
import { GEO_FUNCTIONS, parseGeoFunction } from "./parse-geo";
import { tokenize, type Token } from "./tokenizer";

export const RESERVED_WORDS = new Set([
  "and", "as", "asc", "avg", "by", "count", "date_format", "day", "dayofweek", "desc", "equi", "false", "group", "hour",
  "or", "limit", "lower", "max", "millisecond", "min", "minute", "month", "not", "null", "quarter", "range", "second",
  "select", "sum", "top", "true", "upper", "where", "year",
]);

const FUNCTIONS: readonly string[] = [...SCALAR_FUNCTIONS, ...AGGREGATE_FUNCTIONS];
const TEXT_FUNCTIONS: readonly string[] = ["search", "startswith", "suggest"];
const COMPARE_OPS: Record<string, CompareOp> = { ":": "=", "=": "=", "!=": "!=", "<>": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">=" };

export class Parser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(
    readonly text: string,
    readonly clause: Clause,
  ) {
    this.tokens = tokenize(text, clause);
  }

  // ---- token helpers

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  advance(): Token {
    const token = this.peek();
    if (token.kind !== "eof") this.index++;
    return token;
  }

  isOp(value: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "op" && token.value === value;
  }

  isKeyword(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "ident" && token.value.toLowerCase() === word;
  }

  acceptOp(value: string): boolean {
    if (!this.isOp(value)) return false;
    this.advance();
    return true;
  }

  acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.advance();
    return true;
  }

  expectOp(value: string): Token {
    if (!this.isOp(value)) throw this.unexpected();
    return this.advance();
  }

  atEnd(): boolean {
    return this.peek().kind === "eof";
  }

  expectEnd(): void {
    if (!this.atEnd()) throw this.unexpected();
  }

  unexpected(token: Token = this.peek()): OdsqlError {
    if (token.kind === "eof") return syntaxError(this.clause, "unexpected end of input", token.start);
    return syntaxError(this.clause, `unexpected ${JSON.stringify(this.text.slice(token.start, token.end))}`, token.start);
  }

  // ---- conditions (where)

  parseCondition(): Condition {
    let left = this.parseAnd();
    while (this.acceptKeyword("or")) left = { kind: "or", left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): Condition {
    let left = this.parseNot();
    while (this.acceptKeyword("and")) left = { kind: "and", left, right: this.parseNot() };
    return left;
  }

  private parseNot(): Condition {
    if (this.acceptKeyword("not")) return { kind: "not", operand: this.parseNot() };
    return this.parsePrimaryCondition();
  }

  private parsePrimaryCondition(): Condition {
    if (this.isOp("(")) return this.parseParenthesised();
    const token = this.peek();
    if (token.kind === "string" && this.endsCondition(1)) {
      this.advance();
      return { kind: "text_search", mode: "search", fields: null, text: token.value };
    }
    if (token.kind === "ident" && TEXT_FUNCTIONS.includes(token.value.toLowerCase()) && this.isOp("(", 1)) return this.parseTextFunction();
    if (token.kind === "ident" && GEO_FUNCTIONS.includes(token.value.toLowerCase()) && this.isOp("(", 1)) return parseGeoFunction(this);
    return this.parsePredicate();
  }

  /** `(a OR b)` groups conditions but `(a + b) > 3` starts an arithmetic operand: try the first, fall back to the second. */
  private parseParenthesised(): Condition {
    const saved = this.index;
    let conditionError: OdsqlError | undefined;
    try {
      this.expectOp("(");
      const inner = this.parseCondition();
      this.expectOp(")");
      if (this.endsCondition(0)) return inner;
    } catch (error) {
      conditionError = error as OdsqlError;
    }
    const reached = this.index;
    this.index = saved;
    try {
      return this.parsePredicate();
    } catch (error) {
      // Report whichever reading got further: that is where the text really goes wrong.
      if (!conditionError) throw this.unexpected(this.tokens[reached]);
      if ((conditionError.position ?? 0) > ((error as OdsqlError).position ?? 0)) throw conditionError;
      throw error;
    }
  }

  private endsCondition(ahead: number): boolean {
    const token = this.peek(ahead);
    return token.kind === "eof" || (token.kind === "op" && token.value === ")") || this.isKeyword("and", ahead) || this.isKeyword("or", ahead);
  }

  private parseTextFunction(): Condition {
    const mode = this.advance().value.toLowerCase() as TextSearchMode;
    this.expectOp("(");
    const fields: string[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === "string") {
        this.advance();
        this.expectOp(")");
        return { kind: "text_search", mode, fields: fields.length > 0 ? fields : null, text: token.value };
      }
      fields.push(this.parseFieldName());
      this.expectOp(",");
    }
  }

  parseFieldName(): string {
    const token = this.peek();
    if (token.kind === "quoted_ident" || (token.kind === "ident" && !RESERVED_WORDS.has(token.value.toLowerCase()))) {
      this.advance();
      return token.value;
    }
    throw this.unexpected();
  }

  private parsePredicate(): Condition {
    const expr = this.parseExpr();
    const token = this.peek();
    if (token.kind === "op" && token.value in COMPARE_OPS) {
      this.advance();
      const op = COMPARE_OPS[token.value]!;
      if (op === "=" && (this.isOp("[") || this.isOp("]"))) return this.parseRange(expr);
      return { kind: "compare", op, left: expr, right: this.parseExpr() };
    }
    const negated = this.isKeyword("not") && (this.isKeyword("in", 1) || this.isKeyword("like", 1));
    if (negated) this.advance();
    if (this.acceptKeyword("in")) {
      const condition: Condition = this.isOp("(") ? this.parseValueList(expr) : this.parseRange(expr);
      return negated ? { kind: "not", operand: condition } : condition;
    }
    if (this.acceptKeyword("like")) {
      const pattern = this.peek();
      if (pattern.kind !== "string") throw this.unexpected();
      this.advance();
      const condition: Condition = { kind: "like", expr, pattern: pattern.value };
      return negated ? { kind: "not", operand: condition } : condition;
    }
    if (this.acceptKeyword("is")) {
      const not = this.acceptKeyword("not");
      let condition: Condition;
      if (this.acceptKeyword("null")) return { kind: "is_null", expr, negated: not };
      else if (this.acceptKeyword("true")) condition = { kind: "is_boolean", expr, value: true };
      else if (this.acceptKeyword("false")) condition = { kind: "is_boolean", expr, value: false };
      else throw this.unexpected();
      return not ? { kind: "not", operand: condition } : condition;
    }
    if (expr.kind === "field" && this.endsCondition(0)) return { kind: "is_boolean", expr, value: true };
    throw this.unexpected();
  }

  /** `[a..b]`, `]a..b[`, mixed brackets, `TO` for `..`. */
  private parseRange(expr: Expr): Condition {
    const open = this.advance();
    if (open.kind !== "op" || (open.value !== "[" && open.value !== "]")) throw this.unexpected(open);
    const low = this.parseExpr();
    if (!this.acceptOp("..") && !this.acceptKeyword("to")) throw this.unexpected();
    const high = this.parseExpr();
    const close = this.peek();
    if (close.kind !== "op" || (close.value !== "[" && close.value !== "]")) throw this.unexpected();
    this.advance();
    return { kind: "range", expr, low, high, lowInclusive: open.value === "[", highInclusive: close.value === "]" };
  }

  private parseValueList(expr: Expr): Condition {
    this.expectOp("(");
    const values = [this.parseExpr()];
    while (this.acceptOp(",")) values.push(this.parseExpr());
    this.expectOp(")");
    return { kind: "in_list", expr, values };
  }

  // ---- value expressions

  parseExpr(): Expr {
    let left = this.parseTerm();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.advance().value as "+" | "-";
      const right = this.parseTerm();
      left = { kind: "binary", op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseTerm(): Expr {
    let left = this.parseUnary();
    while (this.isOp("*") || this.isOp("/")) {
      const op = this.advance().value as "*" | "/";
      const right = this.parseUnary();
      left = { kind: "binary", op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseUnary(): Expr {
    if (!this.isOp("-")) return this.parseAtom();
    const minus = this.advance();
    const operand = this.parseUnary();
    if (operand.kind === "number") return { ...operand, value: -operand.value, start: minus.start };
    return { kind: "negate", operand, start: minus.start, end: operand.end };
  }

  private parseAtom(): Expr {
    const token = this.peek();
    const span = { start: token.start, end: token.end };
    switch (token.kind) {
      case "number":
        this.advance();
        return { kind: "number", value: Number(token.value), ...span };
      case "string":
        this.advance();
        return { kind: "string", value: token.value, ...span };
      case "date": {
        const period = parseDatePeriod(token.value);
        if (!period) throw syntaxError(this.clause, `invalid date ${JSON.stringify(token.value)}`, token.start);
        this.advance();
        return { kind: "date", text: token.value, period, ...span };
      }
      case "quoted_ident":
        this.advance();
        return { kind: "field", name: token.value, ...span };
      case "op":
        if (token.value === "(") {
          this.advance();
          const inner = this.parseExpr();
          const close = this.expectOp(")");
          return { ...inner, start: token.start, end: close.end };
        }
        throw this.unexpected();
      case "ident":
        return this.parseIdentifier(token);
      default:
        throw this.unexpected();
    }
  }

  private parseIdentifier(token: Token): Expr {
    const word = token.value.toLowerCase();
    const span = { start: token.start, end: token.end };
    if (word === "range" && this.isOp("(", 1)) return parseBucket(this);
    if (this.isOp("(", 1)) {
      if (!FUNCTIONS.includes(word)) throw syntaxError(this.clause, `unknown function ${JSON.stringify(token.value)}`, token.start);
      this.advance();
      this.advance();
      if (word === "count" && this.isOp("*")) {
        this.advance();
        const close = this.expectOp(")");
        return { kind: "count_all", start: token.start, end: close.end };
      }
      const args = [this.parseExpr()];
      // percentile(f, n): n from 0 to 100, a number as written.
      if (word === "percentile") {
        this.expectOp(",");
        const n = this.peek();
        if (n.kind !== "number" || Number(n.value) > 100) throw syntaxError(this.clause, "percentile() needs a number from 0 to 100 as its second argument", n.start);
        this.advance();
        args.push({ kind: "number", value: Number(n.value), start: n.start, end: n.end });
      }
      const close = this.expectOp(")");
      return { kind: "call", name: word as (typeof SCALAR_FUNCTIONS)[number], args, start: token.start, end: close.end };
    }
    if (word === "true" || word === "false") {
      this.advance();
      return { kind: "boolean", value: word === "true", ...span };
    }
    if (word === "null") {
      this.advance();
      return { kind: "null", ...span };
    }
    // A function name not followed by "(" can only be a field: `year != 2022` is how Opendatasoft's own
    // documentation writes a record filter. Other reserved words need backquotes.
    if (RESERVED_WORDS.has(word) && !FUNCTIONS.includes(word)) throw this.unexpected();
    this.advance();
    return { kind: "field", name: token.value, ...span };
  }
}
