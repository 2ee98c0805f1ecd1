// parse_date: from dates written in any layout (15/01/2024 10:30) to ISO 8601, in a given time zone.
import { defineProcessor, fieldParam, ok, textParam } from "@/lib/processors/define-processor";
import { checkDateFormat, checkLocale, checkTimezone, createDateParser, type DateOutput } from "@/lib/processors/dates";
import { withField } from "@/lib/processors/fields";
import type { ParamErrors } from "@/lib/processors/types";
import { asText, mapScalar, quote, type ScalarFn } from "@/lib/processors/values";

type DateParams = { field: string; format: string; timezone: string; locale: string; output: DateOutput };

export const parseDate = defineProcessor({
  type: "parse_date",
  label: "Parse a date",
  description: "Reads dates in the given format and time zone and stores them in ISO 8601: a date (2024-01-15) or a date and time in UTC (2024-01-15T09:30:00Z). Values that do not match become null, with a record error.",
  parameters: [
    fieldParam("field", "Field", "Field holding the dates."),
    textParam("format", "Format", "Layout of the dates with luxon tokens, such as dd/MM/yyyy HH:mm, d MMMM yyyy or yyyyMMdd. Text between single quotes is literal. Empty for ISO 8601.", { default: "" }),
    textParam("timezone", "Time zone", "IANA time zone of dates without an offset, such as Europe/Paris.", { default: "UTC" }),
    textParam("locale", "Language", "Language of month and day names (MMMM, EEE…), such as en or fr.", { default: "en" }),
    { type: "choice", is_mandatory: false, name: "output", label: "Type", default: "datetime", choices: ["date", "datetime"], description: "date keeps the calendar date in the time zone; datetime keeps the instant." },
  ],
  prepare: (params) => {
    const p = params as DateParams;
    // Optional text parameters sent empty fall back to their defaults, as a form would leave them.
    const settings = { ...p, timezone: p.timezone.trim() || "UTC", locale: p.locale.trim() || "en" };
    const errors: ParamErrors = {};
    const timezone = checkTimezone(settings.timezone);
    if (timezone) errors.timezone = [timezone];
    const locale = checkLocale(settings.locale);
    if (locale) errors.locale = [locale];
    const format = locale ? null : checkDateFormat(settings.format, settings.locale);
    if (format) errors.format = [format];
    return Object.keys(errors).length > 0 ? { ok: false, errors } : ok(settings);
  },
  inputs: (p) => [p.field],
  compile: (settings, input) => {
    const parse = createDateParser(settings);
    const { field } = settings;
    const each: ScalarFn = (value, errors) => {
      const text = asText(value);
      if (text === null || text === "") return null;
      const date = text === undefined ? null : parse(text);
      if (date === null) errors.push(`Field “${field}”: ${quote(value)} is not a date in the format “${settings.format || "ISO 8601"}”.`);
      return date;
    };
    return {
      fields: withField(input, field, settings.output),
      apply: (record, errors) => {
        record[field] = mapScalar(record[field], each, errors);
        return true;
      },
    };
  },
});
