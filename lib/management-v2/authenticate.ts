// Who calls the Management API v2: HTTP Basic with a console username and password, as its documentation and
// every curl example do (`curl -u user:pass`), or an API key (`Authorization: Apikey …`, `?apikey=`). No session
// cookie: this surface is for scripts, and the console never calls it.
import "server-only";
import { apiKeyFromRequest } from "@/lib/auth/api-key-secret";
import { basicCredentials, principalFromBasic } from "@/lib/auth/basic-auth";
import type { Principal } from "@/lib/auth/principal";
import { AppError, msg } from "@/lib/errors/app-error";
import { principalFromKeyOrRefuse } from "@/lib/http/api-handler";

export async function authenticateManagement(request: Request, url: URL): Promise<Principal | null> {
  const authorization = request.headers.get("authorization");
  const basic = basicCredentials(authorization);
  if (basic === null) throw new AppError("unauthorized", msg("errors.invalid_basic_credentials"), { headers: { "WWW-Authenticate": 'Basic realm="api"' } });
  if (basic) return principalFromBasic(request, basic.username, basic.password);
  const key = apiKeyFromRequest(authorization, url.searchParams);
  if (key !== undefined) return principalFromKeyOrRefuse(key);
  return null;
}
