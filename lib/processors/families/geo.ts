// geo_point_from_lat_lon: the Automation API's geo_point_2d is "lat,lon" text, WGS 84 degrees.
import { msg } from "@/lib/errors/app-error";
import { defineProcessor, fieldParam, ok } from "@/lib/processors/define-processor";
import { FIELD_NAME, withField } from "@/lib/processors/fields";
import { isEmpty, quote, toNumber } from "@/lib/processors/values";

/** A coordinate from a number or text; a lone decimal comma ("48,85") is read as a decimal point. */
function coordinate(value: unknown): number | null {
  if (typeof value === "string" && !value.includes(".")) return toNumber(value.replace(",", "."));
  return toNumber(value);
}

export const geoPointFromLatLon = defineProcessor({
  type: "geo_point_from_lat_lon",
  label: "Geo point from latitude and longitude",
  description: "Builds a geo_point_2d field (\"lat,lon\") from a latitude field and a longitude field in degrees. Out-of-range or unreadable coordinates give null, with a record error.",
  parameters: [
    fieldParam("latitude_field", "Latitude field", "Field holding the latitude (from -90 to 90)."),
    fieldParam("longitude_field", "Longitude field", "Field holding the longitude (from -180 to 180)."),
    { ...fieldParam("output_field", "Output field", "Field to write: created if missing, replaced otherwise.", false), default: "geo_point_2d" },
  ],
  prepare: (params) =>
    FIELD_NAME.test(params.output_field as string)
      ? ok(params as { latitude_field: string; longitude_field: string; output_field: string })
      : { ok: false, errors: { output_field: [msg("processors.field_name", { example: "geo_point_2d" })] } },
  inputs: (p) => [p.latitude_field, p.longitude_field],
  compile: ({ latitude_field, longitude_field, output_field }, input) => ({
    fields: withField(input, output_field, "geo_point_2d"),
    apply: (record, errors) => {
      const rawLat = record[latitude_field];
      const rawLon = record[longitude_field];
      record[output_field] = null;
      if (isEmpty(rawLat) || isEmpty(rawLon)) return true;
      const lat = Array.isArray(rawLat) ? null : coordinate(rawLat);
      const lon = Array.isArray(rawLon) ? null : coordinate(rawLon);
      if (lat === null || lat < -90 || lat > 90) errors.push(`Field “${latitude_field}”: ${quote(rawLat)} is not a latitude from -90 to 90.`);
      else if (lon === null || lon < -180 || lon > 180) errors.push(`Field “${longitude_field}”: ${quote(rawLon)} is not a longitude from -180 to 180.`);
      else record[output_field] = `${lat === 0 ? 0 : lat},${lon === 0 ? 0 : lon}`;
      return true;
    },
  }),
});
