// The authorization matrix: one line per operation of the Automation API v1 and the Explore API v2.1, naming what
// it requires. Each actor's expected outcome is derived from that (requirements.ts); the test fails when an
// operation has no line here or a line names no operation.
import type { ApiResponse } from "../../support/api-client";
import type { Fresh } from "./fresh-objects";
import { AUTHENTICATED, dataset, domain, EXPLORE, PUBLIC, SELF, type ListScope, type Ownership, type Requirement } from "./requirements";
import type { Objects } from "./world";

export type Entry = {
  requires: Requirement;
  /** status of an allowed call (default: 201 for POST, 204 for DELETE, 200 otherwise) */
  ok?: number;
  /** why `ok` is not a success: required when it is 4xx */
  note?: string;
  body?: (o: Objects) => unknown;
  /** a multipart upload of a small CSV file */
  upload?: true;
  query?: (o: Objects) => string;
  /** path placeholder → the Objects key it takes, when they differ */
  params?: Partial<Record<string, keyof Objects>>;
  /** allowed calls change or destroy the object: each gets one of its own */
  fresh?: Fresh;
  /** a list: it must show the object named by `marker` exactly to those with the `scope` right on it */
  lists?: { scope: ListScope; over: Ownership[]; marker: keyof Objects };
  /** checks the body of an allowed answer; returns what is wrong */
  verify?: (res: ApiResponse) => string | null;
  /** a known authorization bug: the entry fails until it is fixed */
  knownBug?: string;
};

const e = (requires: Requirement, options: Omit<Entry, "requires"> = {}): Entry => ({ requires, ...options });

const OWN_FOREIGN: Ownership[] = ["own", "foreign"];
const ALL_DATASETS: Ownership[] = ["own", "foreign", "public"];
const datasetBody = (o: Objects) => ({ metadata: { default: { title: { value: `Edited ${o.marker}` } } } });
const fileSource = (o: Objects) => ({ type: "uploaded_file", file: { uid: o.file_uid } });
const resourceBody = (o: Objects) => ({ type: "csvfile", title: o.marker, datasource: fileSource(o) });
const processorBody = (o: Objects) => ({ type: "string_replace", label: o.marker, field: "name", old: "a", new: "b" });
const fieldBody = (o: Objects) => ({ type: "annotate", label: o.marker, field: "value", annotation: "facet" });
const bulkSucceeded = (res: ApiResponse) => (res.body?.["0"]?.status_code === "success" ? null : `bulk item failed: ${res.text}`);
const notSettled = (res: ApiResponse) => (res.body?.error_code === "invalid_dataset_status" ? null : `expected invalid_dataset_status: ${res.text}`);
/** The dataset_id a POST /datasets/ call asks for (the referee looks it up to tell whether a refused one was made). */
export const datasetIdOf = (o: Objects) => o.marker.replace(/_/g, "-");
const where = (o: Objects) => `?where=${encodeURIComponent(`dataset_id = "${o.dataset_id}"`)}`;
const ruleset = { params: { username: "ruleset_user", group_uid: "ruleset_group" } } as const;
const defaultTemplate = { template_name: "default_template" } as const;
const titleField = { ...defaultTemplate, template_field_name: "title_field" } as const;

const VIEW = dataset("view");
const EDIT = dataset("edit");
const PUBLISH = dataset("publish");
const MANAGE = dataset("manage");
const ADMINISTRATORS = domain("edit_domain");

