import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
// Tests run the service layer in plain Node, where "server-only" would throw: it guards the browser bundle only.
const resolve = {
  alias: [
    { find: /^@\//, replacement: `${root}/` },
    { find: /^server-only$/, replacement: `${root}/tests/support/empty/server-only.ts` },
  ],
};

export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "tests/unit/**/*.test.ts"],
          environment: "node",
          testTimeout: 20_000,
        },
      },
      {
        resolve,
        test: {
          name: "api-sqlite",
          include: ["tests/api/**/*.test.ts"],
          globalSetup: ["tests/api/setup/global-sqlite.ts"],
          setupFiles: ["tests/api/setup/worker-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
      {
        resolve,
        test: {
          name: "api-postgresql",
          include: ["tests/api/**/*.test.ts"],
          globalSetup: ["tests/api/setup/global-postgresql.ts"],
          setupFiles: ["tests/api/setup/worker-env.ts"],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
