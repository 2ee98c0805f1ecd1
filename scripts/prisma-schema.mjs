// Renders prisma/schema.prisma (written for SQLite) for each provider we support.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const providers = ["sqlite", "postgresql"];

const placeholderUrl = {
  sqlite: "file:./placeholder.db",
  postgresql: "postgresql://placeholder@localhost:5432/placeholder",
};

export function renderSchema(provider, source = readFileSync(join(root, "prisma/schema.prisma"), "utf8")) {
  return source
    .replace(/provider\s*=\s*"sqlite"/, `provider = "${provider}"`)
    .replace(/url\s*=\s*"file:\.\/placeholder\.db"/, `url      = "${placeholderUrl[provider]}"`)
    .replace(/output\s*=\s*"\.\.\/lib\/db\/generated\/sqlite"/, `output     = "../../../lib/db/generated/${provider}"`);
}

export function schemaPath(provider) {
  return join(root, "prisma/generated", provider, "schema.prisma");
}

export function writeSchemas() {
  for (const provider of providers) {
    const file = schemaPath(provider);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, renderSchema(provider));
  }
}
