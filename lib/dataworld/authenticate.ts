import "server-only";
// data.world scripts authenticate with `Authorization: Bearer <token>`; here the token is one of our API keys,
// with its owner's rights narrowed to its own, as on the Automation API.
import type { Principal } from "@/lib/auth/principal";
import { AppError, msg } from "@/lib/errors/app-error";
import { principalFromKeyOrRefuse } from "@/lib/http/api-handler";

// data.world's own example puts the header in single quotes ('Authorization: Bearer ${DW_API_TOKEN}'), which
// sends the variable's name rather than its value: say so rather than just "invalid key".
const UNEXPANDED_VARIABLE = /^\$(\{\w+\}|\w+)$/;

/** The caller, or null without an Authorization header; a header that is not a usable bearer token is refused. */
export async function authenticateBearer(request: Request): Promise<Principal | null> {
  const header = request.headers.get("authorization");
  if (header === null) return null;
  const token = /^\s*bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!token) throw new AppError("unauthorized", msg("dataworld.bearer_expected"));
  if (UNEXPANDED_VARIABLE.test(token)) throw new AppError("unauthorized", msg("dataworld.unexpanded_token", { token }));
  return principalFromKeyOrRefuse(token);
}
