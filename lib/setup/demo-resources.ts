// Data files of the demo datasets, generated deterministically: a CSV with ";" and accents, a comma CSV with
// numbers and dates, a JSON array. Enough rows that the 20-record preview is full.
import type { ExtractorType } from "@/lib/extractors";

export type DemoResource = { dataset_id: string; title: string; filename: string; type: ExtractorType; content: () => string };

const STATIONS = ["Centre", "Gare", "Port", "Université", "Zone industrielle"];
const SPECIES = ["Platane commun", "Chêne pédonculé", "Cèdre du Liban", "Tilleul argenté", "Ginkgo biloba", "Marronnier d'Inde"];
const COUNTERS = ["Quai Nord", "Pont Neuf", "Avenue de la Gare", "Parc des Sports"];

export const DEMO_RESOURCES: DemoResource[] = [
  {
    dataset_id: "air-quality-stations",
    title: "Hourly measurements",
    filename: "air-quality-2024-01.csv",
    type: "csvfile",
    content: () =>
      [
        "station,measured_at,no2_ug_m3,pm10_ug_m3,o3_ug_m3",
        ...Array.from({ length: 120 }, (_, i) => {
          const hour = String(i % 24).padStart(2, "0");
          const day = String(1 + Math.floor(i / 24)).padStart(2, "0");
          return `${STATIONS[i % STATIONS.length]},2024-01-${day}T${hour}:00:00Z,${20 + ((i * 7) % 35)},${12 + ((i * 5) % 28)},${30 + ((i * 11) % 50)}`;
        }),
      ].join("\n") + "\n",
  },
  {
    dataset_id: "arbres-remarquables",
    title: "Inventaire 2024",
    filename: "arbres-remarquables.csv",
    type: "csvfile",
    content: () =>
      [
        "identifiant;espèce;hauteur_m;circonférence_cm;quartier;coordonnées",
        ...Array.from({ length: 48 }, (_, i) => {
          const lat = (45.75 + ((i * 37) % 100) / 2000).toFixed(5);
          const lon = (4.83 + ((i * 53) % 100) / 2000).toFixed(5);
          return `AR-${String(i + 1).padStart(3, "0")};${SPECIES[i % SPECIES.length]};${12 + ((i * 3) % 25)};${150 + ((i * 29) % 400)};Quartier ${1 + (i % 9)};${lat},${lon}`;
        }),
      ].join("\n") + "\n",
  },
  {
    dataset_id: "bike-counters",
    title: "Daily counts",
    filename: "bike-counters.json",
    type: "jsonfile",
    content: () =>
      JSON.stringify(
        Array.from({ length: 60 }, (_, i) => ({
          counter: COUNTERS[i % COUNTERS.length],
          date: `2024-03-${String(1 + Math.floor(i / COUNTERS.length)).padStart(2, "0")}`,
          bicycles: 300 + ((i * 97) % 900),
          weekday: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][Math.floor(i / COUNTERS.length) % 7],
        })),
        null,
        2,
      ),
  },
];
