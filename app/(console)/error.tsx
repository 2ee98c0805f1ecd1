"use client";
import { Button } from "@/components/ui/button";
import { useI18n } from "@/lib/i18n/client";

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="max-w-xl rounded-lg border border-red-200 bg-red-50 p-6">
      <p className="font-medium text-red-800">{error.digest ? t("errors.generic_with_id", { trace_id: error.digest }) : t("errors.generic")}</p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        {t("common.retry")}
      </Button>
    </div>
  );
}
