import "server-only";
// A dataset's field configurations (Automation API §2.6): rename, type, annotate, describe, order, delete —
// applied in order to the fields the extractor and the processors produce. The zod schema has checked them.
import type { FieldConfigurationWrite } from "@/lib/fields/schema";
import { stackService } from "@/lib/processing/stack-service";
import { store } from "@/lib/store/store";

export const fieldConfigurations = stackService<FieldConfigurationWrite>({
  store: () => store().fieldConfigurations,
  remote: (upstream) => upstream.fields,
  validate: ({ type, label, ...params }) => ({ type, label, params }),
});
