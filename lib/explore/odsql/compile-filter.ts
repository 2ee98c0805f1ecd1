// where (several parameters, ANDed) + refine + exclude → one WHERE fragment, shared by records and facets.
import type { CompileContext } from "./compile-value";
import { compileCondition } from "./compile-where";
import { isOdsqlError } from "./errors";
import { FieldCatalog, type Dialect, type OdsqlField } from "./field-catalog";
import { parseWhere } from "./parse-clauses";
import { facetFilterCondition, parseFacetFilter } from "./refine";
import { join, raw, sql, type Fragment } from "./sql-fragment";

/**
 * The record filters of the caller's dataset security: records must match one of them. They may name fields the
 * caller cannot see, so they compile against every field of the dataset.
 */
export type SecurityFilter = { any_of: readonly string[]; fields: readonly OdsqlField[] };

export type FilterInput = {
  where?: string[];
  refine?: string[];
  exclude?: string[];
  security?: SecurityFilter | null;
  /** The request's `timezone`, canonical (time-zone.ts); absent means UTC. Record filters of the security ignore it. */
  timeZone?: string;
};

export function compileFilter(input: FilterInput, catalog: FieldCatalog, dialect: Dialect): Fragment | null {
  const context = (clause: CompileContext["clause"]): CompileContext => ({ catalog, dialect, clause, allowAggregates: false, timeZone: input.timeZone });
  const parts: Fragment[] = [];
  if (input.security) parts.push(securityCondition(input.security, dialect));
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

/** Fails closed: a filter that no longer compiles (a field renamed since it was written) shows no record. */
function securityCondition(security: SecurityFilter, dialect: Dialect): Fragment {
  if (security.any_of.length === 0) return raw("1 = 0");
  const catalog = new FieldCatalog(security.fields);
  try {
    const conditions = security.any_of.map((text) => compileCondition(parseWhere(text), { catalog, dialect, clause: "where", allowAggregates: false }));
    return join(conditions.map((condition) => sql`(${condition})`), " OR ");
  } catch (error) {
    if (isOdsqlError(error)) return raw("1 = 0");
    throw error;
  }
}

export const whereClause = (filter: Fragment | null): Fragment => (filter ? sql` WHERE ${filter}` : { text: "", params: [] });
