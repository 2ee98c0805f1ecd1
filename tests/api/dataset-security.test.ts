// Dataset security rulesets (API-CONTRACT.md §2.4) through real HTTP on a real database: the ruleset API, who
// may manage rulesets, the dataset permissions they grant in the back office, and what Explore shows each caller
// (visibility, visible fields, record filters, hidden data, quotas) in records, facets, exports and single records.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient } from "../support/api-client";
import { createTestGroup, createTestUser, uniqueName, type TestUser } from "../support/fixtures";
import { officialSchemaErrors } from "../support/official-openapi";
import { publishingHelpers } from "../support/publishing";

const backend = inject("backend");

const CSV = `name;city;population;secret
Alpha;Paris;100;s3cr3t-a
Beta;Lyon;250;s3cr3t-b
Gamma;Paris;300;s3cr3t-c
Delta;Nice;50;s3cr3t-d
Epsilon;Lyon;1000;s3cr3t-e
`;

const official = (method: string, path: string, status: number, body: unknown) => expect(officialSchemaErrors(method, path, status, body), `${method} ${path}`).toEqual([]);
const security = (overrides: Record<string, unknown> = {}) => ({ is_data_visible: true, visible_fields: null, filter_query: "", api_calls_quota: null, ...overrides });

describe.skipIf(!!backend.skipReason)(`dataset security (${backend.provider})`, () => {
  const h = publishingHelpers(backend.baseUrl, backend.adminKey);
  const admin = h.admin;
  const explore = (user?: TestUser) => apiClient(backend.baseUrl, user?.apiKey, "/api/explore/v2.1");
  let restricted: { uid: string; dataset_id: string };
  let open: { uid: string; dataset_id: string };
  let member: TestUser;
  let outsider: TestUser;
  let group: string;

  const names = async (user: TestUser | undefined, dataset_id: string, query = "") => {
    const res = await explore(user).get(`/catalog/datasets/${dataset_id}/records/?limit=100&order_by=name${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body.results.map((r: { name: string }) => r.name);
  };

  beforeAll(async () => {
    group = await createTestGroup([]);
    member = await createTestUser({ prefix: "member", groups: [group] });
    outsider = await createTestUser({ prefix: "outsider" });
    restricted = await h.createDataset("Restricted cities", { dataset_id: uniqueName("restricted"), is_restricted: true });
    await h.addCsvResource(restricted.uid, CSV, "cities.csv");
    open = await h.createDataset("Open cities", { dataset_id: uniqueName("open") });
    await h.addCsvResource(open.uid, CSV, "cities.csv");
    const facet = await admin.post(`/datasets/${restricted.uid}/fields/`, { type: "annotate", label: "City is a facet", field: "city", annotation: "facet" });
    expect(facet.status, facet.text).toBe(201);
    const [a, b] = await Promise.all([h.publishAndWait(restricted.uid), h.publishAndWait(open.uid)]);
    expect(a).toMatchObject({ status: "idle", is_published: true });
    expect(b).toMatchObject({ status: "idle", is_published: true });
  });

  describe("ruleset API", () => {
    it("creates, lists, retrieves, replaces and deletes user rulesets", async () => {
      const target = await createTestUser({ prefix: "crud" });
      const path = `/datasets/${restricted.uid}/security/users/`;
      const created = await admin.post(path, { user: { username: target.username }, security: security({ filter_query: 'city = "Lyon"' }), permissions: ["edit_dataset"] });
      expect(created.status, created.text).toBe(201);
      expect(created.body).toEqual({ user: { username: target.username }, security: security({ filter_query: 'city = "Lyon"' }), permissions: ["edit_dataset"] });
      official("POST", "/datasets/{dataset_uid}/security/users/", 201, created.body);

      const again = await admin.post(path, { user: { username: target.username } });
      expect(again.status).toBe(400);
      expect(again.body.error_code).toBe("validation_error");

      const list = await admin.get(`${path}?limit=100`);
      expect(list.status).toBe(200);
      expect(list.body.results.map((r: { user: { username: string } }) => r.user.username)).toContain(target.username);
      expect(list.body.total_count).toBe(list.body.results.length);
      official("GET", "/datasets/{dataset_uid}/security/users/", 200, list.body);

      const one = await admin.get(`${path}${target.username}/`);
      expect(one.status).toBe(200);
      expect(one.body.permissions).toEqual(["edit_dataset"]);
      official("GET", "/datasets/{dataset_uid}/security/users/{username}/", 200, one.body);

      const replaced = await admin.put(`${path}${target.username}/`, { security: security({ visible_fields: ["name"] }), permissions: [] });
      expect(replaced.status, replaced.text).toBe(200);
      expect(replaced.body).toMatchObject({ security: { visible_fields: ["name"], filter_query: "" }, permissions: [] });

      const moved = await admin.put(`${path}${target.username}/`, { user: { username: outsider.username }, permissions: [] });
      expect(moved.status).toBe(400);
      expect(moved.body.error_code).toBe("validation_error");

      expect((await admin.delete(`${path}${target.username}/`)).status).toBe(204);
      expect((await admin.get(`${path}${target.username}/`)).status).toBe(404);
      expect((await admin.delete(`${path}${target.username}/`)).status).toBe(404);
    });

    it("creates and deletes group rulesets", async () => {
      const other = await createTestGroup([]);
      const path = `/datasets/${restricted.uid}/security/groups/`;
      const created = await admin.post(path, { group: { uid: other }, security: security({ is_data_visible: false }) });
      expect(created.status, created.text).toBe(201);
      expect(created.body).toMatchObject({ group: { uid: other }, security: { is_data_visible: false }, permissions: [] });
      official("POST", "/datasets/{dataset_uid}/security/groups/", 201, created.body);
      official("GET", "/datasets/{dataset_uid}/security/groups/", 200, (await admin.get(path)).body);
      expect((await admin.get(`${path}${other}/`)).body.group.uid).toBe(other);
      const updated = await admin.put(`${path}${other}/`, { security: security(), permissions: ["publish_dataset"] });
      expect(updated.status, updated.text).toBe(200);
      expect(updated.body.permissions).toEqual(["publish_dataset"]);
      expect((await admin.delete(`${path}${other}/`)).status).toBe(204);
    });

    it("refuses unknown targets, invalid filters and unknown permissions with field errors", async () => {
      const users = `/datasets/${restricted.uid}/security/users/`;
      const unknown = await admin.post(users, { user: { username: "nobody_here" } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.detail?.["user.username"] ?? unknown.body.message).toBeTruthy();
      const group404 = await admin.post(`/datasets/${restricted.uid}/security/groups/`, { group: { uid: "no_such_group" } });
      expect(group404.status).toBe(400);

      const target = await createTestUser({ prefix: "invalid" });
      const badFilter = await admin.post(users, { user: { username: target.username }, security: security({ filter_query: "city = " }) });
      expect(badFilter.status).toBe(400);
      expect(badFilter.body.error_code).toBe("validation_error");
      expect(JSON.stringify(badFilter.body)).toContain("security.filter_query");

      const badPermission = await admin.post(users, { user: { username: target.username }, permissions: ["edit_domain"] });
      expect(badPermission.status).toBe(400);
      const badQuota = await admin.post(users, { user: { username: target.username }, security: security({ api_calls_quota: { unit: "week", limit: 1 } }) });
      expect(badQuota.status).toBe(400);
      expect((await admin.get(`${users}${target.username}/`)).status).toBe(404);

      const badDefault = await admin.put(`/datasets/${open.uid}/`, { metadata: { default: { title: { value: "Open cities" } } }, default_security: security({ filter_query: "((" }) });
      expect(badDefault.status).toBe(400);
    });

    it("takes the manage right on the dataset", async () => {
      const path = `/datasets/${restricted.uid}/security/users/`;
      // no right at all: the dataset does not exist for them
      expect((await apiClient(backend.baseUrl, outsider.apiKey).get(path)).status).toBe(404);
      // an editor of every dataset sees it but may not manage it
      const editor = await createTestUser({ prefix: "editor", permissions: ["edit_dataset"] });
      const asEditor = apiClient(backend.baseUrl, editor.apiKey);
      expect((await asEditor.get(path)).status).toBe(403);
      expect((await asEditor.post(path, { user: { username: editor.username }, permissions: ["manage_dataset"] })).status).toBe(403);
      expect((await apiClient(backend.baseUrl).get(path)).status).toBe(401);
      // a creator manages the security of their own datasets
      const creator = await createTestUser({ prefix: "creator", permissions: ["create_dataset"] });
      const asCreator = apiClient(backend.baseUrl, creator.apiKey);
      const own = await asCreator.post("/datasets/", { metadata: { default: { title: { value: "Mine" } } } });
      expect(own.status, own.text).toBe(201);
      const granted = await asCreator.post(`/datasets/${own.body.uid}/security/users/`, { user: { username: editor.username }, permissions: ["explore_restricted_dataset"] });
      expect(granted.status, granted.text).toBe(201);
      expect((await asCreator.get(path)).status).toBe(404);
    });
  });

  describe("dataset permissions of rulesets", () => {
    it("grant rights on that dataset only, narrowed by API keys; the restriction stays the manager's", async () => {
      const editor = await createTestUser({ prefix: "rs_editor", keyPermissions: ["edit_dataset"] });
      const readOnlyKey = await createTestUser({ prefix: "rs_reader", keyPermissions: [] });
      for (const user of [editor, readOnlyKey]) {
        const res = await admin.post(`/datasets/${open.uid}/security/users/`, { user: { username: user.username }, permissions: ["edit_dataset"] });
        expect(res.status, res.text).toBe(201);
      }
      const asEditor = apiClient(backend.baseUrl, editor.apiKey);
      const body = { metadata: { default: { title: { value: "Open cities" }, description: { value: "Edited through a ruleset" } } } };
      const edited = await asEditor.put(`/datasets/${open.uid}/`, body);
      expect(edited.status, edited.text).toBe(200);
      const listed = await asEditor.get("/datasets/?limit=100");
      expect(listed.body.results.map((d: { uid: string }) => d.uid)).toEqual([open.uid]);
      expect((await asEditor.put(`/datasets/${restricted.uid}/`, body)).status).toBe(404);
      // editing is not managing: the restriction and default security are refused, nothing changes
      const flip = await asEditor.put(`/datasets/${open.uid}/`, { ...body, is_restricted: true });
      expect(flip.status).toBe(403);
      expect((await admin.get(`/datasets/${open.uid}/`)).body.is_restricted).toBe(false);
      expect((await asEditor.post(`/datasets/${open.uid}/publish/`)).status).toBe(403);
      // the key of the other user does not carry edit_dataset: the ruleset's permission does not pass through it
      expect((await apiClient(backend.baseUrl, readOnlyKey.apiKey).put(`/datasets/${open.uid}/`, body)).status).toBe(404);
    });
  });

  it("lets a user put the dataset permissions of their rulesets on their own API keys, and nothing more", async () => {
    const manager = await createTestUser({ prefix: "rs_manager", keyPermissions: ["manage_dataset"] });
    const granted = await admin.post(`/datasets/${open.uid}/security/users/`, { user: { username: manager.username }, permissions: ["manage_dataset"] });
    expect(granted.status, granted.text).toBe(201);
    const asManager = apiClient(backend.baseUrl, manager.apiKey);
    expect((await asManager.post("/apikeys/", { label: "too much", permissions: ["edit_domain"] })).status).toBe(400);
    const created = await asManager.post("/apikeys/", { label: "rules one dataset", permissions: ["manage_dataset"] });
    expect(created.status, created.text).toBe(201);
    const asKey = apiClient(backend.baseUrl, created.body.key);
    expect((await asKey.get(`/datasets/${open.uid}/security/users/`)).status).toBe(200);
    // the key's manage_dataset stays on that dataset: no domain-wide right came with it
    expect((await asKey.get(`/datasets/${restricted.uid}/`)).status).toBe(404);
    expect((await asKey.get("/datasets/?limit=100")).body.results.map((d: { uid: string }) => d.uid)).toEqual([open.uid]);
  });

  describe("Explore", () => {
    it("hides a restricted dataset from everyone without a ruleset", async () => {
      for (const user of [undefined, outsider]) {
        expect((await explore(user).get(`/catalog/datasets/${restricted.dataset_id}/`)).status).toBe(404);
        expect((await explore(user).get(`/catalog/datasets/${restricted.dataset_id}/records/`)).status).toBe(404);
        const catalog = await explore(user).get(`/catalog/datasets/?where=${encodeURIComponent(`dataset_id = "${restricted.dataset_id}"`)}`);
        expect(catalog.body.total_count).toBe(0);
      }
    });

    it("shows a group member the fields and records of the group's ruleset, everywhere", async () => {
      const res = await admin.post(`/datasets/${restricted.uid}/security/groups/`, {
        group: { uid: group },
        security: security({ visible_fields: ["name", "city"], filter_query: 'city = "Paris"' }),
      });
      expect(res.status, res.text).toBe(201);
      const client = explore(member);
      const base = `/catalog/datasets/${restricted.dataset_id}`;

      const dataset = await client.get(`${base}/`);
      expect(dataset.status, dataset.text).toBe(200);
      expect(dataset.body.fields.map((f: { name: string }) => f.name)).toEqual(["name", "city"]);
      expect(dataset.body.metas.default.records_count).toBe(2);

      const records = await client.get(`${base}/records/?order_by=name`);
      expect(records.body.total_count).toBe(2);
      expect(records.body.results).toEqual([
        expect.objectContaining({ name: "Alpha", city: "Paris" }),
        expect.objectContaining({ name: "Gamma", city: "Paris" }),
      ]);
      for (const row of records.body.results) expect(Object.keys(row).sort()).toEqual(["_id", "city", "name"]);

      // hidden fields cannot be named, selected, searched or grouped on
      for (const query of ["where=population > 0", "select=secret", "group_by=population", "order_by=secret"]) {
        const refused = await client.get(`${base}/records/?${query}`);
        expect(refused.status, query).toBe(400);
        expect(refused.body.error_code).toBe("ODSQLError");
      }
      expect((await client.get(`${base}/records/?where=${encodeURIComponent('search("s3cr3t")')}`)).body.total_count).toBe(0);
      expect((await client.get(`${base}/records/?where=${encodeURIComponent('city = "Lyon"')}`)).body.total_count).toBe(0);

      const facets = await client.get(`${base}/facets/?facet=city`);
      expect(facets.body.facets[0].facets).toEqual([expect.objectContaining({ name: "Paris", count: 2 })]);

      const csv = await client.get(`${base}/exports/csv/`);
      expect(csv.status).toBe(200);
      const lines = csv.text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
      expect(lines[0]).toBe("name;city");
      expect(lines.slice(1).sort()).toEqual(["Alpha;Paris", "Gamma;Paris"]);
      const json = await client.get(`${base}/exports/json/`);
      expect(json.body.map((r: { name: string }) => r.name).sort()).toEqual(["Alpha", "Gamma"]);
      expect(json.text).not.toContain("s3cr3t");

      // a record outside the filter does not exist for them
      const all = await explore().get(`${base}/records/?limit=100`, { key: backend.adminKey });
      const lyon = all.body.results.find((r: { city: string }) => r.city === "Lyon");
      expect((await client.get(`${base}/records/${lyon._id}/`)).status).toBe(404);
      const paris = all.body.results.find((r: { city: string }) => r.city === "Paris");
      const one = await client.get(`${base}/records/${paris._id}/`);
      expect(one.status).toBe(200);
      expect(one.body).not.toHaveProperty("secret");
    });

    it("unions a user's own ruleset with their groups' rulesets, and applies changes on the next request", async () => {
      const path = `/datasets/${restricted.uid}/security/users/`;
      const own = await admin.post(path, { user: { username: member.username }, security: security({ visible_fields: ["population"], filter_query: 'city = "Nice"' }) });
      expect(own.status, own.text).toBe(201);
      expect(await names(member, restricted.dataset_id)).toEqual(["Alpha", "Delta", "Gamma"]);
      const fields = (await explore(member).get(`/catalog/datasets/${restricted.dataset_id}/`)).body.fields.map((f: { name: string }) => f.name);
      expect(fields).toEqual(["name", "city", "population"]);
      expect((await admin.delete(`${path}${member.username}/`)).status).toBe(204);
      expect(await names(member, restricted.dataset_id)).toEqual(["Alpha", "Gamma"]);
    });

    it("applies the default security to callers without a ruleset on an open dataset, and rulesets instead of it", async () => {
      const changed = await admin.put(`/datasets/${open.uid}/`, {
        metadata: { default: { title: { value: "Open cities" } } },
        default_security: security({ visible_fields: ["name", "city"], filter_query: 'city = "Lyon"' }),
      });
      expect(changed.status, changed.text).toBe(200);
      expect(await names(undefined, open.dataset_id)).toEqual(["Beta", "Epsilon"]);
      expect(await names(outsider, open.dataset_id)).toEqual(["Beta", "Epsilon"]);
      const counted = await explore().get(`/catalog/datasets/?where=${encodeURIComponent(`dataset_id = "${open.dataset_id}"`)}`);
      expect(counted.body.results[0].metas?.default?.records_count ?? counted.body.results[0].records_count).toBe(2);
      const rs = await admin.post(`/datasets/${open.uid}/security/users/`, { user: { username: outsider.username }, security: security() });
      expect(rs.status, rs.text).toBe(201);
      expect(await names(outsider, open.dataset_id)).toEqual(["Alpha", "Beta", "Delta", "Epsilon", "Gamma"]);
      // administrators always see everything
      const all = await explore().get(`/catalog/datasets/${open.dataset_id}/records/?limit=100`, { key: backend.adminKey });
      expect(all.body.total_count).toBe(5);
    });

    it("lists a dataset whose data is hidden, without any record", async () => {
      const viewer = await createTestUser({ prefix: "nodata" });
      const rs = await admin.post(`/datasets/${restricted.uid}/security/users/`, { user: { username: viewer.username }, security: security({ is_data_visible: false }) });
      expect(rs.status, rs.text).toBe(201);
      const dataset = await explore(viewer).get(`/catalog/datasets/${restricted.dataset_id}/`);
      expect(dataset.status).toBe(200);
      expect(dataset.body.data_visible).toBe(false);
      const records = await explore(viewer).get(`/catalog/datasets/${restricted.dataset_id}/records/`);
      expect(records.body).toMatchObject({ total_count: 0, results: [] });
      const json = await explore(viewer).get(`/catalog/datasets/${restricted.dataset_id}/exports/json/`);
      expect(json.body).toEqual([]);
    });

    it("answers 429 past the API calls quota, counting a user's keys together", async () => {
      const limited = await createTestUser({ prefix: "quota" });
      const rs = await admin.post(`/datasets/${restricted.uid}/security/users/`, {
        user: { username: limited.username },
        security: security({ api_calls_quota: { unit: "hour", limit: 3 } }),
      });
      expect(rs.status, rs.text).toBe(201);
      const client = explore(limited);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await client.get(`/catalog/datasets/${restricted.dataset_id}/records/`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await client.get(`/catalog/datasets/${restricted.dataset_id}/`);
      expect(refused.status).toBe(429);
      expect(refused.body.error_code).toBe("too_many_requests");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      // other callers are not affected
      expect((await explore(member).get(`/catalog/datasets/${restricted.dataset_id}/records/`)).status).toBe(200);
    });
  });
});
