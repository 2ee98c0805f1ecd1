// data.world "Replace dataset" (PUT /v0/datasets/{owner}/{id}, API-CONTRACT.md §6.2): the request and answer
// shapes, as the seed and data.world's Python client (DatasetPutRequest) describe them. One schema validates the
// request and documents it in /v0/openapi.json. zod only, importable anywhere.
import { z } from "zod";
import { extractorForFilename, READABLE_EXTENSIONS } from "@/lib/extractors/file-extensions";

/** The seed's list, plus `CC BY-NC`, which data.world's Python client also accepts (API-CONTRACT.md §6.2). */
export const DATAWORLD_LICENSES = ["Public Domain", "PDDL", "CC-0", "CC-BY", "ODC-BY", "CC-BY-SA", "ODC-ODbL", "CC BY-NC", "CC BY-NC-SA", "Other"] as const;

export const DATAWORLD_FILE_LABELS = ["raw data", "clean data", "documentation", "script", "visualization", "report"] as const;

export const DATAWORLD_VISIBILITIES = ["OPEN", "PRIVATE"] as const;

const TAG_PATTERN = /^[\p{L}\p{N} ]+$/u;
// The longest keyword list a dataset's metadata takes (lib/metadata/field-value.ts).
const MAX_TAGS = 1000;
// A replace fetches the head of every file to guess how to read it: a bound on that work.
export const MAX_FILES = 100;

/** A direct-download URL: http or https, absolute, without credentials (those would end up in logs). */
const downloadUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { params: { i18n: "download_url" } },
  )
  .meta({ description: "The direct-download URL of the file (http or https).", example: "https://example.com/players.csv" });

export const dataworldFileSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(128)
      // the extension says how the file is read: a file this portal cannot read cannot become a resource
      .refine((v) => extractorForFilename(v) !== null, { params: { i18n: "file_extension" } })
      .meta({ description: `The file name, with its extension: ${READABLE_EXTENSIONS.map((e) => "." + e).join(", ")}.`, example: "DataDotWorld2017BBallTeam.csv" }),
    source: z.object({ url: downloadUrlSchema }),
    description: z.string().max(120).optional().meta({ description: "Short description of the file, at most 120 characters." }),
    labels: z.array(z.enum(DATAWORLD_FILE_LABELS)).optional().meta({ example: ["raw data", "report"] }),
  })
  .meta({ id: "FileCreateRequest" });
export type DataworldFile = z.infer<typeof dataworldFileSchema>;

export const dataworldReplaceSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .optional()
      .meta({ description: "1 to 60 characters. Not in the seed's list: left out, the dataset keeps its title (a dataset always has one)." }),
    description: z.string().max(120).optional().meta({ description: "Short description, at most 120 characters." }),
    summary: z.string().max(25_000).optional().meta({ description: "Dataset summary, Markdown, at most 25,000 characters. Becomes the dataset's description." }),
    tags: z
      .array(
        z
          .string()
          .min(2)
          .max(25)
          .refine((v) => TAG_PATTERN.test(v), { params: { i18n: "tag_characters" } }),
      )
      .max(MAX_TAGS)
      .optional()
      .meta({ description: "2 to 25 characters each; letters, digits and spaces only. Become the dataset's keywords.", example: ["tag1", "tag2"] }),
    license: z.enum(DATAWORLD_LICENSES).optional(),
    visibility: z.enum(DATAWORLD_VISIBILITIES).meta({ description: "OPEN, or PRIVATE (the dataset is restricted)." }),
    files: z.array(dataworldFileSchema).max(MAX_FILES).optional().meta({ description: "Replaces the dataset's files: each becomes a remote resource." }),
  })
  .meta({ id: "DatasetPutRequest" });
export type DataworldReplace = z.infer<typeof dataworldReplaceSchema>;

export const dataworldPathSchema = z.object({
  owner: z.string().min(1).meta({ description: "Username of the dataset's creator", example: "jonloyens" }),
  id: z.string().min(1).meta({ description: "The dataset's dataset_id", example: "an-intro-to-dataworld-dataset" }),
});

export const dataworldMessageSchema = z.object({ message: z.string() }).meta({ id: "SuccessMessage" });

export const dataworldErrorSchema = z
  .object({
    message: z.string(),
    error_code: z.string().meta({ description: "Extension: this console's error code (validation_error, unauthorized…)" }),
  })
  .meta({ id: "ErrorMessage" });
