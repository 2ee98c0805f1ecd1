"use client";
// Asking the server what a source is: the best extractor (guess_extractors) and its parameters
// (guess_extractor_params). One guess at a time: a newer source or extractor choice aborts the running one.
import { useEffect, useRef, useState } from "react";
import { previewErrorMessage } from "@/components/resources/preview-status";
import { ConsoleApiError } from "@/components/api/console-api";
import { guessExtractorParams, guessExtractors, type Datasource } from "@/components/resources/resource-api";
import { useI18n } from "@/lib/i18n/client";

export type Detection =
  | { status: "idle" }
  | { status: "running" }
  /** no extractor fits: the user chooses one */
  | { status: "none" }
  | { status: "error"; message: string; detail: Record<string, string[]> };

type Params = Record<string, unknown>;

export function useExtractorGuess(dataset_uid: string) {
  const { t } = useI18n();
  const [detection, setDetection] = useState<Detection>({ status: "idle" });
  const current = useRef<AbortController | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  /** Runs `work` as the current guess: its value, or undefined when it failed (see `detection`) or was superseded. */
  async function run<T>(work: (signal: AbortSignal) => Promise<T>, isNone: (value: T) => boolean = () => false): Promise<T | undefined> {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setDetection({ status: "running" });
    try {
      const value = await work(controller.signal);
      if (controller.signal.aborted) return undefined;
      setDetection(isNone(value) ? { status: "none" } : { status: "idle" });
      return value;
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      setDetection({ status: "error", message: previewErrorMessage(error, t), detail: error instanceof ConsoleApiError ? error.detail : {} });
      return undefined;
    }
  }

  /**
   * The best extractor for a new source and its parameters. `onType` hears the extractor as soon as it is known,
   * before its parameters; resolves null when no extractor fits.
   */
  function detectFormat(datasource: Datasource, onType: (type: string) => void): Promise<{ type: string; params: Params } | null | undefined> {
    return run(
      async (signal) => {
        const best = (await guessExtractors(dataset_uid, datasource, signal))[0]?.type;
        if (!best || signal.aborted) return null;
        onType(best);
        const { params } = await guessExtractorParams(dataset_uid, datasource, best, signal);
        return { type: best, params };
      },
      (value) => value === null,
    );
  }

  /** The parameters of another extractor for the same source. */
  function guessParams(datasource: Datasource, type: string): Promise<Params | undefined> {
    return run(async (signal) => (await guessExtractorParams(dataset_uid, datasource, type, signal)).params);
  }

  /** Stops the running guess and forgets the last outcome. */
  function reset() {
    current.current?.abort();
    setDetection({ status: "idle" });
  }

  return { detection, detectFormat, guessParams, reset };
}
