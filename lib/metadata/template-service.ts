import "server-only";
// Metadata templates (API-CONTRACT.md §2.20): administrators (edit_domain) manage them, every signed-in user
// reads them. Only non-system basic/admin templates can be created, fully edited or deleted; the others accept
// is_active changes only, and system always-active templates cannot be deactivated. In proxy mode they are the
// upstream's (lib/store/remote/metadata.ts), which applies its own rules.
import { isDeepStrictEqual } from "node:util";
import type { Principal } from "@/lib/auth/principal";
import { datasetScope } from "@/lib/datasets/access";
import { AppError, forbidden, msg, notFound, type Text } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/zod-messages";
import { SYSTEM_TEMPLATES } from "@/lib/metadata/system-templates";
import {
  isEditableTemplate,
  metadataTemplateFieldWriteSchema,
  metadataTemplateWriteSchema,
  type MetadataTemplate,
  type MetadataTemplateField,
  type MetadataTemplateListQuery,
  type MetadataTemplateUpdate,
  type MetadataTemplateWrite,
  type Suggestions,
} from "@/lib/metadata/template-schema";
import { store } from "@/lib/store/store";
import type { Page, StoredMetadataTemplate, StoredTemplateField } from "@/lib/store/types";
import type { Translate } from "@/lib/i18n/translator";

/** Where a field's suggestions are served, relative to the API base (the API makes it absolute). */
export function suggestPath(template: string, field: string): string {
  return `/metadata/templates/${encodeURIComponent(template)}/fields/${encodeURIComponent(field)}/suggest/`;
}

export function presentField(template: string, field: StoredTemplateField, apiBase: string | null): MetadataTemplateField {
  // The official schema types label as a string: a field without one shows its name.
  return { ...field, label: field.label ?? field.name, suggest_url: field.self_suggest && apiBase !== null ? `${apiBase}${suggestPath(template, field.name)}` : null };
}

/** The API object; `apiBase` (e.g. "https://host/api/automation/v1.0") makes suggest_url absolute. */
export function presentTemplate(template: StoredMetadataTemplate, apiBase: string | null): MetadataTemplate {
  return {
    name: template.name,
    title: template.title,
    type: template.type,
    is_active: template.is_active,
    is_always_active: template.is_always_active,
    is_system: template.is_system,
    schema: template.fields.map((f) => presentField(template.name, f, apiBase)),
    created_at: template.created_at,
    ...(template.created_by ? { created_by: { username: template.created_by } } : {}),
    updated_at: template.updated_at,
    ...(template.updated_by ? { updated_by: { username: template.updated_by } } : {}),
  };
}

function requireEditDomain(principal: Principal): void {
  if (!principal.permissions.has("edit_domain")) throw forbidden();
}

function invalid(message: Text, field = "non_field_errors"): AppError {
  return new AppError("validation_error", message, { fieldErrors: { [field]: [message] } });
}

function storedFields(fields: MetadataTemplateWrite["schema"]): StoredTemplateField[] {
  return fields.map((f) => ({ ...f, is_hidden: false }));
}

/** Writes the system templates' definitions (keeping whether each is enabled). Runs at every start. */
export async function ensureSystemTemplates(): Promise<void> {
  for (const [position, template] of SYSTEM_TEMPLATES.entries()) {
    await store().metadataTemplates.upsertSystem({
      name: template.name,
      title: template.title,
      type: template.type,
      is_active: template.active_by_default,
      active_by_default: template.active_by_default,
      is_system: true,
      is_always_active: template.is_always_active,
      position,
      fields: template.fields.map((f) => ({
        name: f.name,
        type: f.type,
        label: f.label,
        help_text: f.help_text ?? null,
        is_hidden: false,
        self_suggest: f.self_suggest ?? false,
        is_filter: f.is_filter ?? false,
        i18n: f.i18n ?? false,
        choices: f.choices ? [...f.choices] : null,
        labels: null,
        requirement_level: f.requirement_level ?? "optional",
      })),
    });
  }
}

export async function listTemplates(principal: Principal, query: MetadataTemplateListQuery): Promise<Page<StoredMetadataTemplate>> {
  if (principal.upstream) return principal.upstream.metadata.list(query);
  return store().metadataTemplates.list({ is_active: query.is_active, type: query.type }, query);
}

/** Every template in display order (forms, validation). */
export async function allTemplates(principal: Principal): Promise<StoredMetadataTemplate[]> {
  if (principal.upstream) return principal.upstream.metadata.all();
  return store().metadataTemplates.all();
}

