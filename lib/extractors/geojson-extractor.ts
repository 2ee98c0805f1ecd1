// GeoJSON files: each feature is a record with its geometry (`geo_shape`), a representative point
// (`geo_point_2d`, "lat,lon") and its properties.
import { extractionError } from "@/lib/extractors/extraction-error";
import { completeElements, parseDocument, readJsonText } from "@/lib/extractors/json-document";
import { HEAD_BYTES, formatMiB } from "@/lib/extractors/limits";
import { objectPreview } from "@/lib/extractors/preview-builder";
import type { GeojsonParams, ResourcePreview, SourceFile } from "@/lib/extractors/types";

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

export async function guessGeojsonParams(file: SourceFile, given: Partial<GeojsonParams> = {}): Promise<GeojsonParams> {
  const doc = await readJsonText(file, given.encoding);
  return { encoding: doc.encoding };
}

const isPosition = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length >= 2 && typeof value[0] === "number" && typeof value[1] === "number";

/** A point for the geometry: the point itself, otherwise the centre of its bounding box. */
export function representativePoint(geometry: unknown): string | null {
  if (!isObject(geometry)) return null;
  if (geometry.type === "Point" && isPosition(geometry.coordinates)) return `${geometry.coordinates[1]},${geometry.coordinates[0]}`;
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  // Iterative walk: nesting is already bounded by the JSON scanner, but recursion is not needed.
  const pending: unknown[] = [geometry];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isPosition(node)) {
      const [lon, lat] = node as [number, number];
      [minLon, minLat, maxLon, maxLat] = [Math.min(minLon, lon), Math.min(minLat, lat), Math.max(maxLon, lon), Math.max(maxLat, lat)];
    } else if (Array.isArray(node)) for (const child of node) pending.push(child);
    else if (isObject(node)) pending.push(node.coordinates, node.geometries);
  }
  if (minLon === Infinity) return null;
  return `${(minLat + maxLat) / 2},${(minLon + maxLon) / 2}`;
}

export async function previewGeojson(file: SourceFile, given: Partial<GeojsonParams>, limit: number): Promise<ResourcePreview> {
  const doc = await readJsonText(file, given.encoding);
  const parsed = parseDocument(doc);
  const root = parsed.value;
  if (!isObject(root)) throw extractionError("extractors.geojson_not_collection", { type: Array.isArray(root) ? "array" : typeof root });
  let features: unknown[];
  if (root.type === "Feature") {
    if (!parsed.complete) throw extractionError("extractors.record_too_large", { size: formatMiB(HEAD_BYTES) });
    features = [root];
  } else if (root.type === "FeatureCollection" || (root.type === undefined && Array.isArray(root.features))) {
    if (!Array.isArray(root.features)) {
      if (!parsed.complete) throw extractionError("extractors.json_root_beyond_head", { path: "features", size: formatMiB(HEAD_BYTES) });
      throw extractionError("extractors.json_root_not_found", { path: "features" });
    }
    features = completeElements(root.features, parsed, limit);
  } else throw extractionError("extractors.geojson_not_collection", { type: String(root.type) });

  const geometries = features.map((feature) => (isObject(feature) && isObject(feature.geometry) ? feature.geometry : null));
  const properties = features.map((feature) => (isObject(feature) && isObject(feature.properties) ? feature.properties : {}));
  return objectPreview(properties, [
    { header: "geo_point_2d", values: geometries.map(representativePoint), type: "geo_point_2d" },
    { header: "geo_shape", values: geometries, type: "geo_shape" },
  ]);
}
