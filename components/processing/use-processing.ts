"use client";
// React Query over the processing API: the two saved lists (seeded by the page, refetched after every change)
// and the per-step preview of a configuration, keyed by the configuration itself and asked ~300 ms after its
// last change. The preview always sends the stack it shows — saved or being edited — so that a preview can
// never describe another order than the one on screen (an optimistic reorder, a save still in flight).
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDebouncedValue } from "@/components/resources/use-resource-preview";
import {
  listFieldConfigurations,
  listProcessors,
  previewProcessing,
  type DatasetProcessor,
  type FieldConfiguration,
  type FieldConfigurationWrite,
  type ProcessorWrite,
} from "@/components/processing/processing-api";

export const PROCESSING_DEBOUNCE_MS = 300;

export const processingKeys = {
  all: (dataset_uid: string) => ["datasets", dataset_uid, "processing"] as const,
  processors: (dataset_uid: string) => ["datasets", dataset_uid, "processing", "processors"] as const,
  fields: (dataset_uid: string) => ["datasets", dataset_uid, "processing", "fields"] as const,
  preview: (dataset_uid: string, config: unknown) => ["datasets", dataset_uid, "processing", "preview", config] as const,
};

export function useProcessorList(dataset_uid: string, initialData: DatasetProcessor[]) {
  return useQuery({
    queryKey: processingKeys.processors(dataset_uid),
    queryFn: ({ signal }) => listProcessors(dataset_uid, signal),
    initialData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

export function useFieldConfigurationList(dataset_uid: string, initialData: FieldConfiguration[]) {
  return useQuery({
    queryKey: processingKeys.fields(dataset_uid),
    queryFn: ({ signal }) => listFieldConfigurations(dataset_uid, signal),
    initialData,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

export type PreviewConfig = { processors: ProcessorWrite[]; fields: FieldConfigurationWrite[] };

export function useProcessingPreview(dataset_uid: string, config: PreviewConfig, enabled = true) {
  const { value: debounced, settled } = useDebouncedValue(config, PROCESSING_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: processingKeys.preview(dataset_uid, debounced),
    queryFn: ({ signal }) => previewProcessing(dataset_uid, debounced, signal),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
  return { query, waiting: !settled || (query.isFetching && query.isPlaceholderData) };
}

/** After a change: the saved lists again (the previews are keyed by their content and need nothing). */
export function useRefreshLists(dataset_uid: string) {
  const queryClient = useQueryClient();
  return {
    processors: () => queryClient.invalidateQueries({ queryKey: processingKeys.processors(dataset_uid) }),
    fields: () => queryClient.invalidateQueries({ queryKey: processingKeys.fields(dataset_uid) }),
  };
}
