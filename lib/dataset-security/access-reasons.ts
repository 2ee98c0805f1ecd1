// Why someone sees a dataset the way they do, in words: one sentence per reason of lib/dataset-security/
// effective-access.ts. Pure, given a translator, so "View as" and the Security tab can say it the same way.
import type { AccessReason, ApiCallsQuota } from "@/lib/dataset-security/effective-access";
import type { Translate } from "@/lib/i18n/translator";

export function reasonSentence(reason: AccessReason, t: Translate): string {
  switch (reason.kind) {
    case "domain_permission":
      return t("view_as.reasons.domain_permission", { permission: reason.permission });
    case "owner":
      return t("view_as.reasons.owner");
    case "ruleset":
      return reason.source.kind === "group" ? t("view_as.reasons.group_ruleset", { title: reason.source.title }) : t("view_as.reasons.own_ruleset");
    case "default_security":
      return t("view_as.reasons.default_security");
    case "restricted_without_ruleset":
      return t("view_as.reasons.restricted_without_ruleset");
  }
}

/** Every reason, deduplicated (two groups with the same title say it once), in the order access listed them. */
export function reasonSentences(reasons: readonly AccessReason[], t: Translate): string[] {
  return [...new Set(reasons.map((r) => reasonSentence(r, t)))];
}

export function quotaText(quota: ApiCallsQuota, t: Translate): string {
  return t("view_as.badges.quota", { limit: quota.limit, unit: t(`view_as.units.${quota.unit}`) });
}
