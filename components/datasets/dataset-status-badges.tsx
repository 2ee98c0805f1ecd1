"use client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DatasetStatusName } from "@/lib/datasets/schema";
import { useI18n } from "@/lib/i18n/client";

const STATE_TONE: Record<DatasetStatusName, BadgeTone> = {
  idle: "gray",
  queued: "blue",
  processing: "blue",
  deleting: "blue",
  saving_version: "blue",
  aborting_processing: "amber",
  limit_reached: "amber",
  error: "red",
};

/** Published/unpublished, the processing state when it is not at rest (always, with `showIdle`), and the restriction. */
export function DatasetStatusBadges({
  isPublished,
  status,
  isRestricted,
  showIdle = false,
}: {
  isPublished: boolean;
  status: DatasetStatusName;
  isRestricted?: boolean;
  showIdle?: boolean;
}) {
  const { t } = useI18n();
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={isPublished ? "green" : "gray"}>{isPublished ? t("datasets.state.published") : t("datasets.state.unpublished")}</Badge>
      {status !== "idle" || showIdle ? <Badge tone={STATE_TONE[status]}>{t(`datasets.state.${status}`)}</Badge> : null}
      {isRestricted ? <Badge tone="amber">{t("datasets.state.restricted")}</Badge> : null}
    </span>
  );
}
