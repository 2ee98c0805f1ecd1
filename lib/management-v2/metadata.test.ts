import { describe, expect, it } from "vitest";
import { metadataObjects } from "@/lib/management-v2/metadata";
import { fromMetas, toMetas } from "@/lib/management-v2/dataset";
import type { StoredMetadataTemplate } from "@/lib/store/types";

const field = (name: string, type: StoredMetadataTemplate["fields"][number]["type"], extra: Partial<StoredMetadataTemplate["fields"][number]> = {}) =>
  ({ name, type, label: null, help_text: null, is_hidden: false, self_suggest: false, is_filter: false, i18n: false, choices: null, labels: {}, requirement_level: "optional", ...extra }) as StoredMetadataTemplate["fields"][number];

const template = (name: string, type: StoredMetadataTemplate["type"], fields: StoredMetadataTemplate["fields"]): StoredMetadataTemplate => ({
  name,
  title: name.toUpperCase(),
  type,
  is_active: true,
  is_system: false,
  is_always_active: false,
  fields,
  created_at: "",
  created_by: null,
  updated_at: "",
  updated_by: null,
});

const templates = [
  template("default", "basic", [field("title", "text", { label: "Title" }), field("keyword", "list"), field("language", "enum", { choices: ["en", "fr"] })]),
  template("internal", "admin", [field("draft", "boolean")]),
];
const metadata = {
  default: { title: { value: "Air" }, keyword: { value: ["a", "b"] }, gone: { value: 1 } },
  internal: { draft: { value: true } },
  removed_template: { x: { value: 1 } },
};

describe("metadata objects", () => {
  it("gives each value its template and definition, in the templates' order", () => {
    const objects = metadataObjects(metadata, templates, { admin: true });
    expect(objects.map((o) => `${o.template.name}.${o.name}`)).toEqual(["default.title", "default.keyword", "internal.draft"]);
    expect(objects[0]).toEqual({
      name: "title",
      template: { name: "default", label: "DEFAULT", purpose: "general" },
      definition: { name: "title", type: "text", label: "Title", widget: { type: "textinput" }, choices: null, help_text: null },
      value: "Air",
      remote_value: null,
      override_remote_value: false,
    });
    expect(objects[1]!.definition).toMatchObject({ type: "multitext", widget: { type: "tags" }, label: "keyword" });
    expect(objects[2]!.template.purpose).toBe("admin");
  });

  it("leaves admin templates out for who may not edit", () => {
    expect(metadataObjects(metadata, templates, { admin: false }).map((o) => o.template.name)).toEqual(["default", "default"]);
    expect(toMetas(metadata, templates, false)).not.toHaveProperty("internal");
    expect(toMetas(metadata, templates, true).internal).toEqual({ draft: true });
  });

  it("translates metas both ways", () => {
    expect(toMetas(metadata, templates, true).default).toEqual({ title: "Air", keyword: ["a", "b"], gone: 1 });
    expect(fromMetas({ default: { title: "Air", description: null } })).toEqual({ default: { title: { value: "Air" }, description: { value: null } } });
  });
});
