import "server-only";
// The one wrapper every server action goes through: the signed-in user (from our session table), the domain
// permission the action declares, input parsed by the resource's zod schema, and a typed result that forms map
// onto their fields. Expected failures are returned; unexpected ones are logged with an id.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { currentPrincipal } from "@/lib/auth/current-principal";
import type { Principal } from "@/lib/auth/principal";
import type { Permission } from "@/lib/auth/permissions";
import { AppError, isAppError, msg, type ErrorCode, type FieldErrors } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/zod-messages";
import { getI18n } from "@/lib/i18n/server";
import { log } from "@/lib/log/logger";

export type ActionError = { code: ErrorCode; message: string; fieldErrors?: FieldErrors };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export async function runAction<S extends z.ZodType, T>(
  options: { name: string; schema: S; input: unknown; anyOf?: readonly Permission[] },
  perform: (principal: Principal, input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const { t } = await getI18n();
  try {
    const principal = await currentPrincipal();
    if (!principal) throw new AppError("unauthorized", msg("errors.session_required"));
    if (options.anyOf && !options.anyOf.some((p) => principal.permissions.has(p))) {
      throw new AppError("forbidden", msg("errors.forbidden"));
    }
    const input = parseInput(options.schema, options.input, t);
    return { ok: true, data: await perform(principal, input) };
  } catch (error) {
    if (isAppError(error)) {
      return { ok: false, error: { code: error.code, message: error.localizedMessage(t), fieldErrors: error.fieldErrors(t) } };
    }
    const trace_id = randomUUID();
    log.error("unhandled server action error", { action: options.name, trace_id, error });
    return { ok: false, error: { code: "internal_error", message: t("errors.generic_with_id", { trace_id }) } };
  }
}

/**
 * For the few actions open to signed-out visitors (accepting an invitation): input parsed the same way, the same
 * typed result, and no principal. Each must be listed as public in tests/unit/access-inventory.test.ts.
 */
export async function runPublicAction<S extends z.ZodType, T>(
  options: { name: string; schema: S; input: unknown },
  perform: (input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const { t } = await getI18n();
  try {
    return { ok: true, data: await perform(parseInput(options.schema, options.input, t)) };
  } catch (error) {
    if (isAppError(error)) {
      return { ok: false, error: { code: error.code, message: error.localizedMessage(t), fieldErrors: error.fieldErrors(t) } };
    }
    const trace_id = randomUUID();
    log.error("unhandled server action error", { action: options.name, trace_id, error });
    return { ok: false, error: { code: "internal_error", message: t("errors.generic_with_id", { trace_id }) } };
  }
}
