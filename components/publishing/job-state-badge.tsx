"use client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PublishJob } from "@/components/publishing/publishing-api";
import { useI18n } from "@/lib/i18n/client";

const STATE_TONE: Record<PublishJob["state"], BadgeTone> = {
  queued: "blue",
  running: "blue",
  succeeded: "green",
  failed: "red",
  aborted: "amber",
  limit_reached: "amber",
};

/** A publish job's state. */
export function JobStateBadge({ state }: { state: PublishJob["state"] }) {
  const { t } = useI18n();
  return <Badge tone={STATE_TONE[state]}>{t(`publishing_pages.job_state.${state}`)}</Badge>;
}
