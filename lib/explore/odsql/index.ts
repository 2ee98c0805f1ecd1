// Public surface of the ODSQL module: parse the Explore API v2.1 query parameters, compile them to
// SQL over a published dataset's records table, or evaluate them in memory for the catalog.
export type { Condition, Expr, GroupItem, OrderItem, SelectItem } from "./ast";
export { OdsqlError, isOdsqlError, type Clause } from "./errors";
export { FieldCatalog, type Dialect, type FieldType, type OdsqlField, type ValueType } from "./field-catalog";
export { parseWhere, parseSelect, parseGroupBy, parseOrderBy } from "./parse-clauses";
export { numberPlaceholders, type SqlParam } from "./sql-fragment";
export { compileRecordsQuery, type CompiledRecordsQuery, type OutputColumn, type RecordsQueryInput } from "./compile-query";
export { compileFilter, whereClause, type SecurityFilter } from "./compile-filter";
export { compileFacetQuery, FACET_SORTS, type CompiledFacetQuery, type FacetQueryInput, type FacetSort } from "./compile-facet";
export { parseFacetParam, type FacetRequest } from "./facet-param";
export { parseFacetFilter, facetFilterCondition, type FacetFilter } from "./refine";
export { evaluateWhere, evaluateExpression, compareByOrder } from "./evaluate";
export { decodeValue, decodeRow } from "./decode-row";
export { resolveTimeZone, registerSqliteLocalTime, UTC } from "./time-zone";
