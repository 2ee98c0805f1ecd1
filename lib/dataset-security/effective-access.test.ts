import { describe, expect, it } from "vitest";
import type { Permission } from "@/lib/auth/permissions";
import { DEFAULT_DATASET_SECURITY, type DatasetSecurity } from "@/lib/datasets/schema";
import { effectiveAccess, type AppliedRuleset, type SecuredDataset } from "@/lib/dataset-security/effective-access";

const dataset = (overrides: Partial<SecuredDataset> = {}): SecuredDataset => ({ uid: "da_1", is_restricted: false, default_security: DEFAULT_DATASET_SECURITY, created_by_id: "owner", ...overrides });
const sec = (overrides: Partial<DatasetSecurity>): DatasetSecurity => ({ ...DEFAULT_DATASET_SECURITY, ...overrides });
const subject = (permissions: Permission[], rulesets: AppliedRuleset[] = [], user_id = "u1") => ({ user_id, permissions: new Set(permissions), rulesets });
const group = (security: DatasetSecurity, dataset_uid = "da_1"): AppliedRuleset => ({ dataset_uid, source: { kind: "group", group_uid: "g", title: "Publishers" }, security, permissions: [] });
const own = (security: DatasetSecurity): AppliedRuleset => ({ dataset_uid: "da_1", source: { kind: "user" }, security, permissions: ["edit_dataset"] });

describe("effectiveAccess", () => {
  it("shows an open dataset's default security to anonymous callers and callers without a ruleset", () => {
    const d = dataset({ default_security: sec({ visible_fields: ["a"], filter_query: "x = 1" }) });
    for (const who of [null, subject([])]) {
      expect(effectiveAccess(who, d)).toMatchObject({ visible: true, visible_fields: ["a"], record_filters: ["x = 1"], reasons: [{ kind: "default_security" }] });
    }
  });

  it("hides a restricted dataset from everyone without a ruleset, whatever its default security", () => {
    const d = dataset({ is_restricted: true });
    expect(effectiveAccess(null, d)).toMatchObject({ visible: false, reasons: [{ kind: "restricted_without_ruleset" }] });
    expect(effectiveAccess(subject(["create_dataset"]), d).visible).toBe(false);
    expect(effectiveAccess(subject([], [group(sec({}), "da_other")]), d).visible).toBe(false);
  });

  it("lets domain readers and the creator see everything, and says why", () => {
    const d = dataset({ is_restricted: true, default_security: sec({ is_data_visible: false }) });
    expect(effectiveAccess(subject(["explore_restricted_dataset"]), d)).toMatchObject({ visible: true, is_data_visible: true, visible_fields: null, record_filters: null, reasons: [{ kind: "domain_permission", permission: "explore_restricted_dataset" }] });
    expect(effectiveAccess(subject(["create_dataset"], [], "owner"), d)).toMatchObject({ visible: true, record_filters: null, reasons: [{ kind: "owner" }] });
    // creating datasets is what makes the creator an owner; without it they are like anyone else
    expect(effectiveAccess(subject([], [], "owner"), d).visible).toBe(false);
  });

  it("replaces the default security with the caller's rulesets, and unions several (PROPOSAL §2.4)", () => {
    const d = dataset({ default_security: sec({ filter_query: "x = 0" }) });
    const access = effectiveAccess(subject([], [group(sec({ visible_fields: ["a", "b"], filter_query: "x = 1", api_calls_quota: { unit: "minute", limit: 10 } })), own(sec({ visible_fields: ["c"], filter_query: "x = 2", api_calls_quota: { unit: "second", limit: 1 } }))]), d);
    expect(access).toMatchObject({ visible: true, is_data_visible: true, record_filters: ["x = 1", "x = 2"], api_calls_quota: { unit: "second", limit: 1 }, permissions: ["edit_dataset"] });
    expect(access.visible_fields?.sort()).toEqual(["a", "b", "c"]);
    expect(access.reasons).toEqual([{ kind: "ruleset", source: { kind: "group", group_uid: "g", title: "Publishers" } }, { kind: "ruleset", source: { kind: "user" } }]);
  });

  it("treats an empty filter, null fields and no quota as the most generous values", () => {
    const access = effectiveAccess(subject([], [group(sec({ visible_fields: ["a"], filter_query: "x = 1", api_calls_quota: { unit: "day", limit: 5 } })), own(sec({}))]), dataset());
    expect(access).toMatchObject({ visible_fields: null, record_filters: null, api_calls_quota: null });
  });

  it("ignores what a ruleset hiding the data says of fields and records", () => {
    const hidden = effectiveAccess(subject([], [group(sec({ is_data_visible: false }))]), dataset({ is_restricted: true }));
    expect(hidden).toMatchObject({ visible: true, is_data_visible: false, visible_fields: [], record_filters: [] });
    const mixed = effectiveAccess(subject([], [group(sec({ is_data_visible: false })), own(sec({ visible_fields: ["a"], filter_query: "x = 1" }))]), dataset());
    expect(mixed).toMatchObject({ is_data_visible: true, visible_fields: ["a"], record_filters: ["x = 1"] });
  });
});
