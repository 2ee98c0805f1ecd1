// /api/explore/v2.1/… with or without trailing slashes (the client always sends them).
import { AppError } from "@/lib/errors/app-error";
import { createApiHandler, errorResponse } from "@/lib/http/api-handler";
import { exploreEndpoints } from "../../_endpoints";

export const dynamic = "force-dynamic";

const VERSIONS = new Set(["v2.1"]);
const handle = createApiHandler(exploreEndpoints);

type Context = { params: Promise<{ version: string; path?: string[] }> };

async function route(request: Request, context: Context): Promise<Response> {
  const { version, path = [] } = await context.params;
  if (!VERSIONS.has(version)) return errorResponse(new AppError("not_found", `Explore API ${version} is not served here: use v2.1.`));
  return handle(request, "/" + path.map(encodeURIComponent).join("/") + "/");
}

export { route as GET, route as HEAD };
