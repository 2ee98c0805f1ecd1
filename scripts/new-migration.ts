// npm run db:migration -- <name>
// Writes the next migration for every provider: the SQL that takes the schema as of the previous migration
// (prisma/migrations/<provider>/schema.snapshot.prisma) to the current prisma/schema.prisma.
// `prisma migrate dev` cannot run on these machines (it needs a shadow database engine), `migrate diff` can.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
// @ts-expect-error plain ESM helper shared with the postinstall script
import { providers, renderSchema, root, writeSchemas, schemaPath } from "./prisma-schema.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}

writeSchemas();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const cli = join(root, "node_modules/prisma/build/index.js");

for (const provider of providers as string[]) {
  const dir = join(root, "prisma/migrations", provider);
  mkdirSync(dir, { recursive: true });
  const snapshot = join(dir, "schema.snapshot.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    process.execPath,
    [cli, "migrate", "diff", ...from, "--to-schema-datamodel", schemaPath(provider), "--script"],
    { cwd: root, env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_PROVIDER: provider }, stdio: ["ignore", "pipe", "pipe"] },
  ).toString();
  if (/^-- This is an empty migration\.\s*$/m.test(sql) || sql.trim() === "") {
    console.log(`${provider}: no change`);
    continue;
  }
  const migrationDir = join(dir, `${stamp}_${name}`);
  mkdirSync(migrationDir, { recursive: true });
  writeFileSync(join(migrationDir, "migration.sql"), sql);
  writeFileSync(snapshot, renderSchema(provider, readFileSync(join(root, "prisma/schema.prisma"), "utf8")));
  writeFileSync(join(dir, "migration_lock.toml"), `# Written by scripts/new-migration.ts\nprovider = "${provider}"\n`);
  console.log(`${provider}: wrote ${migrationDir}`);
}
