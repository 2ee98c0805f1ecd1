// What a new password must be (NIST SP 800-63B §3.1.1.2): at least 8 characters, at most 256, and none of the
// 10,000 most common passwords (common-passwords.json), compared case-insensitively. No composition rules.
// Applied wherever a password is set: invitation acceptance, ADMIN_PASSWORD / DEMO_PASSWORD, accounts created in code.
import type { Msg } from "@/lib/errors/app-error";
import common from "@/lib/auth/common-passwords.json";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy-limits";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

let commonSet: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  commonSet ??= new Set(common.passwords.map((p) => p.toLowerCase()));
  return commonSet.has(password.normalize("NFKC").toLowerCase());
}

/** Why `password` may not be used (null: it may). Lengths count characters, not UTF-16 units. */
export function passwordProblem(password: string, context: { username?: string | null } = {}): Msg | null {
  const length = [...password.normalize("NFKC")].length;
  if (length < PASSWORD_MIN_LENGTH) return { key: "validation.too_short", vars: { minimum: PASSWORD_MIN_LENGTH } };
  if (length > PASSWORD_MAX_LENGTH) return { key: "validation.too_long", vars: { maximum: PASSWORD_MAX_LENGTH } };
  if (password.includes("\u0000")) return { key: "validation.nul_character" };
  if (isCommonPassword(password)) return { key: "identity.password.too_common" };
  if (context.username && password.normalize("NFKC").toLowerCase() === context.username.toLowerCase()) return { key: "identity.password.same_as_username" };
  return null;
}
