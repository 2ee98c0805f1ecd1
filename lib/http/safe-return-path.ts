/** A same-site path to return to after sign-in; anything else (absolute URLs, "//host", "/\\host") is refused. */
export function safeReturnPath(value: unknown, fallback = "/datasets"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}
