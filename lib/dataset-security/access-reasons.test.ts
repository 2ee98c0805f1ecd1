import { describe, expect, it } from "vitest";
import { quotaText, reasonSentence, reasonSentences } from "@/lib/dataset-security/access-reasons";
import type { AccessReason } from "@/lib/dataset-security/effective-access";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { createTranslator } from "@/lib/i18n/translator";

const t = createTranslator(en);
const group = (title: string, group_uid = title.toLowerCase()): AccessReason => ({ kind: "ruleset", source: { kind: "group", group_uid, title } });

describe("access reasons in words", () => {
  it("says each reason", () => {
    expect(reasonSentence(group("Data publishers"), t)).toBe("Granted by group Data publishers");
    expect(reasonSentence({ kind: "ruleset", source: { kind: "user" } }, t)).toBe("Own ruleset");
    expect(reasonSentence({ kind: "default_security" }, t)).toBe("Default security of the dataset");
    expect(reasonSentence({ kind: "domain_permission", permission: "explore_restricted_dataset" }, t)).toBe("Domain permission: explore_restricted_dataset");
    expect(reasonSentence({ kind: "owner" }, t)).toBe("Creator of the dataset");
    expect(reasonSentence({ kind: "restricted_without_ruleset" }, t)).toBe("Restricted, and no ruleset grants it to them");
  });

  it("says it in French too", () => {
    expect(reasonSentence(group("Relecteurs"), createTranslator(fr))).toBe("Accordé par le groupe Relecteurs");
  });

  it("keeps the order of the reasons and says each sentence once", () => {
    const reasons: AccessReason[] = [{ kind: "ruleset", source: { kind: "user" } }, group("A"), group("A", "a2"), group("B")];
    expect(reasonSentences(reasons, t)).toEqual(["Own ruleset", "Granted by group A", "Granted by group B"]);
  });

  it("says a quota with its unit", () => {
    expect(quotaText({ limit: 100, unit: "hour" }, t)).toBe("Quota: 100 per hour");
    expect(quotaText({ limit: 5, unit: "month" }, createTranslator(fr))).toBe("Quota : 5 par mois");
  });
});
