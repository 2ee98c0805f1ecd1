// Secrets this console must keep but never show (the upstream API key of a proxy-mode session): AES-256-GCM under a
// key derived from the auth secret, so a copy of the database alone reveals nothing, and a box altered in the
// database fails to open instead of yielding another secret.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/auth/auth-secret";

const VERSION = "v1";

function boxKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "data-portal-console", `secret-box/${purpose}`, 32));
}

/** `purpose` separates keys: a box made for one use never opens for another. */
export function sealSecret(purpose: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", boxKey(purpose), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

/** The secret, or null for a box that was altered, sealed under another auth secret or for another purpose. */
export function openSecret(purpose: string, box: string): string | null {
  const [version, iv, tag, sealed] = box.split(".");
  if (version !== VERSION || !iv || !tag || sealed === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", boxKey(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
