import { cache } from "react";
import { notFound } from "next/navigation";
import { currentPrincipal } from "@/lib/auth/current-principal";
import type { Principal } from "@/lib/auth/principal";
import { isAppError } from "@/lib/errors/app-error";
import { getDataset } from "@/lib/datasets/service";

/** The dataset for a page, or the 404 page when it does not exist or is outside the user's view. */
export const loadDataset = cache(async (principal: Principal, uid: string) => {
  try {
    return await getDataset(principal, uid);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});

export type LoadedDataset = Awaited<ReturnType<typeof loadDataset>>;

/** What pages call a dataset: its title, or its dataset_id when it has none. */
export function datasetTitle(dataset: LoadedDataset): string {
  return String(dataset.metadata.default?.title?.value ?? dataset.dataset_id);
}

/** For generateMetadata: the dataset's title, or null when nobody is signed in (the page itself then redirects). */
export async function datasetTitleForMetadata(dataset_uid: string): Promise<string | null> {
  const principal = await currentPrincipal();
  if (!principal) return null;
  return datasetTitle(await loadDataset(principal, dataset_uid));
}
