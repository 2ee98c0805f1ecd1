// set_value and default_value: write a constant. As with extracted values, the constant is stored as given (text)
// and only the field's type says what it holds: an existing field keeps its type when the constant fits it.
import { msg } from "@/lib/errors/app-error";
import { classifyText } from "@/lib/extractors/field-types";
import type { FieldType, PreviewField } from "@/lib/extractors/types";
import { defineProcessor, fieldParam, ok, textParam } from "@/lib/processors/define-processor";
import { FIELD_NAME, findField, withField } from "@/lib/processors/fields";
import { isEmpty } from "@/lib/processors/values";

/** The type of `field` once it may hold `value`: its own when the value fits (an int fits a double), else text. */
function typeFor(input: PreviewField[], field: string, value: string | null): FieldType {
  const current = findField(input, field)?.type;
  if (value === null) return current ?? "text";
  const guessed = classifyText(value);
  if (current === undefined) return guessed;
  return guessed === current || (current === "double" && guessed === "int") ? current : "text";
}

const valueParam = (description: string, is_mandatory: boolean) => textParam("value", "Value", description, { is_mandatory, default: "" });

export const setValue = defineProcessor({
  type: "set_value",
  label: "Set a value",
  description: "Writes the same value in a field for every record; the field is created if missing.",
  parameters: [
    fieldParam("field", "Field", "Field to write: created if missing, replaced otherwise."),
    valueParam("Value to write; empty for null.", false),
  ],
  prepare: (params) =>
    FIELD_NAME.test(params.field as string)
      ? ok({ field: params.field as string, value: (params.value as string) === "" ? null : (params.value as string) })
      : { ok: false, errors: { field: [msg("processors.field_name", { example: "source" })] } },
  // The field may not exist yet: that is the point, not a reason to do nothing.
  inputs: () => [],
  compile: ({ field, value }, input) => ({
    fields: withField(input, field, typeFor(input, field, value)),
    apply: (record) => {
      record[field] = value;
      return true;
    },
  }),
});

export const defaultValue = defineProcessor({
  type: "default_value",
  label: "Default value",
  description: "Writes a value in a field where it is empty (null, empty text or an empty list), and leaves other values alone.",
  parameters: [fieldParam("field", "Field", "Field to fill."), valueParam("Value written where the field is empty.", true)],
  prepare: (params) => ok(params as { field: string; value: string }),
  inputs: (p) => [p.field],
  compile: ({ field, value }, input) => ({
    fields: withField(input, field, typeFor(input, field, value)),
    apply: (record) => {
      if (isEmpty(record[field])) record[field] = value;
      return true;
    },
  }),
});
