// DATABASE_URL picks the store: unset → embedded SQLite in DATA_DIR; file:… → SQLite there;
// postgres(ql)://… → PostgreSQL (an optional ?schema= selects the schema, as in Prisma URLs).
import { isAbsolute, join, resolve } from "node:path";

export type DatabaseTarget =
  | { provider: "sqlite"; file: string }
  | { provider: "postgresql"; url: string; schema: string };

export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseTarget {
  if (!url) return { provider: "sqlite", file: join(dataDir, "console.db") };
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length).replace(/^\/\//, "").split("?")[0] ?? "";
    if (!path) throw new Error("DATABASE_URL=file: needs a path, e.g. file:./data/console.db");
    return { provider: "sqlite", file: isAbsolute(path) ? path : resolve(/*turbopackIgnore: true*/ process.cwd(), path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") || "public";
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new Error(`DATABASE_URL: invalid schema name "${schema}"`);
    parsed.searchParams.delete("schema");
    return { provider: "postgresql", url: parsed.toString(), schema };
  }
  throw new Error("DATABASE_URL must start with file: or postgresql:// (leave it unset for the embedded SQLite store)");
}
