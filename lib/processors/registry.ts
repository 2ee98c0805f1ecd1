// The processor types this server offers, in the order the console lists them.
import { geoPointFromLatLon } from "@/lib/processors/families/geo";
import { parseDate } from "@/lib/processors/families/date";
import { skipRecords } from "@/lib/processors/families/filter";
import { expression, normalizeNumber } from "@/lib/processors/families/numbers";
import { defaultValue, setValue } from "@/lib/processors/families/set-values";
import { concatenate, extractRegexp, regexpReplace, split, stringReplace } from "@/lib/processors/families/text";
import type { ProcessorDefinition } from "@/lib/processors/types";

export const PROCESSORS: readonly ProcessorDefinition[] = [
  stringReplace,
  regexpReplace,
  setValue,
  defaultValue,
  concatenate,
  split,
  extractRegexp,
  normalizeNumber,
  parseDate,
  expression,
  geoPointFromLatLon,
  skipRecords,
];

const BY_TYPE = new Map(PROCESSORS.map((definition) => [definition.info.type, definition]));

export const PROCESSOR_TYPES = PROCESSORS.map((definition) => definition.info.type);

/** The definition of a type, if it exists (a Map: "constructor" or "__proto__" are not types). */
export const definitionOf = (type: unknown): ProcessorDefinition | undefined => (typeof type === "string" ? BY_TYPE.get(type) : undefined);
