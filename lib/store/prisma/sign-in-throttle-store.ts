import type { Db } from "@/lib/db/client";
import type { SignInThrottleStore } from "@/lib/store/identity-types";

export function prismaSignInThrottleStore(db: Db): SignInThrottleStore {
  return {
    get: (keys) => db.signInThrottle.findMany({ where: { key: { in: keys } } }),

    increment: (key, now) =>
      db.signInThrottle.upsert({
        where: { key },
        create: { key, failures: 1, window_started_at: now },
        update: { failures: { increment: 1 } },
      }),

    async restartWindow(key, previous_start, now) {
      await db.signInThrottle.updateMany({ where: { key, window_started_at: previous_start }, data: { failures: 1, window_started_at: now, blocked_until: null } });
    },

    async block(key, until) {
      await db.signInThrottle.updateMany({ where: { key }, data: { blocked_until: until } });
    },

    async clear(key) {
      await db.signInThrottle.deleteMany({ where: { key } });
    },

    async sweep(before) {
      const { count } = await db.signInThrottle.deleteMany({
        where: { window_started_at: { lt: before }, OR: [{ blocked_until: null }, { blocked_until: { lt: before } }] },
      });
      return count;
    },
  };
}
