import type { Db, Prisma } from "@/lib/db/client";
import type { Dataset, DatasetListQuery, DatasetMetadata, DatasetSecurity, DatasetStatus, DatasetStatusName } from "@/lib/datasets/schema";
import { AppError, msg } from "@/lib/errors/app-error";
import { newUid } from "@/lib/ids/uid";
import type { DatasetChanges, DatasetListFilter, DatasetScope, DatasetStore, NewDataset, Page, TrashFilter } from "@/lib/store/types";
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
    case "some":
      return { OR: [...(scope.owner_id ? [{ created_by_id: scope.owner_id }] : []), { uid: { in: [...scope.dataset_uids] } }] };
    case "none":
      return { uid: { in: [] } };
  }
}

function trashWhere(trash: TrashFilter = "exclude"): Prisma.DatasetWhereInput {
  if (trash === "include") return {};
  return { deleted_at: trash === "only" ? { not: null } : null };
}

function filterWhere(filter: DatasetListFilter): Prisma.DatasetWhereInput {
  const where: Prisma.DatasetWhereInput = trashWhere(filter.trash);
  if (filter.is_restricted !== undefined) where.is_restricted = filter.is_restricted;
  if (filter.is_published !== undefined) where.is_published = filter.is_published;
  return where;
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
  deleted_at: true,
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
    deleted_at: row.deleted_at ? row.deleted_at.toISOString() : null,
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

const DEEP_OFFSET = 200;

// The same orders as ORDER, for the SQLite search query below (fixed strings: never built from input).
const ORDER_SQL: Record<DatasetListQuery["sort"], string> = {
  title: "d.title_sort ASC, d.uid ASC",
  "-title": "d.title_sort DESC, d.uid DESC",
  updated_at: "d.updated_at ASC, d.uid ASC",
  "-updated_at": "d.updated_at DESC, d.uid DESC",
  created_at: "d.created_at ASC, d.uid ASC",
  "-created_at": "d.created_at DESC, d.uid DESC",
  status: "d.is_published ASC, d.status ASC, d.uid ASC",
  "-status": "d.is_published DESC, d.status DESC, d.uid DESC",
};

export function prismaDatasetStore(db: Db, provider: "sqlite" | "postgresql"): DatasetStore {
  /**
   * SQLite search through the trigram index (migration 20261123111500_dataset_search): the matching rows come
   * from the index and only they are sorted, instead of walking the whole sort index looking for matches.
   * CROSS JOIN makes SQLite start from the index. PostgreSQL uses its trigram index for the LIKE itself.
   */
  async function searchSqlite(query: DatasetListQuery, scope: DatasetScope, filter: DatasetListFilter, search: string): Promise<Page<Dataset>> {
    const filters = ["s.search_text LIKE ?"];
    // fixed SQL fragments; only the search text and identifiers below are bound
    const trash = filter.trash ?? "exclude";
    if (trash !== "include") filters.push(trash === "only" ? "d.deleted_at IS NOT NULL" : "d.deleted_at IS NULL");
    if (filter.is_restricted !== undefined) filters.push(filter.is_restricted ? "d.is_restricted" : "NOT d.is_restricted");
    if (filter.is_published !== undefined) filters.push(filter.is_published ? "d.is_published" : "NOT d.is_published");
    // foldForSearch left no LIKE wildcard in `search`.
    const args: (string | number)[] = [`%${search}%`];
    if (scope.kind === "some") {
      const granted = scope.dataset_uids.map(() => "?").join(", ");
      filters.push(`(${[scope.owner_id ? "d.created_by_id = ?" : null, granted ? `d.uid IN (${granted})` : null].filter(Boolean).join(" OR ")})`);
      if (scope.owner_id) args.push(scope.owner_id);
      args.push(...scope.dataset_uids);
    }
    if (query.dataset_id) {
      filters.push("d.dataset_id = ?");
      args.push(query.dataset_id);
    }
    const from = `FROM "DatasetSearch" s CROSS JOIN "Dataset" d ON d.uid = s.uid WHERE ${filters.join(" AND ")}`;
    const [{ n }] = await db.$queryRawUnsafe<[{ n: number | bigint }]>(`SELECT COUNT(*) AS n ${from}`, ...args);
    const total_count = Number(n);
    if (query.limit === 0 || query.offset >= total_count) return { total_count, results: [] };
    const page = await db.$queryRawUnsafe<{ uid: string }[]>(
      `SELECT d.uid AS uid ${from} ORDER BY ${ORDER_SQL[query.sort]} LIMIT ? OFFSET ?`,
      ...args,
      query.limit,
      query.offset,
    );
    return { total_count, results: await datasetsInOrder(page.map((r) => r.uid)) };
  }

  /** The datasets of `uids`, in that order. */
  async function datasetsInOrder(uids: string[]): Promise<Dataset[]> {
    // Prisma binds each uid as a parameter, and caps parameters per query below SQLite's own limit.
    const rows = [];
    for (let i = 0; i < uids.length; i += 500) rows.push(...(await db.dataset.findMany({ where: { uid: { in: uids.slice(i, i + 500) } }, select })));
    const byUid = new Map(rows.map((r) => [r.uid, r]));
    return uids.flatMap((uid) => (byUid.has(uid) ? [toDataset(byUid.get(uid)!)] : []));
  }

  async function find(uid: string, scope: DatasetScope, trash?: TrashFilter): Promise<Row | null> {
    if (scope.kind === "none" || hasNul(uid)) return null;
    return db.dataset.findFirst({ where: { uid, ...scopeWhere(scope), ...trashWhere(trash) }, select });
  }

  return {
    async list(query, scope, filter = {}): Promise<Page<Dataset>> {
      if (scope.kind === "none" || hasNul(query.dataset_id) || hasNul(query.search)) return { total_count: 0, results: [] };
      const where: Prisma.DatasetWhereInput = { AND: [scopeWhere(scope), filterWhere(filter)] };
      if (query.dataset_id) where.dataset_id = query.dataset_id;
      const search = query.search ? foldForSearch(query.search).trim() : "";
      if (search.length >= 3 && provider === "sqlite") return searchSqlite(query, scope, filter, search);
      if (search) where.search_text = { contains: search };
      const total_count = await db.dataset.count({ where });
      if (query.limit === 0 || query.offset >= total_count) return { total_count, results: [] };
      if (query.offset > DEEP_OFFSET) {
        // Deep pages: skip through the sort index reading uids only (an index-only scan on PostgreSQL), then
        // load the one page of rows, instead of fetching every skipped row.
        const page = await db.dataset.findMany({ where, select: { uid: true }, orderBy: ORDER[query.sort], skip: query.offset, take: query.limit });
        return { total_count, results: await datasetsInOrder(page.map((r) => r.uid)) };
      }
      const rows = await db.dataset.findMany({ where, select, orderBy: ORDER[query.sort], skip: query.offset, take: query.limit });
      return { total_count, results: rows.map(toDataset) };
    },

    async get(uid, scope, options = {}) {
      const row = await find(uid, scope, options.trash);
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

    async setTrashed(uid, trashed) {
      const current = await find(uid, { kind: "all" }, "include");
      if (!current) return null;
      // updated_at stays (written back, or @updatedAt would move it): the trash is not an edit, and a restored
      // dataset is back as it was
      await db.dataset.updateMany({
        where: { uid },
        data: { deleted_at: trashed?.at ?? null, deleted_by_id: trashed?.by_id ?? null, updated_at: current.updated_at },
      });
      const row = await find(uid, { kind: "all" }, "include");
      return row ? toDataset(row) : null;
    },

    async trashedBefore(before, limit) {
      const rows = await db.dataset.findMany({ where: { deleted_at: { lt: before } }, select: { uid: true }, orderBy: { deleted_at: "asc" }, take: limit });
      return rows.map((r) => r.uid);
    },

    async delete(uid, scope) {
      if (scope.kind === "none" || hasNul(uid)) return false;
      const { count } = await db.dataset.deleteMany({ where: { uid, ...scopeWhere(scope) } });
      return count > 0;
    },

    async status(uid, scope): Promise<DatasetStatus | null> {
      if (scope.kind === "none" || hasNul(uid)) return null;
      const row = await db.dataset.findFirst({
        where: { uid, ...scopeWhere(scope), deleted_at: null },
        select: {
          status: true,
          status_previous: true,
          status_next: true,
          status_since: true,
          status_message: true,
          is_published: true,
          records_errors: true,
          status_params: true,
        },
      });
      if (!row) return null;
      return {
        status: row.status as DatasetStatusName,
        previous: (row.status_previous as DatasetStatusName | null) ?? null,
        next: (row.status_next as DatasetStatusName | null) ?? null,
        since: row.status_since.toISOString(),
        is_published: row.is_published,
        message: row.status_message,
        records_errors: (row.records_errors as DatasetStatus["records_errors"] | null) ?? [],
        params: (row.status_params as DatasetStatus["params"] | null) ?? {},
      };
    },
  };
}
