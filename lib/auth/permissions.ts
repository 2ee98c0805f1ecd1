// The permission vocabulary of the Automation API: the `Permission` enum of the official document (API-CONTRACT.md
// §2.0 lists 14 values + the two form permissions; the official enum adds five for external assets, the glossary
// and showcase requests). Importable anywhere: zod only.
import { z } from "zod";

export const PERMISSIONS = [
  "edit_domain",
  "create_page",
  "edit_page",
  "manage_page",
  "explore_restricted_page",
  "create_dataset",
  "edit_dataset",
  "publish_dataset",
  "manage_dataset",
  "explore_restricted_dataset",
  "edit_reuse",
  "manage_subdomains",
  "explore_monitoring",
  "edit_theme",
  "edit_form",
  "submit_private_form",
  "create_external_asset",
  "edit_external_asset",
  "explore_restricted_external_asset",
  "manage_glossary",
  "manage_showcase_requests",
] as const;

export const permissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof permissionSchema>;

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** Permissions a dataset ruleset can grant on one dataset. */
export const DATASET_PERMISSIONS = ["explore_restricted_dataset", "edit_dataset", "publish_dataset", "manage_dataset"] as const;

/** The permission that manages users, groups, API keys of others and the domain itself. */
export const ADMINISTRATION_PERMISSION = "edit_domain" satisfies Permission;
