// The templates every portal has (API-CONTRACT.md §2.2, §2.20). Written to the store at every start (keeping
// whether an administrator enabled them), and the source of the static schema of the `default` and `internal`
// templates in dataset writes. zod-free data, importable anywhere.
import { METADATA_LANGUAGES } from "@/lib/metadata/field-value";
import type { MetadataFieldType, MetadataTemplateType, RequirementLevel } from "@/lib/metadata/template-schema";

export type SystemField = {
  name: string;
  type: MetadataFieldType;
  label: string;
  help_text?: string;
  self_suggest?: boolean;
  is_filter?: boolean;
  i18n?: boolean;
  choices?: readonly string[];
  requirement_level?: RequirementLevel;
};

export type SystemTemplate = {
  name: string;
  title: string;
  type: MetadataTemplateType;
  is_always_active: boolean;
  /** whether a new portal starts with it enabled (always-active templates always are) */
  active_by_default: boolean;
  fields: SystemField[];
};

const f = (name: string, type: MetadataFieldType, label: string, extra: Partial<SystemField> = {}): SystemField => ({ name, type, label, ...extra });

export const DEFAULT_TEMPLATE: SystemTemplate = {
  name: "default",
  title: "Default",
  type: "basic",
  is_always_active: true,
  active_by_default: true,
  fields: [
    f("title", "text", "Title", { requirement_level: "mandatory", i18n: false }),
    f("description", "html", "Description", { requirement_level: "recommended" }),
    f("keyword", "list", "Keywords", { self_suggest: true, is_filter: true, help_text: "Words people would search for." }),
    f("license", "text", "License", { self_suggest: true, is_filter: true }),
    f("language", "enum", "Language", { choices: METADATA_LANGUAGES, requirement_level: "mandatory" }),
    f("theme", "list", "Themes", { self_suggest: true, is_filter: true }),
    f("publisher", "text", "Publisher", { self_suggest: true, is_filter: true }),
    f("references", "text", "References", { help_text: "A link to the source or to more information." }),
    f("attributions", "list", "Attributions"),
    f("modified", "datetime", "Modified", { requirement_level: "mandatory" }),
    f("modified_updates_on_metadata_change", "boolean", "Update “modified” when the metadata change"),
    f("modified_updates_on_data_change", "boolean", "Update “modified” when the data change"),
    f("geographic_reference", "geo_area", "Geographic references", { help_text: "Area identifiers, e.g. world_us." }),
    f("geographic_reference_auto", "boolean", "Compute geographic references automatically"),
    f("timezone", "text", "Time zone", { help_text: "An IANA time zone, e.g. Europe/Paris." }),
  ],
};

export const INTERNAL_TEMPLATE: SystemTemplate = {
  name: "internal",
  title: "Internal",
  type: "admin",
  is_always_active: true,
  active_by_default: true,
  fields: [
    f("license_id", "text", "License identifier"),
    f("theme_id", "list", "Theme identifiers"),
    f("draft", "boolean", "Draft", { help_text: "Drafts are hidden from lists and cannot be published." }),
  ],
};

const bool = (name: string, label: string) => f(name, "boolean", label);
const text = (name: string, label: string) => f(name, "text", label);
const list = (name: string, label: string) => f(name, "list", label);
const html = (name: string, label: string) => f(name, "longstring", label);

