// The Automation API v1 answers only authenticated callers: an API key in the Authorization header or the
// apikey query parameter.
import { ADMIN_API_KEY } from "./support/accounts";
import { expect, test, unique } from "./support/fixtures";
import { adminHeaders, datasetBody } from "./support/helpers";

const LIST = "/api/automation/v1/datasets/";
const BAD_KEY = "0123456789abcdef".repeat(2);

type ApiError = { error_code: string; message: string };

test("refuses a request without credentials", async ({ request }) => {
  const response = await request.get(LIST);
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toMatch(/application\/json/);
  const body = (await response.json()) as ApiError;
  expect(body.error_code).toBe("unauthorized");
  expect(body.message).toBeTruthy();
});

test("refuses an unknown API key, in the header and in the query", async ({ request }) => {
  const inHeader = await request.get(LIST, { headers: { Authorization: `Apikey ${BAD_KEY}` } });
  expect(inHeader.status()).toBe(401);
  expect(((await inHeader.json()) as ApiError).error_code).toBe("unauthorized");

  const inQuery = await request.get(`${LIST}?apikey=${BAD_KEY}`);
  expect(inQuery.status()).toBe(401);
  expect(((await inQuery.json()) as ApiError).error_code).toBe("unauthorized");

  const write = await request.post(LIST, { headers: { Authorization: `Apikey ${BAD_KEY}` }, data: datasetBody(unique("Refused")) });
  expect(write.status()).toBe(401);
  expect(((await write.json()) as ApiError).error_code).toBe("unauthorized");
});

test("lists datasets with the administrator's key, in the header or in the query", async ({ request }) => {
  const inHeader = await request.get(`${LIST}?limit=5`, { headers: adminHeaders });
  expect(inHeader.status()).toBe(200);
  const body = (await inHeader.json()) as { total_count: number; results: { uid: string; dataset_id: string }[] };
  expect(body.total_count).toBeGreaterThanOrEqual(6); // the demo datasets at least
  expect(body.results.length).toBeGreaterThan(0);
  expect(body.results.length).toBeLessThanOrEqual(5);

  const inQuery = await request.get(`${LIST}?dataset_id=bike-counters&apikey=${ADMIN_API_KEY}`);
  expect(inQuery.status()).toBe(200);
  const one = (await inQuery.json()) as typeof body;
  expect(one.total_count).toBe(1);
  expect(one.results.map((d) => d.dataset_id)).toEqual(["bike-counters"]);
});

test("creates a dataset with the administrator's key and reads it back by uid", async ({ request }) => {
  const title = unique("Water quality");
  const datasetId = unique("water-quality");
  const created = await request.post(LIST, {
    headers: adminHeaders,
    data: datasetBody(title, { keyword: { value: ["water"] } }, datasetId),
  });
  expect(created.status()).toBe(201);
  const dataset = (await created.json()) as { uid: string; dataset_id: string; is_published: boolean; is_restricted: boolean };
  expect(dataset.uid).toMatch(/^da_[a-z0-9]+$/);
  expect(dataset.dataset_id).toBe(datasetId);
  expect(dataset.is_published).toBe(false);
  expect(dataset.is_restricted).toBe(false);

  const fetched = await request.get(`${LIST}${dataset.uid}/`, { headers: adminHeaders });
  expect(fetched.status()).toBe(200);
  const body = (await fetched.json()) as { uid: string; dataset_id: string; metadata: { default: Record<string, { value: unknown }> } };
  expect(body.uid).toBe(dataset.uid);
  expect(body.dataset_id).toBe(datasetId);
  expect(body.metadata.default.title?.value).toBe(title);
  expect(body.metadata.default.keyword?.value).toEqual(["water"]);

  // without credentials, the same URL is refused
  expect((await request.get(`${LIST}${dataset.uid}/`)).status()).toBe(401);
});

test("answers 404 not_found for an unknown dataset", async ({ request }) => {
  const response = await request.get(`${LIST}da_zzzzzz/`, { headers: adminHeaders });
  expect(response.status()).toBe(404);
  const body = (await response.json()) as ApiError;
  expect(body.error_code).toBe("not_found");
  expect(body.message).toBeTruthy();
});
