// ODSQL failures are user errors in a query parameter: the Explore route answers 400
// { error_code: "ODSQLError", message }, and the message must say which parameter to fix.

export type Clause = "select" | "where" | "group_by" | "order_by" | "refine" | "exclude" | "facet";

export class OdsqlError extends Error {
  readonly clause: Clause;
  /** 1-based character position in the clause text, when the failure has one. */
  readonly position: number | undefined;

  constructor(clause: Clause, message: string, position?: number) {
    super(message);
    this.name = "OdsqlError";
    this.clause = clause;
    this.position = position;
  }
}

export const isOdsqlError = (error: unknown): error is OdsqlError => error instanceof OdsqlError;

/** `Invalid ODSQL in where: unexpected "AND" at position 12` */
export function syntaxError(clause: Clause, what: string, offset: number): OdsqlError {
  return new OdsqlError(clause, `Invalid ODSQL in ${clause}: ${what} at position ${offset + 1}`, offset + 1);
}

export function unknownField(clause: Clause, name: string): OdsqlError {
  return new OdsqlError(clause, `Unknown field "${name}" in ${clause}`);
}

export function semanticError(clause: Clause, what: string): OdsqlError {
  return new OdsqlError(clause, `Invalid ODSQL in ${clause}: ${what}`);
}
