import { cache } from "react";
import { notFound } from "next/navigation";
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
