// The demo domain seeded on first start (SEED_DEMO, on by default): groups and users for each kind of console
// user, and a few datasets to look at. The e2e tests sign in as these users.
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { createDataset } from "@/lib/datasets/service";
import { createResource, saveFile } from "@/lib/resources/service";
import { DEMO_RESOURCES } from "@/lib/setup/demo-resources";
import type { DatasetWrite } from "@/lib/datasets/schema";
import { createGroup, createUserAccount } from "@/lib/users/accounts";
import type { PrincipalRecord } from "@/lib/store/types";

export const DEMO_GROUPS = [
  {
    uid: "data_publishers",
    title: "Data publishers",
    description: "Create, edit and publish every dataset.",
    permissions: ["create_dataset", "edit_dataset", "publish_dataset"] as Permission[],
  },
  {
    uid: "reviewers",
    title: "Reviewers",
    description: "Read every dataset, including restricted ones, without changing them.",
    permissions: ["explore_restricted_dataset"] as Permission[],
  },
];

export const DEMO_USERS = [
  { username: "publisher", first_name: "Paula", last_name: "Publisher", groups: ["data_publishers"], permissions: [] as Permission[] },
  { username: "reviewer", first_name: "Rémi", last_name: "Reviewer", groups: ["reviewers"], permissions: [] as Permission[] },
  // May create datasets and change only the ones they created.
  { username: "contributor", first_name: "Chloé", last_name: "Contributor", groups: [], permissions: ["create_dataset"] as Permission[] },
];

const meta = (title: string, description: string, keyword: string[], extra: Record<string, unknown> = {}) =>
  ({
    metadata: {
      default: {
        title: { value: title },
        description: { value: description },
        keyword: { value: keyword },
        ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, { value: v }])),
      },
    },
  }) as DatasetWrite;

export const DEMO_DATASETS: DatasetWrite[] = [
  { dataset_id: "air-quality-stations", ...meta("Air quality measurements", "Hourly NO₂, PM10 and O₃ concentrations measured by the city's monitoring stations.", ["air", "environment", "health"], { publisher: "Environment department", language: "en" }) },
  { dataset_id: "bike-counters", ...meta("Bicycle counters", "Daily number of bicycles counted at each permanent counting point.", ["mobility", "cycling"], { publisher: "Mobility department" }) },
  { dataset_id: "arbres-remarquables", ...meta("Arbres remarquables", "Inventaire des arbres remarquables de la ville : espèce, hauteur, circonférence et localisation.", ["environnement", "arbres"], { language: "fr", publisher: "Direction des espaces verts" }) },
  { dataset_id: "population-by-district", ...meta("Population by district", "Resident population of each district, by age group, from the latest census.", ["population", "census"]) },
  { dataset_id: "public-toilets", is_restricted: true, ...meta("Public toilets (draft)", "Locations and opening hours of public toilets. Being verified before publication.", ["facilities"]) },
  { dataset_id: "budget-primitif", ...meta("Budget primitif", "Budget voté par le conseil municipal, par chapitre et par nature.", ["finances", "budget"], { language: "fr" }) },
];

export async function seedDemoDomain(admin: PrincipalRecord, demoPassword: string): Promise<void> {
  for (const group of DEMO_GROUPS) await createGroup(group);
  for (const user of DEMO_USERS) await createUserAccount({ ...user, password: demoPassword });
  const principal: Principal = {
    user_id: admin.user_id,
    username: admin.username,
    permissions: new Set(PERMISSIONS),
    via: "session",
    locale: null,
  };
  const created = new Map<string, string>();
  for (const dataset of DEMO_DATASETS) {
    const { uid, dataset_id } = await createDataset(principal, dataset);
    created.set(dataset_id, uid);
  }
  for (const resource of DEMO_RESOURCES) {
    const dataset_uid = created.get(resource.dataset_id)!;
    const file = await saveFile(principal, dataset_uid, resource.filename, Buffer.from(resource.content()));
    await createResource(principal, dataset_uid, { type: resource.type, title: resource.title, datasource: { type: "uploaded_file", file: { uid: file.uid } } });
  }
}
