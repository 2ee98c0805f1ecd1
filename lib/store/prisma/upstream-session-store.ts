import type { Db } from "@/lib/db/client";
import type { UpstreamSessionRecord, UpstreamSessionStore } from "@/lib/store/types";

/** The row as stored: the permissions as a JSON array. */
type Row = Omit<UpstreamSessionRecord, "permissions"> & { permissions: string };

function toRecord(row: Row): UpstreamSessionRecord {
  let permissions: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.permissions);
    if (Array.isArray(parsed)) permissions = parsed.filter((p): p is string => typeof p === "string");
  } catch {
    permissions = [];
  }
  return { ...row, permissions };
}

export function prismaUpstreamSessionStore(db: Db): UpstreamSessionStore {
  return {
    async create(input) {
      await db.upstreamSession.create({
        data: {
          id: input.id,
          username: input.username,
          permissions: JSON.stringify(input.permissions),
          permissions_known: input.permissions_known,
          key_box: input.key_box,
          locale: input.locale,
          expires_at: input.expires_at,
          user_agent: input.user_agent,
        },
      });
    },
    async find(id) {
      const row = await db.upstreamSession.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },
    async touch(id, at) {
      await db.upstreamSession.updateMany({ where: { id }, data: { last_seen_at: at } });
    },
    async setLocale(id, locale) {
      await db.upstreamSession.updateMany({ where: { id }, data: { locale } });
    },
    async delete(id) {
      await db.upstreamSession.deleteMany({ where: { id } });
    },
    async sweep(now, idleBefore) {
      const { count } = await db.upstreamSession.deleteMany({ where: { OR: [{ expires_at: { lte: now } }, { last_seen_at: { lt: idleBefore } }] } });
      return count;
    },
  };
}
