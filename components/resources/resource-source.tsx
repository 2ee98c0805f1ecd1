// Where a resource's data comes from, in one line: the uploaded file's name and size, or the remote URL.
import { formatBytes } from "@/lib/files/format-bytes";
import type { Translate } from "@/lib/i18n/translator";
import type { Resource } from "@/lib/resources/schema";

export function uploadedFileOf(resource: Resource) {
  const ds = resource.datasource;
  if (ds.type !== "uploaded_file") return null;
  return "filename" in ds.file && typeof ds.file.filename === "string" ? (ds.file as { uid: string; filename: string; size: number | null }) : null;
}

export function ResourceSource({ resource, t }: { resource: Resource; t: Translate }) {
  const ds = resource.datasource;
  if (ds.type === "uploaded_file") {
    const file = uploadedFileOf(resource);
    return (
      <span className="break-all">
        {!file
          ? t("resource_pages.source.missing_file", { uid: ds.file.uid })
          : file.size === null
            ? file.filename // an upstream that does not report sizes
            : t("resource_pages.source.file_with_size", { filename: file.filename, size: formatBytes(file.size) })}
      </span>
    );
  }
  return <span className="font-mono text-xs break-all">{resource.display_name}</span>;
}
