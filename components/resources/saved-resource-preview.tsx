"use client";
// The saved resource's first records (GET …/{resource_uid}/preview/), for everyone who may view the dataset.
import { useQuery } from "@tanstack/react-query";
import { PreviewPanel } from "@/components/resources/preview-panel";
import { previewSaved } from "@/components/resources/resource-api";

export function SavedResourcePreview({ dataset_uid, resource_uid }: { dataset_uid: string; resource_uid: string }) {
  const query = useQuery({
    queryKey: ["datasets", dataset_uid, "resources", "preview", { resource_uid }],
    queryFn: ({ signal }) => previewSaved(dataset_uid, resource_uid, signal),
    retry: false,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
  return <PreviewPanel data={query.data} error={query.error} loading={query.isPending} updating={query.isFetching && !query.isPending} />;
}
