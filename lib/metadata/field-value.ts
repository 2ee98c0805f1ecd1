// What a metadata value may be, from its template field: the type, the choices, i18n. The same schemas check the
// API's writes and the console's metadata editor. zod only.
import { z } from "zod";
import { CHOICE_TYPES, LIST_TYPES, type MetadataFieldType } from "@/lib/metadata/template-schema";

/** The languages a metadata value may be given in (the i18n fields' keys, the `language` field's choices). */
export const METADATA_LANGUAGES = ["en", "fr", "nl", "pt", "it", "ar", "de", "es", "ca", "eu", "sv"] as const;

export type FieldRules = {
  name: string;
  type: MetadataFieldType;
  choices?: readonly string[] | null;
  i18n?: boolean;
};

const isTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const LONG_TEXT = 100_000;
const TEXT = 2048;
const MAX_ITEMS = 1000;

/**
 * Limits a few system fields have on top of their type: they are what the whole catalog relies on (a title
 * short enough for lists, a time zone the server understands).
 */
const SYSTEM_FIELD_RULES: Record<string, (schema: z.ZodString) => z.ZodType> = {
  "default.title": (s) => s.max(512),
  "default.publisher": (s) => s.max(1024),
  "default.timezone": (s) => s.refine(isTimezone, { params: { i18n: "timezone" } }),
};

function itemSchema(type: MetadataFieldType, template: string, field: string): z.ZodType {
  const text = (max: number) => {
    const base = z.string().trim().min(1).max(max);
    return SYSTEM_FIELD_RULES[`${template}.${field}`]?.(base) ?? base;
  };
  switch (type) {
    case "date":
      return z.iso.date();
    case "datetime":
      return z.iso.datetime({ offset: true });
    case "boolean":
      return z.boolean();
    case "int":
      return z.number().int();
    case "double":
      return z.number();
    case "geo_shape":
      // a GeoJSON geometry
      return z.looseObject({ type: z.string().min(1), coordinates: z.array(z.unknown()).optional(), geometries: z.array(z.unknown()).optional() });
    case "html":
    case "multitext":
    case "longstring":
      return text(LONG_TEXT);
    case "uri_enum":
    case "uri_enumlist":
      return z.string().trim().min(1).max(TEXT);
    default:
      return text(TEXT);
  }
}

function withChoices(schema: z.ZodType, choices: readonly string[] | null | undefined, type: MetadataFieldType): z.ZodType {
  if (!choices || choices.length === 0) return schema;
  // choices are strings; numeric fields compare their numbers
  const allowed = new Set(choices);
  const numeric = type === "int" || type === "double";
  return schema.superRefine((value, ctx) => {
    const key = numeric ? String(value) : (value as string);
    if (numeric ? !choices.some((c) => Number(c) === value) : !allowed.has(key)) {
      ctx.addIssue({ code: "invalid_value", values: [...choices], input: value });
    }
  });
}

/** The schema of one value of the field (blank values are handled by the template schema, not here). */
export function fieldValueSchema(field: FieldRules, template: string): z.ZodType {
  const itemType: MetadataFieldType = field.type === "enumlist" ? "enum" : field.type === "uri_enumlist" ? "uri_enum" : field.type === "geo_area" ? "text" : field.type;
  const item = withChoices(itemSchema(itemType, template, field.name), field.choices, field.type);
  const base = LIST_TYPES.includes(field.type) ? z.array(item).max(MAX_ITEMS) : item;
  if (!field.i18n) return base;
  // i18n: one value, or one per language ({ "en": …, "fr": … })
  const perLanguage = z.partialRecord(z.enum(METADATA_LANGUAGES), base).refine((v) => Object.keys(v).length > 0, { params: { i18n: "invalid" } });
  return z.union([base, perLanguage]);
}

/** Whether the field's value must be one of its choices. */
export function requiresChoice(type: MetadataFieldType): boolean {
  return CHOICE_TYPES.includes(type);
}
