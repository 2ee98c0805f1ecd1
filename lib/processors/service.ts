import "server-only";
// A dataset's processor stack (Automation API §2.5), applied in order to every record at publish time.
import { listProcessorTypes, validateProcessor } from "@/lib/processors";
import { splitProcessor, type ProcessorWrite } from "@/lib/processors/schema";
import { stackService } from "@/lib/processing/stack-service";
import type { Principal } from "@/lib/auth/principal";
import { store } from "@/lib/store/store";

export const processors = stackService<ProcessorWrite>({
  store: () => store().processors,
  remote: (upstream) => upstream.processors,
  validate: (input) => validateProcessor(splitProcessor(input)),
});

export async function processorTypes(principal: Principal) {
  if (principal.upstream) return principal.upstream.processing.processorTypes();
  return listProcessorTypes();
}
