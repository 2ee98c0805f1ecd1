import { describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import type { Permission } from "@/lib/auth/permissions";
import { canCreateDatasets, datasetRights, datasetScope } from "@/lib/datasets/access";
import { DEFAULT_DATASET_SECURITY } from "@/lib/datasets/schema";
import type { AppliedRuleset } from "@/lib/dataset-security/effective-access";

const principal = (...permissions: Permission[]): Principal => ({ user_id: "u1", username: "u", permissions: new Set(permissions), via: "session", locale: null });
const own = { uid: "da_own", created_by: { user_id: "u1", username: "u" } };
const others = { uid: "da_other", created_by: { user_id: "u2", username: "v" } };
const ruleset = (dataset_uid: string, ...permissions: AppliedRuleset["permissions"]): AppliedRuleset => ({
  dataset_uid,
  source: { kind: "group", group_uid: "g", title: "G" },
  security: DEFAULT_DATASET_SECURITY,
  permissions,
});

describe("datasetScope", () => {
  it("gives nothing without dataset permissions", () => {
    for (const right of ["view", "edit", "publish", "manage"] as const) expect(datasetScope(principal("edit_page"), right)).toEqual({ kind: "none" });
  });

  it("limits create_dataset to one's own datasets", () => {
    expect(datasetScope(principal("create_dataset"), "edit")).toEqual({ kind: "some", owner_id: "u1", dataset_uids: [] });
    expect(datasetScope(principal("create_dataset"), "manage")).toEqual({ kind: "some", owner_id: "u1", dataset_uids: [] });
  });

  it("lets reviewers view everything and change nothing", () => {
    const reviewer = principal("explore_restricted_dataset");
    expect(datasetScope(reviewer, "view")).toEqual({ kind: "all" });
    expect(datasetScope(reviewer, "edit")).toEqual({ kind: "none" });
    expect(datasetScope(reviewer, "manage")).toEqual({ kind: "none" });
  });

  it("separates edit (edit_dataset) from delete (manage_dataset)", () => {
    const editor = principal("edit_dataset", "create_dataset");
    expect(datasetScope(editor, "edit")).toEqual({ kind: "all" });
    expect(datasetScope(editor, "manage")).toEqual({ kind: "some", owner_id: "u1", dataset_uids: [] });
    expect(datasetScope(principal("manage_dataset"), "manage")).toEqual({ kind: "all" });
    expect(datasetScope(principal("publish_dataset"), "publish")).toEqual({ kind: "all" });
    expect(datasetScope(principal("publish_dataset"), "edit")).toEqual({ kind: "none" });
  });
});

describe("rulesets", () => {
  it("grant their dataset permissions on their dataset only", () => {
    const member = { ...principal(), rulesets: [ruleset("da_other", "edit_dataset"), ruleset("da_third")] };
    expect(datasetScope(member, "edit")).toEqual({ kind: "some", owner_id: null, dataset_uids: ["da_other"] });
    expect(datasetScope(member, "manage")).toEqual({ kind: "none" });
    expect(datasetRights(member, others)).toEqual({ view: true, edit: true, publish: false, manage: false });
    expect(datasetRights(member, own)).toEqual({ view: false, edit: false, publish: false, manage: false });
  });

  it("add to what create_dataset gives", () => {
    const creator = { ...principal("create_dataset"), rulesets: [ruleset("da_other", "manage_dataset")] };
    expect(datasetScope(creator, "manage")).toEqual({ kind: "some", owner_id: "u1", dataset_uids: ["da_other"] });
    expect(datasetRights(creator, others)).toEqual({ view: true, edit: true, publish: true, manage: true });
  });

  it("without permissions give nothing in the back office", () => {
    expect(datasetScope({ ...principal(), rulesets: [ruleset("da_other")] }, "view")).toEqual({ kind: "none" });
  });
});

describe("datasetRights", () => {
  it("tells the console which controls to show", () => {
    expect(datasetRights(principal("create_dataset"), own)).toEqual({ view: true, edit: true, publish: true, manage: true });
    expect(datasetRights(principal("create_dataset"), others)).toEqual({ view: false, edit: false, publish: false, manage: false });
    expect(datasetRights(principal("explore_restricted_dataset"), others)).toEqual({ view: true, edit: false, publish: false, manage: false });
    expect(datasetRights(principal("create_dataset", "edit_dataset", "publish_dataset"), others)).toEqual({ view: true, edit: true, publish: true, manage: false });
    expect(datasetRights(principal("create_dataset"), { uid: "da_x", created_by: null })).toMatchObject({ edit: false });
  });

  it("only create_dataset creates", () => {
    expect(canCreateDatasets(principal("create_dataset"))).toBe(true);
    expect(canCreateDatasets(principal("edit_dataset", "manage_dataset"))).toBe(false);
  });
});
