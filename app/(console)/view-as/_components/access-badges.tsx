// What narrows a subject's view of one dataset, at a glance: restriction, record filter, hidden fields, hidden
// data, quota — or "Everything" when nothing does.
import { Badge } from "@/components/ui/badge";
import { quotaText } from "@/lib/dataset-security/access-reasons";
import type { ViewedDataset } from "@/lib/dataset-security/view-as";
import type { Translate } from "@/lib/i18n/translator";

export function AccessBadges({ view, t }: { view: ViewedDataset; t: Translate }) {
  const { access, is_restricted } = view.dataset;
  const hidden = view.hidden_fields.length;
  const badges = [
    is_restricted ? <Badge key="restricted" tone="blue">{t("view_as.badges.restricted")}</Badge> : null,
    !access.is_data_visible ? (
      <Badge key="data" tone="red">
        {t("view_as.badges.data_hidden")}
      </Badge>
    ) : null,
    access.is_data_visible && access.record_filters !== null ? (
      <Badge key="filtered" tone="amber">
        {t("view_as.badges.filtered")}
      </Badge>
    ) : null,
    access.is_data_visible && hidden > 0 ? (
      <Badge key="fields" tone="amber">
        {hidden === 1 ? t("view_as.badges.hidden_field_one") : t("view_as.badges.hidden_fields", { count: hidden })}
      </Badge>
    ) : null,
    access.api_calls_quota ? <Badge key="quota">{quotaText(access.api_calls_quota, t)}</Badge> : null,
  ].filter((b) => b !== null);
  return <div className="flex flex-wrap gap-1">{badges.length ? badges : <Badge tone="green">{t("view_as.badges.full")}</Badge>}</div>;
}
