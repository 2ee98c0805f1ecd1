/** A dataset_id derived from a title: "Qualité de l'air 2024" → "qualite-de-l-air-2024". */
export function slugifyDatasetId(title: string): string {
  return title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

/** Candidates tried in order when the client gave no dataset_id: the slug, then slug-1, slug-2… */
export function* datasetIdCandidates(title: string, attempts = 50): Generator<string> {
  const base = slugifyDatasetId(title) || "dataset";
  yield base;
  for (let i = 1; i < attempts; i++) yield `${base}-${i}`;
}