export const automationMatrix: Record<string, Entry> = {
  "GET /datasets/": e(AUTHENTICATED, { query: (o) => `?dataset_id=${o.dataset_id}`, lists: { scope: "edit", over: OWN_FOREIGN, marker: "dataset_uid" } }),
  "POST /datasets/": e(domain("create_dataset"), { body: (o) => ({ dataset_id: datasetIdOf(o), metadata: { default: { title: { value: o.marker } } } }) }),
  "GET /datasets/{dataset_uid}/": e(VIEW),
  "PUT /datasets/{dataset_uid}/": e(EDIT, { fresh: "dataset", body: datasetBody }),
  "DELETE /datasets/{dataset_uid}/": e(MANAGE, { fresh: "dataset" }),
  "GET /datasets/{dataset_uid}/status/": e(VIEW),

  "GET /datasets/{dataset_uid}/security/users/": e(MANAGE),
  "POST /datasets/{dataset_uid}/security/users/": e(MANAGE, { fresh: "dataset", body: (o) => ({ user: { username: o.newcomer }, permissions: ["explore_restricted_dataset"] }) }),
  "GET /datasets/{dataset_uid}/security/users/{username}/": e(MANAGE, ruleset),
  "PUT /datasets/{dataset_uid}/security/users/{username}/": e(MANAGE, { ...ruleset, fresh: "rulesets", body: () => ({ permissions: ["explore_restricted_dataset"] }) }),
  "DELETE /datasets/{dataset_uid}/security/users/{username}/": e(MANAGE, { ...ruleset, fresh: "rulesets" }),
  "GET /datasets/{dataset_uid}/security/groups/": e(MANAGE),
  "POST /datasets/{dataset_uid}/security/groups/": e(MANAGE, { fresh: "dataset", body: (o) => ({ group: { uid: o.newcomer_group }, permissions: ["explore_restricted_dataset"] }) }),
  "GET /datasets/{dataset_uid}/security/groups/{group_uid}/": e(MANAGE, ruleset),
  "PUT /datasets/{dataset_uid}/security/groups/{group_uid}/": e(MANAGE, { ...ruleset, fresh: "rulesets", body: () => ({ permissions: ["explore_restricted_dataset"] }) }),
  "DELETE /datasets/{dataset_uid}/security/groups/{group_uid}/": e(MANAGE, { ...ruleset, fresh: "rulesets" }),

  "GET /extractors/": e(AUTHENTICATED),
  "GET /datasets/{dataset_uid}/resources/": e(VIEW),
  "POST /datasets/{dataset_uid}/resources/": e(EDIT, { fresh: "resource", body: resourceBody }),
  "POST /datasets/{dataset_uid}/resources/guess_extractors/": e(EDIT, { ok: 200, body: (o) => ({ datasource: fileSource(o) }) }),
  "POST /datasets/{dataset_uid}/resources/guess_extractor_params/": e(EDIT, { ok: 200, body: (o) => ({ datasource: fileSource(o), type: "csvfile" }) }),
  "POST /datasets/{dataset_uid}/resources/preview/": e(EDIT, { ok: 200, body: (o) => ({ datasource: fileSource(o), type: "csvfile" }) }),
  "POST /datasets/{dataset_uid}/resources/files/": e(EDIT, { fresh: "dataset", upload: true }),
  "GET /datasets/{dataset_uid}/resources/files/{file_uid}/": e(VIEW),
  "GET /datasets/{dataset_uid}/resources/files/{file_uid}/download/": e(VIEW),
  "GET /datasets/{dataset_uid}/resources/{resource_uid}/": e(VIEW),
  "PUT /datasets/{dataset_uid}/resources/{resource_uid}/": e(EDIT, { fresh: "resource", body: resourceBody }),
  "DELETE /datasets/{dataset_uid}/resources/{resource_uid}/": e(EDIT, { fresh: "resource" }),
  "GET /datasets/{dataset_uid}/resources/{resource_uid}/guess_extractors/": e(VIEW),
  "GET /datasets/{dataset_uid}/resources/{resource_uid}/guess_extractors_params/": e(VIEW),
  "GET /datasets/{dataset_uid}/resources/{resource_uid}/preview/": e(VIEW),
  "POST /datasets/{dataset_uid}/resources/{resource_uid}/clean_cache/": e(EDIT, { ok: 204 }),

  "GET /processors/": e(AUTHENTICATED),
  "GET /datasets/{dataset_uid}/processors/": e(VIEW),
  "POST /datasets/{dataset_uid}/processors/": e(EDIT, { fresh: "dataset", body: processorBody }),
  "POST /datasets/{dataset_uid}/processors/reorder/": e(EDIT, { ok: 200, fresh: "processor", body: (o) => ({ uids: [o.processor_uid] }) }),
  "GET /datasets/{dataset_uid}/processors/{processor_uid}/": e(VIEW),
  "PUT /datasets/{dataset_uid}/processors/{processor_uid}/": e(EDIT, { fresh: "processor", body: processorBody }),
  "DELETE /datasets/{dataset_uid}/processors/{processor_uid}/": e(EDIT, { fresh: "processor" }),
  "GET /datasets/{dataset_uid}/fields/": e(VIEW),
  "POST /datasets/{dataset_uid}/fields/": e(EDIT, { fresh: "dataset", body: fieldBody }),
  "POST /datasets/{dataset_uid}/fields/reorder/": e(EDIT, { ok: 200, fresh: "field", body: (o) => ({ uids: [o.field_uid] }) }),
  "GET /datasets/{dataset_uid}/fields/{field_uid}/": e(VIEW),
  "PUT /datasets/{dataset_uid}/fields/{field_uid}/": e(EDIT, { fresh: "field", body: fieldBody }),
  "DELETE /datasets/{dataset_uid}/fields/{field_uid}/": e(EDIT, { fresh: "field" }),
  "POST /datasets/{dataset_uid}/processing/preview/": e(VIEW, { ok: 200, body: () => ({}) }),

  "POST /datasets/{dataset_uid}/publish/": e(PUBLISH, { ok: 200, fresh: "resource" }),
  "POST /datasets/{dataset_uid}/publish_metadata/": e(PUBLISH, { ok: 200, fresh: "dataset" }),
  "POST /datasets/{dataset_uid}/unpublish/": e(PUBLISH, { ok: 400, fresh: "dataset", note: "the right is checked first; a fresh dataset is not published", verify: notSettled }),
  "POST /datasets/{dataset_uid}/abort/": e(PUBLISH, { ok: 400, note: "the right is checked first; a settled dataset has nothing to abort", verify: notSettled }),
  "GET /datasets/{dataset_uid}/publish_jobs/": e(VIEW),
  "GET /datasets/{dataset_uid}/status/live/": e(VIEW),
  // the caller's own jobs only (someone else's job answers 404: tests/api/management-v2/auth-and-jobs.test.ts)
  "GET /publish_jobs/": e(AUTHENTICATED),
  "GET /publish_jobs/{job_id}/": e(AUTHENTICATED, { ok: 404, params: { job_id: "record_id" }, note: "no job has this id (40 zeros)" }),

  "GET /metadata/templates/": e(AUTHENTICATED),
  "POST /metadata/templates/": e(ADMINISTRATORS, { body: (o) => ({ name: o.marker, title: o.marker, type: "basic", is_active: true, schema: [{ name: "note", type: "text" }] }) }),
  "GET /metadata/templates/{template_name}/": e(AUTHENTICATED),
  "PUT /metadata/templates/{template_name}/": e(ADMINISTRATORS, { fresh: "template", body: (o) => ({ title: `Edited ${o.marker}` }) }),
  "DELETE /metadata/templates/{template_name}/": e(ADMINISTRATORS, { fresh: "template" }),
  "GET /metadata/templates/{template_name}/fields/": e(AUTHENTICATED),
  "GET /metadata/templates/{template_name}/fields/{template_field_name}/": e(AUTHENTICATED),
  "GET /metadata/templates/{template_name}/fields/{template_field_name}/suggest/": e(AUTHENTICATED, {
    params: titleField,
    // the answer echoes the query: ask for all but the last character, so only a hit can show the whole title
    query: (o) => `?query=${encodeURIComponent(o.title.slice(0, -1))}`,
    // found by this matrix: suggestions came from every dataset, whoever asked
    lists: { scope: "view", over: OWN_FOREIGN, marker: "title" },
  }),
  "GET /datasets/{dataset_uid}/metadata/": e(VIEW),
  "PUT /datasets/{dataset_uid}/metadata/": e(EDIT, { fresh: "dataset", body: (o) => ({ default: { title: { value: `Edited ${o.marker}` } } }) }),
  "GET /datasets/{dataset_uid}/metadata/{template_name}/": e(VIEW, { params: defaultTemplate }),
  "PUT /datasets/{dataset_uid}/metadata/{template_name}/": e(EDIT, { fresh: "dataset", params: defaultTemplate, body: (o) => ({ title: { value: `Edited ${o.marker}` } }) }),
  "GET /datasets/{dataset_uid}/metadata/{template_name}/{template_field_name}/": e(VIEW, { params: titleField }),
  "PUT /datasets/{dataset_uid}/metadata/{template_name}/{template_field_name}/": e(EDIT, { fresh: "dataset", params: titleField, body: (o) => ({ value: `Edited ${o.marker}` }) }),
  "DELETE /datasets/{dataset_uid}/metadata/{template_name}/{template_field_name}/": e(EDIT, { fresh: "dataset", params: { ...defaultTemplate, template_field_name: "optional_field" } }),
  "GET /metadata/dcat/catalog/": e(AUTHENTICATED, { lists: { scope: "view", over: OWN_FOREIGN, marker: "dataset_uid" } }),
  "GET /metadata/dcat/datasets/{dataset_uid}/": e(VIEW),

  "GET /me/": e(AUTHENTICATED),
  "GET /users/": e(ADMINISTRATORS),
  "GET /users/export/": e(ADMINISTRATORS),
  "POST /users/invite/": e(ADMINISTRATORS, { ok: 200, body: (o) => [{ email: `${o.marker}@example.org` }], verify: bulkSucceeded }),
  "POST /users/provision/": e(ADMINISTRATORS, { ok: 200, body: (o) => [{ email: `${o.marker}@example.org`, identity_provider: { uid: "matrix-sso" } }], verify: bulkSucceeded }),
  "GET /users/{username}/": e(ADMINISTRATORS),
  "PUT /users/{username}/": e(ADMINISTRATORS, { fresh: "user", body: () => ({ first_name: "Edited" }) }),
  "DELETE /users/{username}/": e(ADMINISTRATORS, { fresh: "user" }),

  "GET /groups/": e(ADMINISTRATORS),
  "POST /groups/": e(ADMINISTRATORS, { body: (o) => ({ title: o.marker }) }),
  "GET /groups/{group_uid}/": e(ADMINISTRATORS),
  "PUT /groups/{group_uid}/": e(ADMINISTRATORS, { fresh: "group", body: () => ({ description: "Edited" }) }),
  "DELETE /groups/{group_uid}/": e(ADMINISTRATORS, { fresh: "group" }),
  "GET /groups/{group_uid}/users/": e(ADMINISTRATORS),
  "POST /groups/{group_uid}/users/batch/": e(ADMINISTRATORS, { ok: 200, fresh: "group", body: (o) => [{ username: o.newcomer }], verify: bulkSucceeded }),
  "POST /groups/{group_uid}/users/": e(ADMINISTRATORS, { fresh: "group", body: (o) => ({ username: o.newcomer }) }),
  "DELETE /groups/{group_uid}/users/{username}/": e(ADMINISTRATORS, { fresh: "group", params: { username: "member" } }),

  "GET /apikeys/": e(AUTHENTICATED, { query: () => "?limit=100", lists: { scope: "self", over: OWN_FOREIGN, marker: "apikey_uid" } }),
  "POST /apikeys/": e(AUTHENTICATED, { body: (o) => ({ label: o.marker, permissions: [] }) }),
  "POST /apikeys/search_key/": e(ADMINISTRATORS, { ok: 200, body: (o) => ({ key: o.apikey_secret }) }),
  "GET /apikeys/{apikey_uid}/": e(SELF),
  "PUT /apikeys/{apikey_uid}/": e(SELF, { fresh: "apikey", body: (o) => ({ label: `Edited ${o.marker}` }) }),
  "POST /apikeys/{apikey_uid}/revoke/": e(SELF, { ok: 200, fresh: "apikey", body: () => ({ reason: "authorization matrix" }) }),
};

