import "server-only";
// The console's own API requests get their error messages in the user's language (saved preference, language
// cookie or browser); scripts and other clients get the vendor's English, which their code may match on. It
// reads Next's request scope, so Next's routes pass it to the API handler; the production server's Explore
// path never sees console requests (server/explore-fast-path.ts).
import { CONSOLE_HEADER, type TranslatorFor } from "@/lib/http/api-handler";
import { getI18n } from "@/lib/i18n/server";

export const consoleTranslator: TranslatorFor = async (request) => {
  if (request.headers.get(CONSOLE_HEADER) !== "1") return undefined;
  try {
    return (await getI18n()).t;
  } catch {
    return undefined;
  }
};
