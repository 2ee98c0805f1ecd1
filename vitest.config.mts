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

// Metadata templates with mandatory fields apply to every dataset of a domain: while these files run, publishes
// elsewhere would be refused. They get a server (and store) of their own, so the other files never see them.
const OWN_SERVER_FILES = ["tests/api/metadata-templates.test.ts", "tests/api/dataset-metadata.test.ts"];

/** The API suites: each project starts its own production server on a fresh store (globalSetup). */
function apiProject(name: string, provider: "sqlite" | "postgresql", files: { include?: string[]; exclude?: string[] }) {
  return {
    resolve,
    test: {
      name,
      include: files.include ?? ["tests/api/**/*.test.ts"],
      exclude: files.exclude ?? [],
      globalSetup: [`tests/api/setup/global-${provider}.ts`],
      setupFiles: ["tests/api/setup/worker-env.ts"],
      testTimeout: 30_000,
      hookTimeout: 90_000,
    },
  };
}

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
      ...(["sqlite", "postgresql"] as const).flatMap((provider) => [
        apiProject(`api-${provider}`, provider, { exclude: OWN_SERVER_FILES }),
        apiProject(`api-${provider}-templates`, provider, { include: OWN_SERVER_FILES }),
      ]),
    ],
  },
});
