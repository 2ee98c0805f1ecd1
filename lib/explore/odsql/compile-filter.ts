// where (several parameters, ANDed) + refine + exclude → one WHERE fragment, shared by records and facets.
import type { CompileContext } from "./compile-value";
import { compileCondition } from "./compile-where";
import type { Dialect, FieldCatalog } from "./field-catalog";
import { parseWhere } from "./parse-clauses";
import { facetFilterCondition, parseFacetFilter } from "./refine";
import { join, sql, type Fragment } from "./sql-fragment";

export type FilterInput = { where?: string[]; refine?: string[]; exclude?: string[] };

export function compileFilter(input: FilterInput, catalog: FieldCatalog, dialect: Dialect): Fragment | null {
  const context = (clause: CompileContext["clause"]): CompileContext => ({ catalog, dialect, clause, allowAggregates: false });
  const parts: Fragment[] = [];
  for (const text of input.where ?? []) {
    if (text.trim() !== "") parts.push(compileCondition(parseWhere(text), context("where")));
  }
  for (const clause of ["refine", "exclude"] as const) {
    for (const text of input[clause] ?? []) {
      parts.push(compileCondition(facetFilterCondition(parseFacetFilter(text, clause), clause, catalog), context(clause)));
    }
  }
  return parts.length === 0 ? null : join(parts.map((part) => sql`(${part})`), " AND ");
}

export const whereClause = (filter: Fragment | null): Fragment => (filter ? sql` WHERE ${filter}` : { text: "", params: [] });
