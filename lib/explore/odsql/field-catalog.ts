import type { FieldType } from "@/lib/extractors/types";
import { unknownField, type Clause } from "./errors";

export type { FieldType };

/** One field of a published dataset; `column` is a safe bare identifier (c0, c12) that we quote. */
export type OdsqlField = { name: string; type: FieldType; column: string; multivalued: boolean };
export type Dialect = "sqlite" | "postgresql";

/** Types an expression can have: a field type, or "number" for computed numbers (count, sum, arithmetic). */
export type ValueType = FieldType | "number";

export const isNumeric = (type: ValueType | "null"): boolean => type === "int" || type === "double" || type === "number";
export const isTemporal = (type: ValueType | "null"): boolean => type === "date" || type === "datetime";

export class FieldCatalog {
  private readonly byName: Map<string, OdsqlField>;

  constructor(readonly fields: readonly OdsqlField[]) {
    this.byName = new Map(fields.map((field) => [field.name, field]));
  }

  /** Case-sensitive, as Opendatasoft field names are. */
  get(name: string, clause: Clause): OdsqlField {
    const field = this.byName.get(name);
    if (!field) throw unknownField(clause, name);
    return field;
  }

  textFields(): OdsqlField[] {
    return this.fields.filter((field) => field.type === "text");
  }
}
