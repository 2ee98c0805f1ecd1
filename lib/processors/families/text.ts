// Text processors: string_replace, regexp_replace, extract_regexp, concatenate, split. They read values as text
// (numbers and booleans in their usual spelling), leave null alone, work element by element on arrays, and type
// what they write as text.
import { msg } from "@/lib/errors/app-error";
import type { PreviewField } from "@/lib/extractors/types";
import { defineProcessor, fieldParam, ok, textParam } from "@/lib/processors/define-processor";
import { FIELD_NAME, withField } from "@/lib/processors/fields";
import { compileRegexp, groupNames, type SafeRegexp } from "@/lib/processors/safe-regexp";
import type { ParamErrors, Prepared, RecordValues } from "@/lib/processors/types";
import { asText, isEmpty, mapScalar, quote, type ScalarFn } from "@/lib/processors/values";

const notText = (field: string, value: unknown) => `Field “${field}”: ${quote(value)} is not text and was left unchanged.`;

/** A step that rewrites `field` in place with `rewrite`, applied to each text value. */
function rewriteStep(field: string, input: PreviewField[], rewrite: (text: string) => string) {
  const each: ScalarFn = (value, errors) => {
    const text = asText(value);
    if (text === undefined) {
      errors.push(notText(field, value));
      return value;
    }
    return text === null ? null : rewrite(text);
  };
  return {
    fields: withField(input, field, "text"),
    apply: (record: RecordValues, errors: string[]) => {
      record[field] = mapScalar(record[field], each, errors);
      return true;
    },
  };
}

const regexpParam = (name: string, description: string) => textParam(name, "Regular expression", description, { is_mandatory: true });

function prepareRegexp(pattern: string, name: string): Prepared<SafeRegexp> {
  const compiled = compileRegexp(pattern);
  return compiled.ok ? ok(compiled.regexp) : { ok: false, errors: { [name]: [compiled.error] } };
}

export const stringReplace = defineProcessor({
  type: "string_replace",
  label: "Replace text",
  description: "Replaces every occurrence of a text in a field by another text.",
  parameters: [
    fieldParam("field", "Field", "Field whose values are changed."),
    textParam("old", "Text to find", "Exact text (case-sensitive) to look for.", { is_mandatory: true }),
    textParam("new", "Replacement", "Text written instead; empty to delete the text found.", { default: "" }),
  ],
  prepare: (params) => ok(params as { field: string; old: string; new: string }),
  inputs: (p) => [p.field],
  compile: (p, input) => {
    const replacement = () => p.new; // a function, so that "$&" in the replacement stays literal
    return rewriteStep(p.field, input, (text) => text.replaceAll(p.old, replacement));
  },
});

export const regexpReplace = defineProcessor({
  type: "regexp_replace",
  label: "Replace with a regular expression",
  description: "Replaces every match of a regular expression (RE2 syntax) in a field.",
  parameters: [
    fieldParam("field", "Field", "Field whose values are changed."),
    regexpParam("regexp", "RE2 regular expression, such as (\\d{2})/(\\d{2}). (?i) at the start ignores case. No backreferences or lookarounds."),
    textParam("replacement", "Replacement", "Text written for each match: $1, $2… insert groups, $<name> a named group, $& the whole match, $$ a dollar sign.", { default: "" }),
  ],
  prepare: (params) => {
    const regexp = prepareRegexp(params.regexp as string, "regexp");
    return regexp.ok ? ok({ field: params.field as string, regexp: regexp.value, replacement: params.replacement as string }) : regexp;
  },
  inputs: (p) => [p.field],
  // test() runs on RE2's DFA, cheaper than a matcher: most values usually do not match.
  compile: (p, input) => rewriteStep(p.field, input, (text) => (p.regexp.test(text) ? p.regexp.matcher(text).replaceAll(p.replacement) : text)),
});

