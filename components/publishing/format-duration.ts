// Durations and rates as people read them, in the reader's language, with Intl's own unit names.

const unit = (locale: string, name: "hour" | "minute" | "second", value: number, fractionDigits = 0) =>
  new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short", maximumFractionDigits: fractionDigits }).format(value);

/** 4200 → "4.2 sec", 65000 → "1 min 5 sec", 3_900_000 → "1 hr 5 min" (English; other languages alike). */
export function formatDuration(ms: number, locale: string): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return unit(locale, "second", seconds < 10 ? Math.floor(seconds * 10) / 10 : Math.floor(seconds), 1);
  const total = Math.floor(seconds);
  if (total < 3600) return `${unit(locale, "minute", Math.floor(total / 60))} ${unit(locale, "second", total % 60)}`;
  return `${unit(locale, "hour", Math.floor(total / 3600))} ${unit(locale, "minute", Math.floor((total % 3600) / 60))}`;
}

/** The time a job ran: until it finished, or until `now` while it runs; null before it started. */
export function jobElapsed(job: { started_at: string | null; finished_at: string | null }, now: number | null): number | null {
  if (!job.started_at) return null;
  const end = job.finished_at ? Date.parse(job.finished_at) : now;
  return end === null ? null : Math.max(0, end - Date.parse(job.started_at));
}
