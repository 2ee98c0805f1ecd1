// The Explore API's entry, shared by the Next route (app/api/explore/[version]/[[...path]]) and the production
// server's fast path (server/explore-fast-path.ts), so both answer exactly the same.
import { AppError } from "@/lib/errors/app-error";
import { createApiHandler, errorResponse, type TranslatorFor } from "@/lib/http/api-handler";
import { exploreEndpoints } from "./index";

const VERSIONS = new Set(["v2.1"]);
const handle = createApiHandler(exploreEndpoints);

/**
 * `path`: the decoded segments after /api/explore/{version}/ (trailing slashes or not: the client sends them).
 * `translatorFor`: the console's language for its own requests (Next's route); English otherwise.
 */
export async function handleExplore(request: Request, version: string, path: readonly string[], translatorFor?: TranslatorFor): Promise<Response> {
  if (!VERSIONS.has(version)) return errorResponse(new AppError("not_found", `Explore API ${version} is not served here: use v2.1.`));
  return handle(request, "/" + path.map(encodeURIComponent).join("/") + "/", translatorFor);
}
