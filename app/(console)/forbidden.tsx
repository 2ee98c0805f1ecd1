import { StatusMessage } from "@/components/app-shell/status-message";
import { getI18n } from "@/lib/i18n/server";

export default async function Forbidden() {
  const { t } = await getI18n();
  return <StatusMessage title={t("errors.forbidden")} body={t("errors.forbidden_page")} linkLabel={t("errors.go_home")} />;
}
