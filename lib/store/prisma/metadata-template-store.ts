import type { Db, Prisma } from "@/lib/db/client";
import { AppError, msg } from "@/lib/errors/app-error";
import type { MetadataFieldType, MetadataTemplateType, RequirementLevel } from "@/lib/metadata/template-schema";
import { isUniqueViolationOn, uniqueViolationFields } from "@/lib/store/prisma/unique-violation";
import type { MetadataTemplateInput, MetadataTemplateStore, StoredMetadataTemplate, StoredTemplateField } from "@/lib/store/types";

const select = {
  name: true,
  title: true,
  type: true,
  is_active: true,
  is_system: true,
  is_always_active: true,
  created_at: true,
  created_by: true,
  updated_at: true,
  updated_by: true,
  fields: { orderBy: [{ position: "asc" }, { name: "asc" }] },
} satisfies Prisma.MetadataTemplateSelect;
type Row = Prisma.MetadataTemplateGetPayload<{ select: typeof select }>;
type FieldRow = Row["fields"][number];

const ORDER = [{ position: "asc" }, { created_at: "asc" }, { name: "asc" }] satisfies Prisma.MetadataTemplateOrderByWithRelationInput[];

/** Custom templates come after the system ones. */
const CUSTOM_POSITION = 1000;

function toField(row: FieldRow): StoredTemplateField {
  return {
    name: row.name,
    type: row.type as MetadataFieldType,
    label: row.label,
    help_text: row.help_text,
    is_hidden: row.is_hidden,
    self_suggest: row.self_suggest,
    is_filter: row.is_filter,
    i18n: row.i18n,
    choices: (row.choices as string[] | null) ?? null,
    labels: (row.labels as Record<string, Record<string, string>> | null) ?? null,
    requirement_level: row.requirement_level as RequirementLevel,
  };
}

function toTemplate(row: Row): StoredMetadataTemplate {
  return {
    name: row.name,
    title: row.title,
    type: row.type as MetadataTemplateType,
    is_active: row.is_active || row.is_always_active,
    is_system: row.is_system,
    is_always_active: row.is_always_active,
    fields: row.fields.map(toField),
    created_at: row.created_at.toISOString(),
    created_by: row.created_by,
    updated_at: row.updated_at.toISOString(),
    updated_by: row.updated_by,
  };
}

function fieldRows(fields: StoredTemplateField[]): Prisma.MetadataTemplateFieldCreateWithoutTemplateInput[] {
  return fields.map((field, position) => ({
    name: field.name,
    position,
    type: field.type,
    label: field.label,
    help_text: field.help_text,
    is_hidden: field.is_hidden,
    self_suggest: field.self_suggest,
    is_filter: field.is_filter,
    i18n: field.i18n,
    choices: field.choices ?? undefined,
    labels: field.labels ?? undefined,
    requirement_level: field.requirement_level,
  }));
}

const hasNul = (...values: string[]) => values.some((v) => v.includes("\u0000"));

