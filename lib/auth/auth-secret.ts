// The key that signs and encrypts session cookies: AUTH_SECRET / NEXTAUTH_SECRET, or one generated on first
// start and kept in DATA_DIR so sessions survive restarts. Several instances must share one: set the variable.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { config } from "@/lib/env/config";

let secret: string | undefined;

export function authSecret(): string {
  if (secret) return secret;
  const configured = config().authSecret;
  if (configured) return (secret = configured);
  const file = join(config().dataDir, "auth-secret");
  try {
    secret = readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return secret;
  } catch {
    // first start: create it below
  }
  mkdirSync(config().dataDir, { recursive: true });
  const fresh = randomBytes(32).toString("base64url");
  try {
    // "wx": if another process created it meanwhile, keep theirs.
    writeFileSync(file, fresh + "\n", { mode: 0o600, flag: "wx" });
    secret = fresh;
  } catch {
    secret = readFileSync(file, "utf8").trim();
  }
  return secret;
}
