import { cache } from "react";
import { notFound } from "next/navigation";
import type { Principal } from "@/lib/auth/principal";
import { isAppError } from "@/lib/errors/app-error";
import { getResource } from "@/lib/resources/service";

/** The resource for a page, or the 404 page when it does not exist in this dataset (or the dataset is out of view). */
export const loadResource = cache(async (principal: Principal, dataset_uid: string, resource_uid: string) => {
  try {
    return await getResource(principal, dataset_uid, resource_uid);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});