/** Explore v2.1: public reads; what a caller sees of restricted datasets depends on their view right. */
export const exploreMatrix: Record<string, Entry> = {
  "GET /catalog/": e(PUBLIC),
  "GET /catalog/datasets/": e(PUBLIC, { query: where, lists: { scope: "explore", over: ALL_DATASETS, marker: "dataset_id" } }),
  "GET /catalog/facets/": e(PUBLIC, { query: (o) => `${where(o)}&facet=dataset_id`, lists: { scope: "explore", over: ALL_DATASETS, marker: "dataset_id" } }),
  "GET /catalog/exports/": e(PUBLIC),
  "GET /catalog/exports/{format}/": e(PUBLIC, { params: { format: "catalog_format" }, query: where, lists: { scope: "explore", over: ALL_DATASETS, marker: "dataset_id" } }),
  "GET /catalog/datasets/{dataset_id}/": e(EXPLORE),
  "GET /catalog/datasets/{dataset_id}/records/": e(EXPLORE),
  "GET /catalog/datasets/{dataset_id}/records/{record_id}/": e(EXPLORE),
  "GET /catalog/datasets/{dataset_id}/facets/": e(EXPLORE),
  "GET /catalog/datasets/{dataset_id}/exports/": e(EXPLORE),
  "GET /catalog/datasets/{dataset_id}/exports/{format}/": e(EXPLORE, { params: { format: "dataset_format" } }),
};
