// Which columns a Prisma unique-constraint error (P2002) is about. The shape of `meta` differs between the
// native engine and driver adapters (and between SQLite and PostgreSQL), so look in every known place.
export function uniqueViolationFields(error: unknown): string[] | null {
  const e = error as { code?: string; meta?: Record<string, unknown>; message?: string } | null;
  if (!e || e.code !== "P2002") return null;
  const meta = e.meta ?? {};
  const target = meta.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === "string") return [target];
  const cause = (meta.driverAdapterError as { cause?: { constraint?: { fields?: string[]; index?: string } } } | undefined)?.cause;
  if (cause?.constraint?.fields) return cause.constraint.fields.map((f) => f.replace(/"/g, ""));
  if (cause?.constraint?.index) return [cause.constraint.index];
  return [e.message ?? ""];
}

export function isUniqueViolationOn(error: unknown, field: string): boolean {
  const fields = uniqueViolationFields(error);
  return !!fields && fields.some((f) => f === field || f.includes(field));
}
