"use client";
// React Query over the Explore API: one hook per endpoint. A page keeps showing while the next one loads;
// a refused query (a bad where) is not retried.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getExploreDataset, queryFacets, queryRecords, type RecordsFilter } from "@/components/explore/explore-api";

export const exploreKeys = {
  dataset: (dataset_id: string) => ["explore", dataset_id] as const,
  records: (dataset_id: string, filter: RecordsFilter, page: { limit: number; offset: number }) => ["explore", dataset_id, "records", filter, page] as const,
  facets: (dataset_id: string, fields: string[], filter: RecordsFilter) => ["explore", dataset_id, "facets", fields, filter] as const,
};

const noRetryOnRefusal = (failures: number, error: Error) => failures < 1 && !("status" in error && Number((error as { status: number }).status) >= 400);

export function useExploreDataset(dataset_id: string) {
  return useQuery({
    queryKey: exploreKeys.dataset(dataset_id),
    queryFn: ({ signal }) => getExploreDataset(dataset_id, signal),
    staleTime: 60_000,
    retry: noRetryOnRefusal,
  });
}

export function useExploreRecords(dataset_id: string, filter: RecordsFilter, page: { limit: number; offset: number }, enabled: boolean) {
  return useQuery({
    queryKey: exploreKeys.records(dataset_id, filter, page),
    queryFn: ({ signal }) => queryRecords(dataset_id, filter, page, signal),
    enabled,
    placeholderData: keepPreviousData,
    retry: noRetryOnRefusal,
  });
}

export function useExploreFacets(dataset_id: string, fields: string[], filter: RecordsFilter, limit: number) {
  const facetFilter = { ...filter, order_by: null };
  return useQuery({
    queryKey: exploreKeys.facets(dataset_id, fields, facetFilter),
    queryFn: ({ signal }) => queryFacets(dataset_id, fields, facetFilter, limit, signal),
    enabled: fields.length > 0,
    placeholderData: keepPreviousData,
    retry: noRetryOnRefusal,
  });
}
