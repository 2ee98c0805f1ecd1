// Configuration for the Prisma CLI only (generate, migrate diff). The application never runs the CLI: it applies
// the committed SQL migrations itself (lib/db/migrate.ts) — see docs/decisions/0001-database.md.
// engine "js" + a driver adapter keep the CLI from downloading native engines, which this network refuses.
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

const provider = process.env.PRISMA_PROVIDER === "postgresql" ? "postgresql" : "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/generated/${provider}/schema.prisma`,
  migrations: { path: `prisma/migrations/${provider}` },
  // Only used by commands that connect (none of our scripts do); SQLite keeps the CLI from asking for an engine.
  async adapter() {
    return new PrismaLibSQL({ url: "file:./prisma/generated/cli-scratch.db" });
  },
});
