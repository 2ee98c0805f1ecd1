import { randomBytes, randomInt } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Automation API identifiers: `<prefix>_<6 lowercase alphanumerics>` (da_qf2hyt). Callers retry on collision. */
export function newUid(prefix: "da" | "fi" | "re" | "pr" | "pj" | "sc" | "ch" | "ae" | "at" | "ak" | "co" | "sp" | "df" | "us"): string {
  let out = `${prefix}_`;
  for (let i = 0; i < 6; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** A random token as hex; 32 bytes (256 bits) unless told otherwise. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("hex");
}
