import { StatusMessage } from "@/components/app-shell/status-message";
import { getI18n } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getI18n();
  return <StatusMessage title={t("errors.not_found")} body={t("errors.not_found_page")} linkLabel={t("errors.go_home")} />;
}
