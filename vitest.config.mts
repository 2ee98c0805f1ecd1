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

// The suites that run again through a console in proxy mode (tests/api/setup/proxy-backend.ts): what a script sees
// of the relayed API must be what it sees of the upstream itself. The others test what the proxy does not relay
// (the embedded sign-in, users' sessions) or what has tests of its own in tests/api/proxy/.
const RELAYED_SUITES = ["datasets", "resources", "processing", "publishing", "dataset-security", "explore", "groups", "users", "api-keys", "explore-geo", "explore-timezone", "dcat", "health", "cross-surface", "malformed-input"].map((name) => `tests/api/${name}.test.ts`);

/** The API suites: each project starts its own production server on a fresh store (globalSetup). */
function apiProject(name: string, setup: string, files: { include?: string[]; exclude?: string[] }) {
  return {
    resolve,
    test: {
      name,
      include: files.include ?? ["tests/api/**/*.test.ts"],
      exclude: [...(files.include ? [] : ["tests/api/proxy/**", "tests/api/proxy-official/**"]), ...(files.exclude ?? [])],
      globalSetup: [`tests/api/setup/global-${setup}.ts`],
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
      // the Management API v2 is not relayed but served from the services, which act through the upstream
      apiProject("api-proxy", "proxy", { include: [...RELAYED_SUITES, "tests/api/proxy/**/*.test.ts", "tests/api/management-v2/**/*.test.ts"] }),
      apiProject("api-proxy-templates", "proxy", { include: OWN_SERVER_FILES }),
      apiProject("api-proxy-official", "proxy-official", { include: ["tests/api/proxy-official/**/*.test.ts"] }),
    ],
  },
});
