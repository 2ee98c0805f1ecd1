import type { Db, Prisma } from "@/lib/db/client";
import type { Dataset, DatasetListQuery, DatasetMetadata, DatasetSecurity, DatasetStatus, DatasetStatusName } from "@/lib/datasets/schema";
import { AppError, msg } from "@/lib/errors/app-error";
import { newUid } from "@/lib/ids/uid";
import type { DatasetChanges, DatasetScope, DatasetStore, NewDataset, Page } from "@/lib/store/types";
import { isUniqueViolationOn, uniqueViolationFields } from "@/lib/store/prisma/unique-violation";

/** Lower-case, accents removed: "Données Énergie" and "donnees energie" match on both SQLite and PostgreSQL. */
export function foldForSearch(text: string): string {
  // Punctuation folds to spaces too: "air-quality" finds "Air quality", and the LIKE wildcards % and _ (which
  // Prisma's `contains` does not escape) can never reach the query.
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ");
}

function titleOf(metadata: DatasetMetadata): string {
  const value = metadata.default?.title?.value;
  return typeof value === "string" ? value : "";
}

function searchText(title: string, dataset_id: string): string {
  return ` ${foldForSearch(title)} ${foldForSearch(dataset_id)} `;
}

/** Derived columns kept beside the metadata: the title, its sort key and the search text. */
function titleColumns(title: string, dataset_id: string) {
  return { title, title_sort: foldForSearch(title).trim(), search_text: searchText(title, dataset_id) };
}

function scopeWhere(scope: DatasetScope): Prisma.DatasetWhereInput {
  switch (scope.kind) {
    case "all":
      return {};
    case "owned_by":
      return { created_by_id: scope.user_id };
    case "none":
      return { uid: { in: [] } };
  }
}

const ORDER: Record<DatasetListQuery["sort"], Prisma.DatasetOrderByWithRelationInput[]> = {
  title: [{ title_sort: "asc" }, { uid: "asc" }],
  "-title": [{ title_sort: "desc" }, { uid: "desc" }],
  updated_at: [{ updated_at: "asc" }, { uid: "asc" }],
  "-updated_at": [{ updated_at: "desc" }, { uid: "desc" }],
  created_at: [{ created_at: "asc" }, { uid: "asc" }],
  "-created_at": [{ created_at: "desc" }, { uid: "desc" }],
  status: [{ is_published: "asc" }, { status: "asc" }, { uid: "asc" }],
  "-status": [{ is_published: "desc" }, { status: "desc" }, { uid: "desc" }],
};

const select = {
  uid: true,
  dataset_id: true,
  created_at: true,
  updated_at: true,
  is_published: true,
  is_restricted: true,
  metadata: true,
  default_security: true,
  status: true,
  created_by: { select: { id: true, username: true } },
} satisfies Prisma.DatasetSelect;

type Row = Prisma.DatasetGetPayload<{ select: typeof select }>;

function toDataset(row: Row): Dataset {
  return {
    uid: row.uid,
    dataset_id: row.dataset_id,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    is_published: row.is_published,
    is_restricted: row.is_restricted,
    metadata: row.metadata as DatasetMetadata,
    default_security: row.default_security as DatasetSecurity,
    status: row.status as DatasetStatusName,
    created_by: row.created_by ? { user_id: row.created_by.id, username: row.created_by.username } : null,
  };
}

export function datasetIdTaken(dataset_id: string, cause?: unknown): AppError {
  const message = msg("errors.dataset_id_taken", { dataset_id });
  return new AppError("validation_error", message, { fieldErrors: { dataset_id: [message] }, cause });
}

const UID_ATTEMPTS = 8;

// PostgreSQL rejects U+0000 in text parameters; no stored identifier contains one, so such lookups find nothing.
const hasNul = (value: string | undefined) => !!value && value.includes("\u0000");

/** Beyond this many matches, scanning the table is as fast as looking each match up. */
const MAX_INDEXED_MATCHES = 5000;

