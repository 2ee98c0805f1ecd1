// postinstall: generate one Prisma client per provider from the single schema source.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { providers, root, schemaPath, writeSchemas } from "./prisma-schema.mjs";

writeSchemas();
const cli = join(root, "node_modules/prisma/build/index.js");
for (const provider of providers) {
  try {
    execFileSync(process.execPath, [cli, "generate", "--schema", schemaPath(provider)], {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_PROVIDER: provider },
    });
  } catch (error) {
    process.stderr.write(String(error.stdout ?? "") + String(error.stderr ?? ""));
    throw error;
  }
}
console.log(`prisma: generated clients for ${providers.join(", ")}`);
