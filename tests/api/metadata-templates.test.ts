// Metadata templates (API-CONTRACT.md §2.20) through real HTTP, on the real server and database.
// Every success body is checked against the official OpenAPI document.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { apiClient, datasetBody } from "../support/api-client";
import { createTestUser, uniqueName, type TestUser } from "../support/fixtures";
import { officialSchemaErrors } from "../support/official-openapi";

const backend = inject("backend");

const customTemplate = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  title: `Template ${name}`,
  type: "basic",
  is_active: true,
  schema: [
    { name: "producer", type: "text", label: "Producer", requirement_level: "mandatory", self_suggest: true },
    { name: "level", type: "enum", label: "Level", choices: ["low", "high"], labels: { low: { en: "Low", fr: "Bas" } } },
    { name: "count", type: "int" },
  ],
  ...extra,
});

describe.skipIf(!!backend.skipReason)(`metadata templates API (${backend.provider})`, () => {
  const admin = apiClient(backend.baseUrl, backend.adminKey);
  const official = (method: string, path: string, status: number | "default", body: unknown) => expect(officialSchemaErrors(method, path, status, body)).toEqual([]);
  let publisher: ReturnType<typeof apiClient>;
  let publisherUser: TestUser;

  beforeAll(async () => {
    publisherUser = await createTestUser({ prefix: "publisher", permissions: ["create_dataset", "edit_dataset", "publish_dataset"] });
    publisher = apiClient(backend.baseUrl, publisherUser.apiKey);
  });

  describe("system templates", () => {
    it("ships default, visualization, internal, dcat and inspire with their flags", async () => {
      const res = await admin.get("/metadata/templates/?limit=100");
      expect(res.status).toBe(200);
      official("GET", "/metadata/templates/", 200, res.body);
      const byName = Object.fromEntries(res.body.results.map((t: { name: string }) => [t.name, t]));
      expect(byName.default).toMatchObject({ type: "basic", is_system: true, is_always_active: true, is_active: true });
      expect(byName.internal).toMatchObject({ type: "admin", is_system: true, is_always_active: true, is_active: true });
      expect(byName.visualization).toMatchObject({ is_system: true, is_active: true });
      expect(byName.dcat).toMatchObject({ type: "interop", is_system: true, is_always_active: false });
      expect(byName.inspire).toMatchObject({ type: "interop", is_system: true, is_always_active: false, is_active: false });
      const defaultFields = byName.default.schema.map((f: { name: string }) => f.name);
      for (const name of ["title", "description", "keyword", "license", "language", "theme", "publisher", "references", "attributions", "modified", "modified_updates_on_metadata_change", "modified_updates_on_data_change", "geographic_reference", "geographic_reference_auto", "timezone"]) {
        expect(defaultFields).toContain(name);
      }
      expect(byName.internal.schema.map((f: { name: string }) => f.name)).toEqual(["license_id", "theme_id", "draft"]);
      // the first templates are the system ones, in a fixed order
      expect(res.body.results.slice(0, 5).map((t: { name: string }) => t.name)).toEqual(["default", "visualization", "internal", "dcat", "inspire"]);
    });

    it("filters by is_active and type, and pages", async () => {
      const interop = await admin.get("/metadata/templates/?type=interop");
      expect(interop.body.results.map((t: { name: string }) => t.name).sort()).toEqual(["dcat", "inspire"]);
      const inactive = await admin.get("/metadata/templates/?is_active=false&type=interop");
      expect(inactive.body.results.map((t: { name: string }) => t.name)).toContain("inspire");
      const active = await admin.get("/metadata/templates/?is_active=true");
      expect(active.body.results.every((t: { is_active: boolean }) => t.is_active)).toBe(true);
      const page = await admin.get("/metadata/templates/?limit=2&offset=1");
      expect(page.body.results).toHaveLength(2);
      expect(page.body.next).toContain("offset=3");
      expect(page.body.previous).toContain("offset=0");
      expect((await admin.get("/metadata/templates/?type=nope")).status).toBe(400);
    });

    it("retrieves a template, its fields and one field; unknown names are 404", async () => {
      const tpl = await publisher.get("/metadata/templates/default/");
      expect(tpl.status).toBe(200);
      official("GET", "/metadata/templates/{template_name}/", 200, tpl.body);
      const keyword = tpl.body.schema.find((f: { name: string }) => f.name === "keyword");
      expect(keyword).toMatchObject({ type: "list", self_suggest: true, requirement_level: "optional" });
      expect(keyword.suggest_url).toBe(`${backend.baseUrl}/api/automation/v1/metadata/templates/default/fields/keyword/suggest/`);
      expect(tpl.body.schema.find((f: { name: string }) => f.name === "title")).toMatchObject({ requirement_level: "mandatory", suggest_url: null });

      const fields = await publisher.get("/metadata/templates/internal/fields/?limit=2");
      expect(fields.status).toBe(200);
      official("GET", "/metadata/templates/{template_name}/fields/", 200, fields.body);
      expect(fields.body).toMatchObject({ total_count: 3, results: [{ name: "license_id" }, { name: "theme_id" }] });
      expect(fields.body.next).toContain("offset=2");

      const field = await publisher.get("/metadata/templates/default/fields/language/");
      expect(field.status).toBe(200);
      official("GET", "/metadata/templates/{template_name}/fields/{template_field_name}/", 200, field.body);
      expect(field.body).toMatchObject({ name: "language", type: "enum", choices: expect.arrayContaining(["en", "fr"]) });

      for (const path of ["/metadata/templates/nope/", "/metadata/templates/nope/fields/", "/metadata/templates/default/fields/nope/"]) {
        const res = await publisher.get(path);
        expect(res.status, path).toBe(404);
        official("GET", "/metadata/templates/{template_name}/", 404, res.body);
      }
    });

    it("refuses to deactivate a system template that is always active, with a clear message", async () => {
      const res = await admin.put("/metadata/templates/default/", { is_active: false });
      expect(res.status).toBe(400);
      official("PUT", "/metadata/templates/{template_name}/", 400, res.body);
      expect(res.body).toMatchObject({ error_code: "validation_error", detail: { is_active: [expect.stringContaining("always active")] } });
    });

    it("accepts only is_active on system templates, and never deletes them", async () => {
      const current = (await admin.get("/metadata/templates/default/")).body;
      // sending the template back unchanged is fine
      expect((await admin.put("/metadata/templates/default/", { ...current, is_active: true })).status).toBe(200);
      const retitled = await admin.put("/metadata/templates/default/", { title: "Mine now" });
      expect(retitled.status).toBe(400);
      expect(retitled.body.detail.title).toEqual([expect.stringContaining("only is_active")]);
      const reshaped = await admin.put("/metadata/templates/internal/", { schema: [{ name: "x" }] });
      expect(reshaped.status).toBe(400);
      expect(reshaped.body.detail).toHaveProperty("schema");
      const deleted = await admin.delete("/metadata/templates/default/");
      expect(deleted.status).toBe(400);
      expect(deleted.body.error_code).toBe("validation_error");
      expect((await admin.get("/metadata/templates/default/")).status).toBe(200);
    });

    it("enables and disables an interop template", async () => {
      const on = await admin.put("/metadata/templates/dcat/", { is_active: true });
      expect(on.status).toBe(200);
      // (the official PUT answer is typed CreatableOrEditableMetadataTemplate, whose type cannot be "interop":
      // checked against MetadataTemplate, what GET answers, instead)
      official("GET", "/metadata/templates/{template_name}/", 200, on.body);
      expect(on.body).toMatchObject({ name: "dcat", is_active: true, type: "interop" });
      expect((await admin.get("/metadata/templates/dcat/")).body.is_active).toBe(true);
      expect((await admin.put("/metadata/templates/dcat/", { is_active: false })).body.is_active).toBe(false);
      expect((await admin.delete("/metadata/templates/dcat/")).status).toBe(400);
    });
  });

  describe("custom templates", () => {
    it("creates one (201) that matches the official schema, and refuses a taken name", async () => {
      const name = uniqueName("tpl");
      const res = await admin.post("/metadata/templates/", customTemplate(name));
      expect(res.status).toBe(201);
      official("POST", "/metadata/templates/", 201, res.body);
      expect(res.body).toMatchObject({
        name,
        type: "basic",
        is_active: true,
        is_system: false,
        is_always_active: false,
        created_by: { username: "admin" },
        schema: [
          { name: "producer", type: "text", label: "Producer", requirement_level: "mandatory", self_suggest: true, is_hidden: false, i18n: false, choices: null },
          { name: "level", type: "enum", choices: ["low", "high"], labels: { low: { en: "Low", fr: "Bas" } }, requirement_level: "optional" },
          { name: "count", type: "int", label: "count", help_text: null },
        ],
      });
      const again = await admin.post("/metadata/templates/", customTemplate(name));
      expect(again.status).toBe(400);
      expect(again.body.detail.name).toEqual([expect.stringContaining(name)]);
    });

    it.each([
      ["an interop type", { type: "interop" }, "type"],
      ["no title", { title: "" }, "title"],
      ["a name with a slash", { name: "a/b" }, "name"],
      ["an unknown field type", { schema: [{ name: "x", type: "colour" }] }, "schema.0.type"],
      ["an enum without choices", { schema: [{ name: "x", type: "enum" }] }, "schema.0.choices"],
      ["int choices that are not integers", { schema: [{ name: "x", type: "int", choices: ["1", "two"] }] }, "schema.0.choices.1"],
      ["labels for unknown choices", { schema: [{ name: "x", type: "enum", choices: ["a"], labels: { b: { en: "B" } } }] }, "schema.0.labels.b"],
      ["a field named twice", { schema: [{ name: "x" }, { name: "x" }] }, "schema.1.name"],
      ["a bad requirement level", { schema: [{ name: "x", requirement_level: "maybe" }] }, "schema.0.requirement_level"],
    ])("refuses %s with a field error", async (_case, override, field) => {
      const res = await admin.post("/metadata/templates/", customTemplate(uniqueName("bad"), override));
      expect(res.status).toBe(400);
      official("POST", "/metadata/templates/", 400, res.body);
      expect(res.body.error_code).toBe("validation_error");
      expect(res.body.detail[field]).toEqual([expect.any(String)]);
    });

    it("is fully editable: fields, order, title, is_active; the name cannot change", async () => {
      const name = uniqueName("edit");
      await admin.post("/metadata/templates/", customTemplate(name));
      const res = await admin.put(`/metadata/templates/${name}/`, {
        ...customTemplate(name),
        title: "Renamed",
        type: "admin",
        schema: [{ name: "count", type: "double" }, { name: "producer" }],
      });
      expect(res.status).toBe(200);
      official("PUT", "/metadata/templates/{template_name}/", 200, res.body);
      expect(res.body).toMatchObject({ title: "Renamed", type: "admin", updated_by: { username: "admin" } });
      expect(res.body.schema.map((f: { name: string; type: string }) => `${f.name}:${f.type}`)).toEqual(["count:double", "producer:text"]);
      // omitted properties keep their value
      const off = await admin.put(`/metadata/templates/${name}/`, { is_active: false });
      expect(off.body).toMatchObject({ is_active: false, title: "Renamed" });
      expect(off.body.schema).toHaveLength(2);
      const renamed = await admin.put(`/metadata/templates/${name}/`, { name: "other" });
      expect(renamed.status).toBe(400);
      expect(renamed.body.detail).toHaveProperty("name");
      expect((await admin.put(`/metadata/templates/${name}/`, { type: "extra" })).status).toBe(400);
    });

    it("deletes one (204), then it is gone", async () => {
      const name = uniqueName("gone");
      await admin.post("/metadata/templates/", customTemplate(name));
      const res = await admin.delete(`/metadata/templates/${name}/`);
      expect(res.status).toBe(204);
      expect((await admin.get(`/metadata/templates/${name}/`)).status).toBe(404);
      expect((await admin.delete(`/metadata/templates/${name}/`)).status).toBe(404);
    });

    it("needs edit_domain to manage templates; reading needs only a signed-in user", async () => {
      const name = uniqueName("perm");
      const created = await publisher.post("/metadata/templates/", customTemplate(name));
      expect(created.status).toBe(403);
      expect((await admin.post("/metadata/templates/", customTemplate(name))).status).toBe(201);
      expect((await publisher.put(`/metadata/templates/${name}/`, { is_active: false })).status).toBe(403);
      expect((await publisher.put("/metadata/templates/dcat/", { is_active: true })).status).toBe(403);
      expect((await publisher.delete(`/metadata/templates/${name}/`)).status).toBe(403);
      expect((await publisher.get(`/metadata/templates/${name}/`)).status).toBe(200);
      const anonymous = apiClient(backend.baseUrl);
      expect((await anonymous.get("/metadata/templates/")).status).toBe(401);
    });
  });

  describe("suggestions", () => {
    it("suggests values already used, by prefix, case-insensitively, most used first, at most `count`", async () => {
      const tag = uniqueName("kw").replace("_", "");
      await admin.post("/datasets/", { metadata: { default: { title: { value: "S1" }, keyword: { value: [`${tag}-energy`, `${tag}-water`] } } } });
      await admin.post("/datasets/", { metadata: { default: { title: { value: "S2" }, keyword: { value: [`${tag}-Energy`, `${tag}-energy`] } } } });
      await admin.post("/datasets/", { metadata: { default: { title: { value: "S3" }, keyword: { value: [`${tag}-energy`] }, publisher: { value: `${tag} Agency` } } } });

      const res = await publisher.get(`/metadata/templates/default/fields/keyword/suggest/?query=${tag.toUpperCase()}-EN`);
      expect(res.status).toBe(200);
      official("GET", "/metadata/templates/{template_name}/fields/{template_field_name}/suggest/", 200, res.body);
      expect(res.body.hits).toEqual([`${tag}-energy`, `${tag}-Energy`]);
      expect(res.body).toMatchObject({ nb_hits: 2, query: `${tag.toUpperCase()}-EN` });

      const one = await publisher.get(`/metadata/templates/default/fields/keyword/suggest/?query=${tag}&count=1`);
      expect(one.body.hits).toEqual([`${tag}-energy`]);
      // single values too
      const text = await publisher.get(`/metadata/templates/default/fields/publisher/suggest/?query=${tag}`);
      expect(text.body.hits).toEqual([`${tag} Agency`]);
      // LIKE wildcards are taken literally
      expect((await publisher.get(`/metadata/templates/default/fields/keyword/suggest/?query=%25${tag}`)).body.hits).toEqual([]);
    });

    it("needs `query`, and a known template and field", async () => {
      const res = await publisher.get("/metadata/templates/default/fields/keyword/suggest/");
      expect(res.status).toBe(400);
      official("GET", "/metadata/templates/{template_name}/fields/{template_field_name}/suggest/", 400, res.body);
      expect(res.body.detail).toHaveProperty("query");
      expect((await publisher.get("/metadata/templates/default/fields/nope/suggest/?query=a")).status).toBe(404);
      expect((await publisher.get("/metadata/templates/nope/fields/keyword/suggest/?query=a")).status).toBe(404);
    });
  });

  it("a dataset's own create keeps working with custom template values, checked against the template", async () => {
    const name = uniqueName("ds");
    await admin.post("/metadata/templates/", customTemplate(name));
    const ok = await publisher.post("/datasets/", { metadata: { default: { title: { value: "Custom" } }, [name]: { level: { value: "high" }, count: { value: 3 } } } });
    expect(ok.status).toBe(201);
    expect(ok.body.metadata[name]).toEqual({ level: { value: "high" }, count: { value: 3 } });
    const bad = await publisher.post("/datasets/", { metadata: { default: { title: { value: "Custom" } }, [name]: { level: { value: "medium" }, count: { value: 1.5 } } } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.detail).sort()).toEqual([`metadata.${name}.count.value`, `metadata.${name}.level.value`]);
    const unknown = await publisher.post("/datasets/", datasetBody("Unknown", { metadata: { default: { title: { value: "U" } }, no_such_template: { a: { value: 1 } } } }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail["metadata.no_such_template"]).toEqual([expect.stringContaining("no_such_template")]);
  });
});