export function prismaDatasetStore(db: Db, provider: "sqlite" | "postgresql"): DatasetStore {
  /**
   * On SQLite, the uids whose search text contains `search`, from the trigram index (migration
   * 20261123111500_dataset_search); null when the index cannot help (short or common words). PostgreSQL uses
   * its trigram index for the LIKE itself.
   */
  async function indexedMatches(search: string): Promise<string[] | null> {
    if (provider !== "sqlite" || search.length < 3) return null;
    // foldForSearch left no LIKE wildcard in `search`.
    const rows = await db.$queryRawUnsafe<{ uid: string }[]>(
      `SELECT uid FROM "DatasetSearch" WHERE search_text LIKE ? LIMIT ${MAX_INDEXED_MATCHES + 1}`,
      `%${search}%`,
    );
    return rows.length > MAX_INDEXED_MATCHES ? null : rows.map((r) => r.uid);
  }

  async function find(uid: string, scope: DatasetScope): Promise<Row | null> {
    if (scope.kind === "none" || hasNul(uid)) return null;
    return db.dataset.findFirst({ where: { uid, ...scopeWhere(scope) }, select });
  }

  return {
    async list(query, scope): Promise<Page<Dataset>> {
      if (scope.kind === "none" || hasNul(query.dataset_id) || hasNul(query.search)) return { total_count: 0, results: [] };
      const where: Prisma.DatasetWhereInput = { ...scopeWhere(scope) };
      if (query.dataset_id) where.dataset_id = query.dataset_id;
      const search = query.search ? foldForSearch(query.search).trim() : "";
      if (search) {
        const uids = await indexedMatches(search);
        if (uids) where.uid = { in: uids };
        else where.search_text = { contains: search };
      }
      const total_count = await db.dataset.count({ where });
      if (query.limit === 0 || query.offset >= total_count) return { total_count, results: [] };
      const rows = await db.dataset.findMany({ where, select, orderBy: ORDER[query.sort], skip: query.offset, take: query.limit });
      return { total_count, results: rows.map(toDataset) };
    },

    async get(uid, scope) {
      const row = await find(uid, scope);
      return row ? toDataset(row) : null;
    },

    async create(input: NewDataset) {
      const title = titleOf(input.metadata);
      for (let attempt = 1; ; attempt++) {
        try {
          const row = await db.dataset.create({
            data: {
              uid: newUid("da"),
              dataset_id: input.dataset_id,
              ...titleColumns(title, input.dataset_id),
              is_restricted: input.is_restricted,
              metadata: input.metadata as Prisma.InputJsonValue,
              default_security: input.default_security as Prisma.InputJsonValue,
              created_by_id: input.created_by_id,
              created_at: input.created_at,
              updated_at: input.created_at,
            },
            select,
          });
          return toDataset(row);
        } catch (error) {
          if (isUniqueViolationOn(error, "dataset_id")) throw datasetIdTaken(input.dataset_id, error);
          // Six random characters collide now and then at scale: draw another uid.
          if (uniqueViolationFields(error) && attempt < UID_ATTEMPTS) continue;
          throw error;
        }
      }
    },

    async update(uid, changes: DatasetChanges, { scope, expected_updated_at }) {
      const current = await find(uid, scope);
      if (!current) return null;
      if (expected_updated_at && current.updated_at.toISOString() !== new Date(expected_updated_at).toISOString()) {
        throw new AppError("conflict", msg("errors.dataset_changed_meanwhile"));
      }
      const dataset_id = changes.dataset_id ?? current.dataset_id;
      const title = changes.metadata ? titleOf(changes.metadata) : titleOf(current.metadata as DatasetMetadata);
      const data: Prisma.DatasetUpdateManyMutationInput = { updated_at: new Date(), ...titleColumns(title, dataset_id) };
      if (changes.dataset_id !== undefined) data.dataset_id = changes.dataset_id;
      if (changes.is_restricted !== undefined) data.is_restricted = changes.is_restricted;
      if (changes.metadata !== undefined) data.metadata = changes.metadata as Prisma.InputJsonValue;
      if (changes.default_security !== undefined) data.default_security = changes.default_security as Prisma.InputJsonValue;
      try {
        // Compare-and-set on updated_at: a concurrent writer between our read and this write is a conflict, not a lost update.
        const { count } = await db.dataset.updateMany({ where: { uid, updated_at: current.updated_at }, data });
        if (count === 0) {
          throw new AppError("conflict", msg("errors.dataset_changed_meanwhile"));
        }
      } catch (error) {
        if (isUniqueViolationOn(error, "dataset_id")) throw datasetIdTaken(dataset_id, error);
        throw error;
      }
      const row = await find(uid, { kind: "all" });
      return row ? toDataset(row) : null;
    },

    async delete(uid, scope) {
      if (scope.kind === "none" || hasNul(uid)) return false;
      const { count } = await db.dataset.deleteMany({ where: { uid, ...scopeWhere(scope) } });
      return count > 0;
    },

    async status(uid, scope): Promise<DatasetStatus | null> {
      if (scope.kind === "none" || hasNul(uid)) return null;
      const row = await db.dataset.findFirst({
        where: { uid, ...scopeWhere(scope) },
        select: { status: true, status_previous: true, status_next: true, status_since: true, status_message: true, is_published: true },
      });
      if (!row) return null;
      return {
        status: row.status as DatasetStatusName,
        previous: (row.status_previous as DatasetStatusName | null) ?? null,
        next: (row.status_next as DatasetStatusName | null) ?? null,
        since: row.status_since.toISOString(),
        is_published: row.is_published,
        message: row.status_message,
        records_errors: [],
        params: {},
      };
    },
  };
}
