// The example of data.world's "Replace Dataset" page (seed 004), run with curl as a user would: host and key
// aside, the script is the page's. Written as it is, its header is in single quotes, so the shell sends
// `${DW_API_TOKEN}` itself rather than the key: data.world would refuse it too, and so do we, saying why.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiKey, createUserAccount } from "@/lib/users/accounts";
import { apiClient } from "../../support/api-client";

const backend = inject("backend");
const run = promisify(execFile);

const curlFound = await run("which", ["curl"]).then(
  () => true,
  () => false,
);

const SCRIPT = `export DW_API_TOKEN=<your api token goes here>
curl -X PUT -H 'Authorization: Bearer \${DW_API_TOKEN}' -H 'Content-Type: application/json' -d @request.json https://api.data.world/v0/datasets/jonloyens/an-intro-to-dataworld-dataset`;

const REQUEST_JSON = `{
  "description": "2017 data.world basketball program",
  "summary": "Fake data.world basketball team players and stats. Includes 2016 and 2017 team",
  "tags": [
    "basketball"
  ],
  "visibility": "OPEN",
  "files": [
    {
      "name": "DataDotWorld2017BBallTeam.csv",
      "source": {
        "url": "https://docs.google.com/spreadsheets/d/1UheyB6pxTCfLpRmIGITM0fKb8jHVEvPuajmuejxxRyE/pub?gid=1371600687&single=true&output=csv"
      },
      "description": "Purely fictitious performance data on our purely fictitious data.world basketball team.",
      "labels": [
        "raw data", "clean data"
      ]
    }
  ]
}
`;

describe.skipIf(!!backend.skipReason || !curlFound)(`data.world replace: the seed's example with curl (${backend.provider})`, () => {
  let key: string;
  let dataset_uid: string;
  let dir: string;

  /** The seed's script with our host and `key` (the page's own <your api token goes here>). */
  async function runScript(script: string): Promise<unknown> {
    const ours = script.replace("<your api token goes here>", key).replace("https://api.data.world", backend.baseUrl);
    const { stdout } = await run("bash", ["-e", "-c", ours], { cwd: dir });
    return JSON.parse(stdout);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dw-seed-"));
    writeFileSync(join(dir, "request.json"), REQUEST_JSON);
    const user = await createUserAccount({ username: "jonloyens", permissions: ["create_dataset"] });
    key = (await createApiKey({ user_id: user.user_id, label: "data.world script", permissions: ["create_dataset"] })).secret;
    const created = await apiClient(backend.baseUrl, key).post("/datasets/", {
      dataset_id: "an-intro-to-dataworld-dataset",
      metadata: { default: { title: { value: "An Intro to data.world Dataset" }, keyword: { value: ["old"] } } },
    });
    expect(created.status).toBe(201);
    dataset_uid = created.body.uid;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("as written: the single-quoted header sends the variable's name, refused with 401 saying so", async () => {
    const body = (await runScript(SCRIPT)) as { error_code: string; message: string };
    expect(body.error_code).toBe("unauthorized");
    expect(body.message).toContain("${DW_API_TOKEN}");
  });

  it("with the key in the header: replaced, as the page's response says", async () => {
    const body = await runScript(SCRIPT.replace("${DW_API_TOKEN}", "$DW_API_TOKEN").replace("'Authorization: Bearer $DW_API_TOKEN'", '"Authorization: Bearer $DW_API_TOKEN"'));
    expect(body).toEqual({ message: "Dataset has been successfully replaced." });

    const automation = apiClient(backend.baseUrl, key);
    const dataset = (await automation.get(`/datasets/${dataset_uid}/`)).body;
    expect(dataset.is_restricted).toBe(false);
    expect(dataset.metadata.default).toMatchObject({
      title: { value: "An Intro to data.world Dataset" },
      description: { value: "Fake data.world basketball team players and stats. Includes 2016 and 2017 team" },
      keyword: { value: ["basketball"] },
    });
    const resources = (await automation.get(`/datasets/${dataset_uid}/resources/`)).body.results;
    expect(resources).toMatchObject([
      {
        title: "DataDotWorld2017BBallTeam.csv",
        type: "csvfile",
        datasource: { type: "http", connection: { url: "https://docs.google.com/spreadsheets/d/1UheyB6pxTCfLpRmIGITM0fKb8jHVEvPuajmuejxxRyE/pub?gid=1371600687&single=true&output=csv" } },
      },
    ]);
  });
});
