// Every server action (lib/**/actions.ts), with the service function(s) it delegates to and the API operation that
// reaches the same function: the authorization decision lives in the service, so the matrix proves it through
// HTTP. Actions without an API counterpart say what they require, and are listed as console-only.
import type { Permission } from "@/lib/auth/permissions";

export type ServiceCall = {
  /** as the action's body calls it: `createDataset`, `processors.create` */
  fn: string;
  /** the matrix entry (an API operation) whose handler reaches the same service function */
  via: string;
  /** when the endpoint reaches `fn` through another function of the same module */
  through?: string;
};

export type ActionEntry =
  | { anyOf?: readonly Permission[]; calls: ServiceCall[] }
  | {
      /** why there is no API operation for it, and what guards it instead */
      consoleOnly: string;
      anyOf?: readonly Permission[];
      /** the service functions it calls (checked in the action's body) */
      fns: string[];
      /** the check the first of `fns` makes, as its source spells it */
      guard: string;
      /** `runPublicAction` or no wrapper: what stands in for the principal */
      public?: string;
    };

const ADMIN = ["edit_domain"] as const;

export const actionMatrix: Record<string, ActionEntry> = {
  createDatasetAction: { anyOf: ["create_dataset"], calls: [{ fn: "createDataset", via: "POST /datasets/" }] },
  updateDatasetAction: { calls: [{ fn: "updateDataset", via: "PUT /datasets/{dataset_uid}/" }] },
  deleteDatasetAction: { calls: [{ fn: "deleteDataset", via: "DELETE /datasets/{dataset_uid}/" }] },

  createResourceAction: { calls: [{ fn: "createResource", via: "POST /datasets/{dataset_uid}/resources/" }] },
  updateResourceAction: { calls: [{ fn: "updateResource", via: "PUT /datasets/{dataset_uid}/resources/{resource_uid}/" }] },
  deleteResourceAction: { calls: [{ fn: "deleteResource", via: "DELETE /datasets/{dataset_uid}/resources/{resource_uid}/" }] },

  createProcessorAction: { calls: [{ fn: "processors.create", via: "POST /datasets/{dataset_uid}/processors/" }] },
  updateProcessorAction: { calls: [{ fn: "processors.update", via: "PUT /datasets/{dataset_uid}/processors/{processor_uid}/" }] },
  deleteProcessorAction: { calls: [{ fn: "processors.remove", via: "DELETE /datasets/{dataset_uid}/processors/{processor_uid}/" }] },
  reorderProcessorsAction: { calls: [{ fn: "processors.reorder", via: "POST /datasets/{dataset_uid}/processors/reorder/" }] },
  createFieldConfigurationAction: { calls: [{ fn: "fieldConfigurations.create", via: "POST /datasets/{dataset_uid}/fields/" }] },
  updateFieldConfigurationAction: { calls: [{ fn: "fieldConfigurations.update", via: "PUT /datasets/{dataset_uid}/fields/{field_uid}/" }] },
  deleteFieldConfigurationAction: { calls: [{ fn: "fieldConfigurations.remove", via: "DELETE /datasets/{dataset_uid}/fields/{field_uid}/" }] },
  reorderFieldConfigurationsAction: { calls: [{ fn: "fieldConfigurations.reorder", via: "POST /datasets/{dataset_uid}/fields/reorder/" }] },

  createTemplateAction: { anyOf: ADMIN, calls: [{ fn: "createTemplate", via: "POST /metadata/templates/" }] },
  updateTemplateAction: { anyOf: ADMIN, calls: [{ fn: "updateTemplate", via: "PUT /metadata/templates/{template_name}/" }] },
  deleteTemplateAction: { anyOf: ADMIN, calls: [{ fn: "deleteTemplate", via: "DELETE /metadata/templates/{template_name}/" }] },
  saveTemplateMetadataAction: { calls: [{ fn: "replaceTemplateMetadata", via: "PUT /datasets/{dataset_uid}/metadata/{template_name}/" }] },

  createRulesetAction: { calls: [{ fn: "createRuleset", via: "POST /datasets/{dataset_uid}/security/users/" }] },
  updateRulesetAction: { calls: [{ fn: "updateRuleset", via: "PUT /datasets/{dataset_uid}/security/users/{username}/" }] },
  deleteRulesetAction: { calls: [{ fn: "deleteRuleset", via: "DELETE /datasets/{dataset_uid}/security/users/{username}/" }] },
  setDatasetAccessAction: {
    consoleOnly: "the security grid's restriction switch; the API changes the same properties through PUT /datasets/{dataset_uid}/, which asks for the manage right too",
    fns: ["setDatasetAccess"],
    guard: 'requireDatasetRight(principal, dataset_uid, "manage")',
  },

  createApiKeyAction: { calls: [{ fn: "createApiKey", via: "POST /apikeys/" }] },
  revokeApiKeyAction: { calls: [{ fn: "revokeApiKey", via: "POST /apikeys/{apikey_uid}/revoke/" }] },

  createGroupAction: { anyOf: ADMIN, calls: [{ fn: "createGroup", via: "POST /groups/" }] },
  updateGroupAction: { anyOf: ADMIN, calls: [{ fn: "updateGroup", via: "PUT /groups/{group_uid}/" }] },
  deleteGroupAction: { anyOf: ADMIN, calls: [{ fn: "deleteGroup", via: "DELETE /groups/{group_uid}/" }] },
  addMemberAction: { anyOf: ADMIN, calls: [{ fn: "addMember", via: "POST /groups/{group_uid}/users/" }] },
  removeMemberAction: { anyOf: ADMIN, calls: [{ fn: "removeMember", via: "DELETE /groups/{group_uid}/users/{username}/" }] },

  inviteUserAction: { anyOf: ADMIN, calls: [{ fn: "inviteUser", via: "POST /users/invite/", through: "inviteUsers" }] },
  updateUserAction: { anyOf: ADMIN, calls: [{ fn: "updateUser", via: "PUT /users/{username}/" }] },
  deleteUserAction: { anyOf: ADMIN, calls: [{ fn: "deleteUser", via: "DELETE /users/{username}/" }] },

  setUserActiveAction: {
    consoleOnly: "the Automation API has no way to disable an account; edit_domain in the action wrapper, and setUserActive → getUser → requireIdentityManager in the service",
    anyOf: ADMIN,
    fns: ["setUserActive"],
    guard: "await getUser(principal, username)",
  },
  createPasswordLinkAction: {
    consoleOnly: "password links are a console feature; edit_domain in the action wrapper, and requireIdentityManager in createPasswordLink",
    anyOf: ADMIN,
    fns: ["createPasswordLink"],
    guard: "requireIdentityManager(principal)",
  },
  acceptInvitationAction: {
    consoleOnly: "the invitation page of a signed-out invitee",
    fns: ["acceptInvitation"],
    guard: "await openInvitation(token)",
    public: "the one-time invitation token is the credential (64 hex characters, hashed at rest, spent on use, expires)",
  },
  setLocaleAction: {
    consoleOnly: "the language switcher",
    fns: ["setPreferredLocale"],
    guard: "setUserLocale(principal.user_id, locale)",
    public: "sets a cookie for anyone, and the preference of the signed-in principal's own account only",
  },
};
