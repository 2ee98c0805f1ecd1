// Names people read for each extractor type; client-safe (the console's resource list uses them too).
export const EXTRACTOR_LABELS: Record<string, string> = {
  csvfile: "CSV File",
  jsonfile: "JSON File",
  geojsonfile: "GeoJSON File",
  xlsxfile: "Excel (XLSX) File",
};
