// What an empty store gets on its first start: the administrator (ADMIN_USERNAME / ADMIN_PASSWORD, or a
// generated password printed once), ADMIN_API_KEY registered for them if given, and the demo domain.
import { randomBytes } from "node:crypto";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { passwordProblem } from "@/lib/auth/password-policy";
import { config, ConfigError } from "@/lib/env/config";
import { log } from "@/lib/log/logger";
import { seedDemoDomain, DEMO_USERS } from "@/lib/setup/demo-domain";
import { isAppError, renderText } from "@/lib/errors/app-error";
import { store } from "@/lib/store/store";
import { createApiKey, createUserAccount } from "@/lib/users/accounts";

function generatedPassword(): string {
  return randomBytes(12).toString("base64url");
}

export async function firstStart(): Promise<void> {
  if ((await store().identity.countUsers()) > 0) return;
  const cfg = config();
  for (const [name, value] of [["ADMIN_PASSWORD", cfg.admin.password], ["DEMO_PASSWORD", cfg.seedDemo ? cfg.demoPassword : undefined]] as const) {
    const problem = value ? passwordProblem(value, { username: name === "ADMIN_PASSWORD" ? cfg.admin.username : null }) : null;
    if (problem) throw new ConfigError(`Invalid environment:\n  ${name}: ${renderText(problem)}`);
  }
  const password = cfg.admin.password ?? generatedPassword();
  let admin;
  try {
    admin = await createUserAccount({ username: cfg.admin.username, password, permissions: PERMISSIONS, first_name: "Administrator" });
  } catch (error) {
    // Another instance sharing this database won the race: it does the rest.
    if (isAppError(error) && error.fieldTexts?.username) return;
    throw error;
  }
  if (cfg.admin.apiKey) {
    await createApiKey({ user_id: admin.user_id, label: "ADMIN_API_KEY", permissions: PERMISSIONS, secret: cfg.admin.apiKey });
  }
  const lines = [
    "",
    "  Data Portal Console — first start",
    `  Administrator login: ${cfg.admin.username}`,
    cfg.admin.password ? "  Password: the one set in ADMIN_PASSWORD" : `  Password: ${password}   (shown once: note it now)`,
  ];
  if (cfg.admin.apiKey) lines.push("  ADMIN_API_KEY is registered as the administrator's API key.");
  if (cfg.seedDemo) {
    const demoPassword = cfg.demoPassword ?? generatedPassword();
    await seedDemoDomain(admin, demoPassword);
    lines.push(
      `  Demo users: ${DEMO_USERS.map((u) => u.username).join(", ")} — password: ${cfg.demoPassword ? "the one set in DEMO_PASSWORD" : demoPassword}`,
    );
  }
  lines.push(`  Open http://localhost:${cfg.port}`, "");
  console.log(lines.join("\n"));
  log.info("first start complete", { admin: cfg.admin.username, demo: cfg.seedDemo });
}