export async function getTemplate(principal: Principal, name: string): Promise<StoredMetadataTemplate> {
  if (principal.upstream) return principal.upstream.metadata.get(name);
  const template = await store().metadataTemplates.get(name);
  if (!template) throw notFound();
  return template;
}

export async function getTemplateField(principal: Principal, name: string, field: string): Promise<StoredTemplateField> {
  const found = (await getTemplate(principal, name)).fields.find((f) => f.name === field);
  if (!found) throw notFound();
  return found;
}

export async function createTemplate(principal: Principal, input: MetadataTemplateWrite): Promise<StoredMetadataTemplate> {
  if (principal.upstream) return principal.upstream.metadata.create(input);
  requireEditDomain(principal);
  return store().metadataTemplates.create({ ...input, fields: storedFields(input.schema) }, principal.username);
}

/** The normalised definition of a template, to tell whether a PUT would change anything but is_active. */
function comparable(template: { title?: unknown; type?: unknown; schema?: unknown }) {
  const schema = Array.isArray(template.schema)
    ? template.schema.map((f) => {
        const parsed = metadataTemplateFieldWriteSchema.safeParse(f);
        return parsed.success ? parsed.data : f;
      })
    : undefined;
  return { title: template.title, type: template.type, schema };
}

export async function updateTemplate(principal: Principal, name: string, input: MetadataTemplateUpdate, t?: Translate): Promise<StoredMetadataTemplate> {
  if (principal.upstream) return principal.upstream.metadata.update(name, input);
  requireEditDomain(principal);
  const current = await getTemplate(principal, name);
  if (input.name !== undefined && input.name !== name) throw invalid(msg("metadata_templates.errors.name_immutable"), "name");

  if (!isEditableTemplate(current)) {
    // Only is_active may change: a body that would change anything else is refused, so nobody believes it worked.
    const sent = comparable(input);
    const now = comparable({ title: current.title, type: current.type, schema: current.fields });
    for (const key of ["title", "type", "schema"] as const) {
      if (sent[key] !== undefined && !isDeepStrictEqual(sent[key], now[key])) {
        throw invalid(msg("metadata_templates.errors.only_is_active", { name }), key);
      }
    }
  } else {
    // Omitted properties keep their value, so a client can send { is_active } alone.
    const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const base = { title: current.title, type: current.type, is_active: current.is_active, schema: current.fields.map(({ is_hidden: _hidden, ...f }) => f) };
    const full = parseInput(metadataTemplateWriteSchema, { ...base, ...defined, name }, t);
    if (full.is_active === false && current.is_always_active) throw invalid(msg("metadata_templates.errors.always_active", { name }), "is_active");
    const updated = await store().metadataTemplates.replace(name, { ...full, fields: storedFields(full.schema) }, principal.username);
    if (!updated) throw notFound();
    return updated;
  }

  if (input.is_active === undefined || input.is_active === current.is_active) return current;
  if (!input.is_active && current.is_always_active) throw invalid(msg("metadata_templates.errors.always_active", { name }), "is_active");
  const updated = await store().metadataTemplates.setActive(name, input.is_active, principal.username);
  if (!updated) throw notFound();
  return updated;
}

export async function deleteTemplate(principal: Principal, name: string): Promise<void> {
  if (principal.upstream) return principal.upstream.metadata.delete(name);
  requireEditDomain(principal);
  const current = await getTemplate(principal, name);
  if (!isEditableTemplate(current)) throw invalid(msg("metadata_templates.errors.not_deletable", { name }));
  if (!(await store().metadataTemplates.delete(name))) throw notFound();
}

/**
 * Values already used for this field that start with `query` (case-insensitive), most used first — only from the
 * datasets the caller may view: a suggestion must not reveal what is in a dataset they cannot see.
 */
export async function suggestFieldValues(principal: Principal, name: string, field: string, query: string | undefined, count: number): Promise<Suggestions> {
  if (principal.upstream) return principal.upstream.metadata.suggest(name, field, query, count);
  const started = Date.now();
  await getTemplateField(principal, name, field);
  if (query === undefined) throw invalid(msg("validation.required"), "query");
  const hits = await store().metadataTemplates.suggest(name, field, query.trim(), count, datasetScope(principal, "view"));
  return {
    hits,
    nb_hits: hits.length,
    page: 0,
    hits_per_page: count,
    exhaustive_nb_hits: hits.length < count,
    exhaustive_typo: true,
    exhaustive: { nb_hits: hits.length < count, typo: true },
    query,
    params: new URLSearchParams({ query, count: String(count) }).toString(),
    processing_time_ms: Date.now() - started,
  };
}
