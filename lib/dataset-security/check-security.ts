// Checks a DatasetSecurity before it is stored, for rulesets and a dataset's default_security alike.
import type { DatasetSecurity } from "@/lib/datasets/schema";
import { AppError, msg } from "@/lib/errors/app-error";
import { isOdsqlError, parseWhere } from "@/lib/explore/odsql";

/** A record filter must be valid ODSQL now, not fail every Explore request of its target later. */
export function checkSecurity(security: DatasetSecurity, path = "security"): DatasetSecurity {
  const filter_query = security.filter_query.trim();
  if (filter_query !== "") {
    try {
      parseWhere(filter_query);
    } catch (error) {
      if (!isOdsqlError(error)) throw error;
      const message = msg("security.errors.filter_query", { detail: error.message.replace(/^Invalid ODSQL in where: /, "") });
      throw new AppError("validation_error", message, { fieldErrors: { [`${path}.filter_query`]: [message] } });
    }
  }
  return { ...security, filter_query };
}
