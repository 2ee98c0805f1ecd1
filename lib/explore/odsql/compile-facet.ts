// One facet's (value, count) rows under the current filter. Date facets are hierarchical: years,
// then months once the facet is refined to a year, then days once refined to a month.
import { compileFilter, whereClause, type SecurityFilter } from "./compile-filter";
import { countSql } from "./compile-value";
import { semanticError } from "./errors";
import { FieldCatalog, type Dialect, type FieldType, type OdsqlField } from "./field-catalog";
import { datePathDepth, parseFacetFilter } from "./refine";
import { bind, numberPlaceholders, quoteIdent, raw, sql, type Fragment, type SqlParam } from "./sql-fragment";
import { isUtc, localTimeSql } from "./time-zone";

export type FacetSort = "count" | "-count" | "alphanum" | "-alphanum" | "num" | "-num";
export const FACET_SORTS: readonly FacetSort[] = ["count", "-count", "alphanum", "-alphanum", "num", "-num"];

export type FacetQueryInput = {
  field: string;
  where?: string[];
  refine?: string[];
  exclude?: string[];
  security?: SecurityFilter | null;
  /** The request's `timezone`, canonical (time-zone.ts): date facets of datetimes follow its calendar. */
  timeZone?: string;
  /** Default -count (most frequent first); ties are broken by value. */
  sort?: FacetSort;
  /** Absent or ≤ 0: every value. */
  limit?: number;
};

/**
 * Rows are `{ value, count }`. `valueType` is the field type, or "text" for date facets, whose
 * values are paths (`2020`, `2020/11`, `2020/11/05`); `level` is that path depth (1–3), 0 otherwise.
 */
export type CompiledFacetQuery = { sql: string; params: SqlParam[]; valueType: FieldType; level: number };

export function compileFacetQuery(input: FacetQueryInput, fields: readonly OdsqlField[], dialect: Dialect, table: string): CompiledFacetQuery {
  const catalog = new FieldCatalog(fields);
  const field = catalog.get(input.field, "facet");
  if (field.type === "geo_point_2d" || field.type === "geo_shape") throw semanticError("facet", `"${field.name}" is a geo field and cannot be a facet`);
  const filter = compileFilter(input, catalog, dialect);
  const column = quoteIdent(field.column);
  const countRows = field.multivalued ? countSql(raw(`DISTINCT t.${quoteIdent("_n")}`), dialect) : countSql(raw("*"), dialect);

  let value: Fragment;
  let source = raw(`${quoteIdent(table)} AS t`);
  let level = 0;
  let nonNull: Fragment | null = null;
  if (field.type === "date" || field.type === "datetime") {
    level = Math.min(3, 1 + Math.max(0, ...refinedPaths(input.refine ?? [], field.name).map(datePathDepth)));
    if (field.type === "datetime" && !isUtc(input.timeZone)) {
      // One conversion per row: the path is the wall-clock date's prefix, with / for -.
      const local = localTimeSql(raw(`t.${column}`), dialect, input.timeZone);
      value = sql`replace(substr(${local}, 1, ${raw(String([4, 7, 10][level - 1]))}), '-', '/')`;
    } else {
      const parts = [`substr(t.${column}, 1, 4)`, `substr(t.${column}, 6, 2)`, `substr(t.${column}, 9, 2)`].slice(0, level);
      value = raw(parts.join(" || '/' || "));
    }
    nonNull = raw(`t.${column} IS NOT NULL`);
  } else if (field.multivalued) {
    value = raw("j.value");
    source =
      dialect === "postgresql"
        ? raw(`${quoteIdent(table)} AS t CROSS JOIN LATERAL jsonb_array_elements_text(t.${column}::jsonb) AS j(value)`)
        : raw(`${quoteIdent(table)} AS t, json_each(t.${column}) AS j`);
  } else {
    value = raw(`t.${column}`);
    nonNull = raw(`t.${column} IS NOT NULL`);
  }

  const conditions = [filter, nonNull].filter((part): part is Fragment => part !== null);
  const where = whereClause(conditions.length === 0 ? null : { text: conditions.map((part) => part.text).join(" AND "), params: conditions.flatMap((part) => part.params) });
  const limit = input.limit !== undefined && input.limit > 0 ? sql` LIMIT ${bind(input.limit)}` : raw("");
  const query = sql`SELECT ${value} AS "value", ${countRows} AS "count" FROM ${source}${where} GROUP BY 1 ORDER BY ${raw(facetOrder(input.sort ?? "-count"))}${limit}`;
  return {
    sql: dialect === "postgresql" ? numberPlaceholders(query.text) : query.text,
    params: query.params,
    valueType: level > 0 ? "text" : field.type,
    level,
  };
}

/** The refine values on this facet field (its own path, for date hierarchies). */
function refinedPaths(refines: string[], name: string): string[] {
  return refines.map((text) => parseFacetFilter(text, "refine")).filter((filter) => filter.field === name).map((filter) => filter.value);
}

/**
 * Values sort by their stored type: numbers numerically, text and zero-padded date paths as text.
 * So `num` and `alphanum` only differ in name; `num` on a text facet sorts as text.
 */
function facetOrder(sort: FacetSort): string {
  const direction = sort.startsWith("-") ? "DESC" : "ASC";
  return sort.endsWith("count") ? `2 ${direction}, 1 ASC` : `1 ${direction}`;
}
