// The keyed result of the bulk endpoints (invite, provision, group batch add): { "0": { status_code, data | error } }.
// Each item succeeds or fails on its own; unexpected errors still fail the whole request.
import { isAppError } from "@/lib/errors/app-error";
import type { BulkResult, User } from "@/lib/users/schema";

type Success = User & { invitation_url?: string };

export async function bulkResult(items: unknown[], perform: (item: unknown, index: number) => Promise<Success>): Promise<BulkResult> {
  const result: BulkResult = {};
  // one at a time: items may name the same user or email, and the later one must see the earlier one
  for (const [index, item] of items.entries()) {
    try {
      result[String(index)] = { status_code: "success", data: await perform(item, index) };
    } catch (error) {
      if (!isAppError(error)) throw error;
      const detail = error.fieldErrors();
      result[String(index)] = { status_code: "error", error: { error_code: error.code, message: error.message, ...(detail ? { detail } : {}) } };
    }
  }
  return result;
}
