import "server-only";
// Dataset metadata checked against the templates in the store: every template must exist, and each value must
// fit its field (type, choices, i18n). Errors name the value: "metadata.<template>.<field>.value".
import type { z } from "zod";
import { AppError, msg, type Text } from "@/lib/errors/app-error";
import { fieldErrorsFromZod, zodErrorMap } from "@/lib/errors/zod-messages";
import { en } from "@/lib/i18n/messages/en";
import { createTranslator, type Translate } from "@/lib/i18n/translator";
import { SYSTEM_TEMPLATES } from "@/lib/metadata/system-templates";
import { collapseValuePaths, templateValuesSchema, type TemplateRules } from "@/lib/metadata/template-values";
import { store } from "@/lib/store/store";

type Values = Record<string, Record<string, { value: unknown; override_remote_value?: boolean }>>;

const english = createTranslator(en);

/** The values of `template` parsed by its schema: trimmed, blanks dropped; issues prefixed with `prefix`. */
export function parseTemplateValues(
  template: TemplateRules,
  input: unknown,
  prefix: string,
  t: Translate = english,
): { data: Values[string] } | { errors: Record<string, Text[]> } {
  const schema: z.ZodType = templateValuesSchema(template);
  const result = schema.safeParse(input, { error: zodErrorMap(t) });
  if (result.success) return { data: result.data as Values[string] };
  const errors: Record<string, Text[]> = {};
  for (const [path, messages] of Object.entries(collapseValuePaths(fieldErrorsFromZod(result.error)))) {
    errors[path === "non_field_errors" ? prefix : `${prefix}.${path}`] = messages;
  }
  return { errors };
}

/**
 * Checks the templates of `metadata` (or only those named in `only`) against the store's templates and returns
 * the metadata with each checked template normalised. Throws a validation_error naming every problem.
 */
export async function checkMetadataAgainstTemplates<M extends Record<string, unknown>>(
  metadata: M,
  options: { only?: readonly string[]; t?: Translate; templates?: readonly TemplateRules[] } = {},
): Promise<M> {
  // System templates are also known from their definitions, so a store not yet seeded still validates them.
  const templates = new Map<string, TemplateRules>(SYSTEM_TEMPLATES.map((tpl) => [tpl.name, tpl]));
  for (const tpl of options.templates ?? (await store().metadataTemplates.all())) templates.set(tpl.name, tpl);
  const out: Record<string, unknown> = { ...metadata };
  const errors: Record<string, Text[]> = {};
  for (const [name, values] of Object.entries(metadata)) {
    if (options.only && !options.only.includes(name)) continue;
    const template = templates.get(name);
    if (!template) {
      errors[`metadata.${name}`] = [msg("metadata_templates.errors.unknown_template", { name })];
      continue;
    }
    const parsed = parseTemplateValues(template, values ?? {}, `metadata.${name}`, options.t);
    if ("errors" in parsed) Object.assign(errors, parsed.errors);
    else out[name] = parsed.data;
  }
  if (Object.keys(errors).length) throw new AppError("validation_error", msg("errors.invalid_input"), { fieldErrors: errors });
  return out as M;
}