export const VISUALIZATION_TEMPLATE: SystemTemplate = {
  name: "visualization",
  title: "Visualization",
  type: "extra",
  is_always_active: true,
  active_by_default: true,
  fields: [
    bool("analyze_disabled", "Disable the analyze tab"),
    text("analyze_default", "Default analyze chart"),
    list("table_fields", "Table fields"),
    text("table_default_sort_field", "Table default sort field"),
    f("table_default_sort_direction", "enum", "Table default sort direction", { choices: ["asc", "desc", "+", "-"] }),
    bool("map_disabled", "Disable the map tab"),
    text("map_marker_picto", "Map marker pictogram"),
    text("map_marker_color", "Map marker color"),
    bool("map_marker_hidemarkershape", "Hide the marker shape"),
    text("map_tooltip_title", "Map tooltip title"),
    list("map_tooltip_fields", "Map tooltip fields"),
    bool("map_tooltip_disabled", "Disable map tooltips"),
    bool("map_tooltip_html_enabled", "Custom HTML map tooltip"),
    html("map_tooltip_html", "Map tooltip HTML"),
    text("map_tooltip_sort_field", "Map tooltip sort field"),
    text("map_tooltip_sort_direction", "Map tooltip sort direction"),
    text("map_basemap", "Map basemap"),
    bool("images_disabled", "Disable the images tab"),
    list("media_gallery_fields", "Media gallery fields"),
    text("image_title", "Image title"),
    list("image_fields", "Image fields"),
    bool("image_tooltip_html_enabled", "Custom HTML image tooltip"),
    html("image_tooltip_html", "Image tooltip HTML"),
    bool("calendar_enabled", "Enable the calendar"),
    text("calendar_event_title", "Calendar event title"),
    text("calendar_event_start", "Calendar event start"),
    text("calendar_event_end", "Calendar event end"),
    bool("calendar_tooltip_html_enabled", "Custom HTML calendar tooltip"),
    html("calendar_tooltip_html", "Calendar tooltip HTML"),
    list("calendar_tooltip_fields", "Calendar tooltip fields"),
    text("calendar_event_color", "Calendar event color"),
    list("calendar_available_views", "Calendar views"),
    text("calendar_default_view", "Calendar default view"),
    bool("custom_view_enabled", "Enable the custom view"),
    html("custom_view_html", "Custom view HTML"),
    html("custom_view_css", "Custom view CSS"),
    text("custom_view_icon", "Custom view icon"),
    text("custom_view_title", "Custom view title"),
    text("custom_view_slug", "Custom view slug"),
  ],
};

/** EU Publications Office frequency vocabulary (DCAT-AP accrualPeriodicity). */
export const DCAT_FREQUENCIES = [
  "http://publications.europa.eu/resource/authority/frequency/CONT",
  "http://publications.europa.eu/resource/authority/frequency/DAILY",
  "http://publications.europa.eu/resource/authority/frequency/WEEKLY",
  "http://publications.europa.eu/resource/authority/frequency/MONTHLY",
  "http://publications.europa.eu/resource/authority/frequency/QUARTERLY",
  "http://publications.europa.eu/resource/authority/frequency/ANNUAL",
  "http://publications.europa.eu/resource/authority/frequency/IRREG",
  "http://publications.europa.eu/resource/authority/frequency/NEVER",
  "http://publications.europa.eu/resource/authority/frequency/UNKNOWN",
];

export const DCAT_TEMPLATE: SystemTemplate = {
  name: "dcat",
  title: "DCAT",
  type: "interop",
  is_always_active: false,
  active_by_default: false,
  fields: [
    f("created", "date", "Created"),
    f("issued", "date", "Issued"),
    text("creator", "Creator"),
    text("contributor", "Contributor"),
    text("contact_name", "Contact name"),
    text("contact_email", "Contact email"),
    f("accrualperiodicity", "uri_enum", "Update frequency", { choices: DCAT_FREQUENCIES }),
    text("spatial", "Spatial coverage"),
    f("temporal_coverage_start", "date", "Temporal coverage start"),
    f("temporal_coverage_end", "date", "Temporal coverage end"),
    text("granularity", "Granularity"),
    text("landingpage", "Landing page"),
    text("accessrights", "Access rights"),
    list("conforms_to", "Conforms to"),
  ],
};

export const INSPIRE_TEMPLATE: SystemTemplate = {
  name: "inspire",
  title: "INSPIRE",
  type: "interop",
  is_always_active: false,
  active_by_default: false,
  fields: [
    text("file_identifier", "File identifier"),
    text("hierarchy_level", "Hierarchy level"),
    list("theme", "INSPIRE themes"),
    list("topic_category", "Topic categories"),
    text("spatial_resolution", "Spatial resolution"),
    text("contact_individual_name", "Contact name"),
    text("contact_position", "Contact position"),
    text("contact_email", "Contact email"),
    text("contact_address", "Contact address"),
    f("lineage", "longstring", "Lineage"),
    text("reference_system", "Coordinate reference system"),
    f("bbox", "geo_shape", "Bounding box"),
  ],
};

export const SYSTEM_TEMPLATES: readonly SystemTemplate[] = [DEFAULT_TEMPLATE, VISUALIZATION_TEMPLATE, INTERNAL_TEMPLATE, DCAT_TEMPLATE, INSPIRE_TEMPLATE];

/**
 * Fields a save refuses to leave blank (whatever their requirement level, which is checked before publishing):
 * a dataset without a title cannot even be listed.
 */
export const REQUIRED_ON_SAVE: Readonly<Record<string, readonly string[]>> = { default: ["title"] };
