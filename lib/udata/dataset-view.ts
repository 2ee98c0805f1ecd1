import "server-only";
// A dataset as a udata answer shows it: with its resources, as far as the caller may see them (its editors see a
// deleted one whole; anonymous readers see public datasets).
import type { Principal } from "@/lib/auth/principal";
import { listPublicResources } from "@/lib/datasets/public-datasets";
import type { Dataset } from "@/lib/datasets/schema";
import { resourcesInOrOutOfTrash } from "@/lib/datasets/trash";
import { isAppError } from "@/lib/errors/app-error";
import type { ResourceRecord } from "@/lib/resources/schema";
import { listResources } from "@/lib/resources/service";
import { presentDataset } from "@/lib/udata/present";
import type { UdataDataset } from "@/lib/udata/schema";

const ALL = { limit: 1000, offset: 0 };

export async function datasetResources(principal: Principal | null, dataset: Dataset): Promise<ResourceRecord[]> {
  if (!principal) return (await listPublicResources(dataset.uid, ALL)).results;
  if (principal.upstream) return (await listResources(principal, dataset.uid, ALL)).results;
  try {
    return await resourcesInOrOutOfTrash(principal, dataset.uid);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return (await listPublicResources(dataset.uid, ALL)).results;
    throw error;
  }
}

export async function udataDataset(principal: Principal | null, dataset: Dataset, origin: string): Promise<UdataDataset> {
  return presentDataset(dataset, await datasetResources(principal, dataset), origin);
}
