// The `facet=` parameter: a bare field name, or facet(name="f", disjunctive=true, sort="-count", limit=10, …).
import { OdsqlError, syntaxError } from "./errors";
import { FACET_SORTS, type FacetSort } from "./compile-facet";
import { Parser } from "./parser";

export type FacetRequest = {
  name: string;
  disjunctive: boolean;
  hierarchical: boolean;
  separator?: string;
  sort?: FacetSort;
  limit?: number;
};

export function parseFacetParam(text: string): FacetRequest {
  const parser = new Parser(text, "facet");
  const first = parser.peek();
  if (!(first.kind === "ident" && first.value.toLowerCase() === "facet" && parser.isOp("(", 1))) {
    if (first.kind !== "ident" && first.kind !== "quoted_ident") throw parser.unexpected();
    parser.advance();
    parser.expectEnd();
    return { name: first.value, disjunctive: false, hierarchical: false };
  }
  parser.advance();
  parser.expectOp("(");
  const options = new Map<string, { value: string; start: number }>();
  while (!parser.isOp(")")) {
    if (options.size > 0) parser.expectOp(",");
    const key = parser.advance();
    if (key.kind !== "ident") throw parser.unexpected(key);
    parser.expectOp("=");
    const negative = parser.acceptOp("-");
    const value = parser.advance();
    if (value.kind !== "string" && value.kind !== "ident" && value.kind !== "number") throw parser.unexpected(value);
    options.set(key.value.toLowerCase(), { value: (negative ? "-" : "") + value.value, start: value.start });
  }
  parser.expectOp(")");
  parser.expectEnd();

  const option = (key: string) => options.get(key);
  const flag = (key: string): boolean => {
    const entry = option(key);
    if (!entry) return false;
    if (!/^(true|false)$/i.test(entry.value)) throw syntaxError("facet", `${key} must be true or false`, entry.start);
    return entry.value.toLowerCase() === "true";
  };
  for (const key of options.keys()) {
    if (!["name", "disjunctive", "hierarchical", "separator", "sort", "limit"].includes(key)) throw new OdsqlError("facet", `Invalid facet: unknown option "${key}"`);
  }
  const name = option("name")?.value;
  if (!name) throw new OdsqlError("facet", `Invalid facet: name is required`);
  const request: FacetRequest = { name, disjunctive: flag("disjunctive"), hierarchical: flag("hierarchical") };
  const separator = option("separator");
  if (separator) request.separator = separator.value;
  const sort = option("sort");
  if (sort) {
    if (!(FACET_SORTS as readonly string[]).includes(sort.value)) throw syntaxError("facet", `sort must be one of ${FACET_SORTS.join(", ")}`, sort.start);
    request.sort = sort.value as FacetSort;
  }
  const limit = option("limit");
  if (limit) {
    const number = Number(limit.value);
    if (!Number.isSafeInteger(number)) throw syntaxError("facet", "limit must be an integer", limit.start);
    request.limit = number;
  }
  return request;
}
