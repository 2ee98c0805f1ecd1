// The accounts of the e2e store: the administrator and the demo users of lib/setup/demo-domain.ts, with
// passwords fixed through the environment of the server under test.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const ADMIN_API_KEY = "e2e0".repeat(10);
const ADMIN_PASSWORD = "e2e-admin-password";
const DEMO_PASSWORD = "e2e-demo-password";

export const e2eServerEnv: Record<string, string> = {
  PORT: String(E2E_PORT),
  DATA_DIR: "test-results/e2e-data",
  ADMIN_PASSWORD,
  ADMIN_API_KEY,
  DEMO_PASSWORD,
  SEED_DEMO: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  LOG_LEVEL: "warn",
};

export type Account = { username: string; password: string };

export const accounts = {
  /** every permission */
  admin: { username: "admin", password: ADMIN_PASSWORD },
  /** group "Data publishers": create_dataset, edit_dataset, publish_dataset — edits every dataset, deletes none but its own */
  publisher: { username: "publisher", password: DEMO_PASSWORD },
  /** group "Reviewers": explore_restricted_dataset — reads every dataset, changes none */
  reviewer: { username: "reviewer", password: DEMO_PASSWORD },
  /** create_dataset only — sees and changes only the datasets they created */
  contributor: { username: "contributor", password: DEMO_PASSWORD },
} satisfies Record<string, Account>;