export const extractRegexp = defineProcessor({
  type: "extract_regexp",
  label: "Extract with a regular expression",
  description: "Copies the named groups of the first match of a regular expression into new text fields, one per group (null when there is no match).",
  parameters: [
    fieldParam("field", "Field", "Field to read."),
    regexpParam("regexp", "RE2 regular expression with named groups, such as (?<year>\\d{4})-(?<month>\\d{2}): each group becomes a field of that name."),
  ],
  prepare: (params) => {
    const regexp = prepareRegexp(params.regexp as string, "regexp");
    if (!regexp.ok) return regexp;
    const groups = groupNames(regexp.value);
    const errors: ParamErrors = {};
    if (groups.length === 0) errors.regexp = [msg("processors.regexp_no_named_group")];
    const invalid = groups.find((name) => !FIELD_NAME.test(name));
    if (invalid) errors.regexp = [msg("processors.regexp_group_name", { name: invalid })];
    return Object.keys(errors).length > 0 ? { ok: false, errors } : ok({ field: params.field as string, regexp: regexp.value, groups });
  },
  inputs: (p) => [p.field],
  compile: ({ field, regexp, groups }, input) => {
    const fields = groups.reduce((all, name) => withField(all, name, "text"), input);
    const extract = (value: unknown, errors: string[]): (string | null)[] => {
      const text = asText(value);
      if (text === undefined) errors.push(`Field “${field}”: ${quote(value)} is not text.`);
      if (text === undefined || text === null || !regexp.test(text)) return groups.map(() => null);
      const matcher = regexp.matcher(text);
      matcher.find();
      return groups.map((name) => matcher.group(name));
    };
    return {
      fields,
      apply: (record, errors) => {
        const value = record[field];
        if (!Array.isArray(value)) {
          extract(value, errors).forEach((part, index) => (record[groups[index]!] = part));
          return true;
        }
        // A multivalued field gives multivalued groups, element by element.
        const parts = value.map((element) => extract(element, errors));
        groups.forEach((name, index) => (record[name] = parts.map((row) => row[index] ?? null)));
        return true;
      },
    };
  },
});

export const concatenate = defineProcessor({
  type: "concatenate",
  label: "Concatenate fields",
  description: "Joins the values of several fields into a text field. Empty values are left out, so no separator is doubled.",
  parameters: [
    { type: "fields", is_mandatory: true, name: "fields", label: "Fields", description: "Fields to join, in order." },
    textParam("separator", "Separator", "Text put between values, such as a space or “, ”.", { default: "" }),
    fieldParam("output_field", "Output field", "Field to write: created if missing, replaced otherwise."),
  ],
  prepare: (params) =>
    FIELD_NAME.test(params.output_field as string)
      ? ok(params as { fields: string[]; separator: string; output_field: string })
      : { ok: false, errors: { output_field: [msg("processors.field_name", { example: "full_address" })] } },
  inputs: (p) => p.fields,
  compile: ({ fields, separator, output_field }, input) => ({
    fields: withField(input, output_field, "text"),
    apply: (record, errors) => {
      const parts: string[] = [];
      for (const name of fields) {
        const value = record[name];
        for (const element of Array.isArray(value) ? value : [value]) {
          const text = asText(element);
          if (text === undefined) errors.push(`Field “${name}”: ${quote(element)} is not text and was left out.`);
          else if (text !== null && text !== "") parts.push(text);
        }
      }
      record[output_field] = parts.length > 0 ? parts.join(separator) : null;
      return true;
    },
  }),
});

export const split = defineProcessor({
  type: "split",
  label: "Split into several values",
  description: "Cuts a text at each separator into a list of values (a multivalued field). Values are trimmed; empty ones are dropped.",
  parameters: [
    fieldParam("field", "Field", "Field to split."),
    textParam("separator", "Separator", "Text between values, such as ; or |.", { is_mandatory: true }),
    fieldParam("output_field", "Output field", "Field to write the list into; the split field itself when empty.", false),
  ],
  prepare: (params) => {
    const output = (params.output_field as string | null) ?? (params.field as string);
    if (params.output_field !== null && !FIELD_NAME.test(output)) return { ok: false, errors: { output_field: [msg("processors.field_name", { example: "tags" })] } };
    return ok({ field: params.field as string, separator: params.separator as string, output });
  },
  inputs: (p) => [p.field],
  compile: ({ field, separator, output }, input) => {
    const typed = withField(input, output, "text");
    // The `multivalued` annotation carries the separator, as the Automation API's field configurations do.
    const fields = typed.map((f) => (f.name === output && !f.annotations.some((a) => a.name === "multivalued") ? { ...f, annotations: [...f.annotations, { name: "multivalued", args: [separator] }] } : f));
    const cut = (value: unknown, parts: string[], errors: string[]) => {
      const text = asText(value);
      if (text === undefined) errors.push(`Field “${field}”: ${quote(value)} is not text and was left out.`);
      else if (text !== null) for (const part of text.split(separator)) if (part.trim() !== "") parts.push(part.trim());
    };
    return {
      fields,
      apply: (record, errors) => {
        const value = record[field];
        if (isEmpty(value)) {
          record[output] = null;
          return true;
        }
        const parts: string[] = [];
        if (Array.isArray(value)) for (const element of value) cut(element, parts, errors);
        else cut(value, parts, errors);
        record[output] = parts.length > 0 ? parts : null;
        return true;
      },
    };
  },
});