/** LIKE pattern for "starts with `prefix`", case-insensitive, with `\` as the escape character. */
function prefixPattern(prefix: string): string {
  return `${prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function prismaMetadataTemplateStore(db: Db, provider: "sqlite" | "postgresql"): MetadataTemplateStore {
  async function find(name: string) {
    if (hasNul(name)) return null;
    const row = await db.metadataTemplate.findUnique({ where: { name }, select });
    return row ? toTemplate(row) : null;
  }

  async function writeSystem(input: MetadataTemplateInput & { active_by_default: boolean; position: number }): Promise<void> {
    await db.$transaction(async (tx) => {
      const existing = await tx.metadataTemplate.findUnique({ where: { name: input.name }, select: { name: true } });
      const definition = {
        title: input.title,
        type: input.type,
        is_system: true,
        is_always_active: input.is_always_active ?? false,
        position: input.position,
      };
      if (existing) {
        await tx.metadataTemplate.update({ where: { name: input.name }, data: definition });
        await tx.metadataTemplateField.deleteMany({ where: { template_name: input.name } });
      } else {
        await tx.metadataTemplate.create({ data: { name: input.name, ...definition, is_active: input.active_by_default } });
      }
      for (const field of fieldRows(input.fields)) await tx.metadataTemplateField.create({ data: { ...field, template_name: input.name } });
    });
  }

  return {
    async list(filter, { limit, offset }) {
      const where: Prisma.MetadataTemplateWhereInput = {};
      if (filter.type) where.type = filter.type;
      if (filter.is_active === true) where.OR = [{ is_active: true }, { is_always_active: true }];
      if (filter.is_active === false) where.AND = [{ is_active: false }, { is_always_active: false }];
      const [total_count, rows] = await Promise.all([
        db.metadataTemplate.count({ where }),
        limit === 0 ? Promise.resolve([]) : db.metadataTemplate.findMany({ where, select, orderBy: ORDER, skip: offset, take: limit }),
      ]);
      return { total_count, results: rows.map(toTemplate) };
    },

    async all() {
      return (await db.metadataTemplate.findMany({ select, orderBy: ORDER })).map(toTemplate);
    },

    get: find,

    async create(input, by) {
      const now = new Date();
      try {
        const row = await db.metadataTemplate.create({
          data: {
            name: input.name,
            title: input.title,
            type: input.type,
            is_active: input.is_active,
            is_system: false,
            is_always_active: false,
            position: CUSTOM_POSITION,
            created_at: now,
            created_by: by,
            updated_at: now,
            updated_by: by,
            fields: { create: fieldRows(input.fields) },
          },
          select,
        });
        return toTemplate(row);
      } catch (error) {
        if (isUniqueViolationOn(error, "name")) {
          const message = msg("metadata_templates.errors.name_taken", { name: input.name });
          throw new AppError("validation_error", message, { fieldErrors: { name: [message] }, cause: error });
        }
        throw error;
      }
    },

    async replace(name, input, by) {
      if (hasNul(name)) return null;
      return db.$transaction(async (tx) => {
        const { count } = await tx.metadataTemplate.updateMany({
          where: { name },
          data: { title: input.title, type: input.type, is_active: input.is_active, updated_at: new Date(), updated_by: by },
        });
        if (!count) return null;
        await tx.metadataTemplateField.deleteMany({ where: { template_name: name } });
        for (const field of fieldRows(input.fields)) await tx.metadataTemplateField.create({ data: { ...field, template_name: name } });
        const row = await tx.metadataTemplate.findUnique({ where: { name }, select });
        return row ? toTemplate(row) : null;
      });
    },

    async setActive(name, is_active, by) {
      if (hasNul(name)) return null;
      const { count } = await db.metadataTemplate.updateMany({ where: { name }, data: { is_active, updated_at: new Date(), updated_by: by } });
      return count ? find(name) : null;
    },

    async delete(name) {
      if (hasNul(name)) return false;
      const { count } = await db.metadataTemplate.deleteMany({ where: { name, is_system: false } });
      return count > 0;
    },

    async upsertSystem(input) {
      // Another process starting on the same database may create it first: then update what it created.
      for (let attempt = 1; ; attempt++) {
        try {
          return await writeSystem(input);
        } catch (error) {
          if (attempt < 3 && uniqueViolationFields(error)) continue;
          throw error;
        }
      }
    },

    async suggest(template, field, prefix, count, scope) {
      if (hasNul(template, field, prefix) || scope.kind === "none") return [];
      const pattern = prefixPattern(prefix);
      // The datasets in scope, as SQL on "Dataset" d: the owner and the granted uids are bound after the fixed
      // parameters (?1–?3 / $1–$3), numbered for each dialect.
      const granted = scope.kind === "some" ? [...(scope.owner_id ? [scope.owner_id] : []), ...scope.dataset_uids] : [];
      const inScope = (n: (i: number) => string) => {
        if (scope.kind !== "some") return "";
        const owner = scope.owner_id ? [`d.created_by_id = ${n(4)}`] : [];
        const offset = 4 + owner.length;
        const uids = scope.dataset_uids.length > 0 ? [`d.uid IN (${scope.dataset_uids.map((_, i) => n(offset + i)).join(", ")})`] : [];
        return ` AND (${[...owner, ...uids].join(" OR ")})`;
      };
      if (provider === "sqlite") {
        const path = `$."${template}"."${field}".value`;
        const where = inScope((i) => `?${i}`);
        const rows = await db.$queryRawUnsafe<{ v: string }[]>(
          `SELECT v, COUNT(*) AS n FROM (
             SELECT json_extract(d.metadata, ?1) AS v FROM "Dataset" d WHERE json_type(d.metadata, ?1) = 'text'${where}
             UNION ALL
             SELECT j.value AS v FROM "Dataset" d, json_each(d.metadata, ?1) j WHERE json_type(d.metadata, ?1) = 'array' AND j.type = 'text'${where}
           ) WHERE lower(v) LIKE ?2 ESCAPE '\\' GROUP BY v ORDER BY n DESC, v ASC LIMIT ?3`,
          path,
          pattern,
          count,
          ...granted,
        );
        return rows.map((r) => r.v);
      }
      const path = `{${template},${field},value}`;
      const where = inScope((i) => `$${i}`);
      const rows = await db.$queryRawUnsafe<{ v: string }[]>(
        `SELECT v, COUNT(*) AS n FROM (
           SELECT d.metadata #>> $1::text[] AS v FROM "Dataset" d WHERE jsonb_typeof(d.metadata #> $1::text[]) = 'string'${where}
           UNION ALL
           SELECT e.v FROM "Dataset" d CROSS JOIN LATERAL jsonb_array_elements_text(
             CASE WHEN jsonb_typeof(d.metadata #> $1::text[]) = 'array' THEN d.metadata #> $1::text[] ELSE '[]'::jsonb END
           ) AS e(v) WHERE true${where}
         ) s WHERE lower(v) LIKE $2 ESCAPE '\\' GROUP BY v ORDER BY COUNT(*) DESC, v ASC LIMIT $3`,
        path,
        pattern,
        count,
        ...granted,
      );
      return rows.map((r) => r.v);
    },
  };
}
