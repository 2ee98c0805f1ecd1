// Date parsing for parse_date, with luxon. Everything that could depend on the machine is pinned: the time zone
// (a parameter, UTC by default), the locale of month and day names (a parameter, "en" by default), the numbering
// system and the calendar. A format without a year is refused: luxon would fill in the current year.
import { DateTime, IANAZone } from "luxon";
import { msg, type Text } from "@/lib/errors/app-error";

export type DateOutput = "date" | "datetime";
export type DateSettings = { format: string; timezone: string; locale: string; output: DateOutput };

const options = (timezone: string, locale: string) => ({ zone: timezone, locale, numberingSystem: "latn", outputCalendar: "gregory" }) as const;

// A reference date whose every unit differs, to check that a format reads back what it writes.
const REFERENCE = { year: 2001, month: 2, day: 3, hour: 4, minute: 5, second: 6, millisecond: 7 };

export function checkTimezone(timezone: string): Text | null {
  return IANAZone.isValidZone(timezone) ? null : msg("processors.timezone", { timezone });
}

export function checkLocale(locale: string): Text | null {
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0) return null;
  } catch {
    // A malformed tag: same message as an unknown one.
  }
  return msg("processors.locale", { locale });
}

/** An empty format means ISO 8601. Otherwise the format must hold a year and read back the dates it writes. */
export function checkDateFormat(format: string, locale: string): Text | null {
  if (format === "") return null;
  const reference = DateTime.fromObject(REFERENCE, options("UTC", locale));
  const parsed = DateTime.fromFormat(reference.toFormat(format), format, options("UTC", locale));
  if (!parsed.isValid) return msg("processors.date_format", { format });
  return parsed.year === REFERENCE.year ? null : msg("processors.date_format_year");
}

/**
 * A parser from text to ISO 8601: "date" gives the calendar date in the time zone (2024-01-15), "datetime" the
 * instant in UTC (2024-01-15T09:30:00Z). Times in a daylight-saving gap move forward, as luxon does.
 * Returns null for text that does not match the format or names no real date (31/02).
 */
export function createDateParser(settings: DateSettings): (text: string) => string | null {
  const zoned = options(settings.timezone, settings.locale);
  const read = settings.format === "" ? (text: string) => DateTime.fromISO(text, zoned) : (text: string) => DateTime.fromFormat(text, settings.format, zoned);
  return (text) => {
    const parsed = read(text.trim());
    if (!parsed.isValid) return null;
    return settings.output === "date" ? parsed.toISODate() : parsed.toUTC().toISO({ suppressMilliseconds: true });
  };
}
