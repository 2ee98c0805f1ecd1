// The data.gouv.fr guide's examples (seed 002, "Gérer un jeu de données par l'API"), run as written with curl —
// only the host and the key differ — against the real server. Its HTTPie examples are sent as HTTPie sends them
// (JSON of strings, `-f` multipart), including the guide's misspelt `ressources` paths.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { execSync } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { storedFiles } from "./udata-client";

const backend = inject("backend");
const run = promisify(execFile);
const hasCurl = (() => {
  try {
    execSync("which curl", { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Runs one of the guide's curl commands with its variables set; answers the HTTP status and the JSON body. */
async function curl(command: string, env: Record<string, string>): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  // -s and -w only read the answer: the command itself is the guide's
  const { stdout } = await run("bash", ["-c", command.replace(/^curl /, 'curl -s -w "\\n%{http_code}" ')], { env: { ...process.env, ...env } });
  const lines = stdout.trimEnd().split("\n");
  const status = Number(lines.pop());
  const text = lines.join("\n");
  return { status, body: text ? JSON.parse(text) : undefined };
}

describe.skipIf(!!backend.skipReason || !hasCurl)(`the data.gouv.fr guide's examples (${backend.provider})`, () => {
  const dir = mkdtempSync(join(tmpdir(), "udata-guide-"));
  const path = join(dir, "chemin-vers-le-fichier.csv");
  const newPath = join(dir, "nouveau-fichier.csv");
  writeFileSync(path, "code;commune\n75001;Paris 1er\n");
  writeFileSync(newPath, "code;commune\n69001;Lyon 1er\n");
  const env: Record<string, string> = { API: `${backend.baseUrl}/api/1`, API_KEY: backend.adminKey, ORG: "5bbb6d6cff66bd4dc17bfd5a" };

  it("runs the curl examples from creation to deletion", async () => {
    const created = await curl(
      `curl -H "Content-Type:application/json" \\
     -H "Accept:application/json" \\
     -H "X-Api-Key:$API_KEY" \\
     --data '{"title": "my title", "description": "My description", "organization": "$ORG"}' \\
     -X POST $API/datasets/`,
      env,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ title: "my title", description: "My description", private: false });
    env.DATASET = created.body.id;

    const uploaded = await curl(
      `curl -H "Accept:application/json" \\
     -H "X-Api-Key:$API_KEY" \\
     -F "file=@${path}" \\
     -X POST $API/datasets/$DATASET/upload/`,
      env,
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body).toMatchObject({ filetype: "file", format: "csv" });
    env.RESOURCE = uploaded.body.id;

    // the guide's body writes `filetype` unquoted
    const remote = await curl(
      `curl -H "Content-Type:application/json" \\
     -H "Accept:application/json" \\
     -H "X-Api-Key:$API_KEY" \\
     --data '{"title": "my title", "description": "My description", "type": "main", filetype: "remote", "format": "csv",  "url": "https://url.to/ressource.csv"}' \\
     -X POST $API/datasets/$DATASET/resources/`,
      env,
    );
    expect(remote.status, JSON.stringify(remote.body)).toBe(201);
    expect(remote.body).toMatchObject({ filetype: "remote", url: "https://url.to/ressource.csv", description: "My description" });

    const updated = await curl(
      `curl -H "Content-Type:application/json" \\
     -H "Accept:application/json" \\
     -H "X-Api-Key:$API_KEY" \\
     --data '{"title": "Nouveau titre", "description": "Nouvelle description"}' \\
     -X PUT $API/datasets/$DATASET/`,
      env,
    );
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body).toMatchObject({ title: "Nouveau titre", description: "Nouvelle description" });

    const resourceUpdated = await curl(
      `curl -H "Content-Type:application/json" \\
     -H "Accept:application/json" \\
     -H "X-Api-Key:$API_KEY" \\
     --data '{"title": "Nouveau titre", "description": "Nouvelle description"}' \\
     -X PUT $API/datasets/$DATASET/resources/$RESOURCE/`,
      env,
    );
    expect(resourceUpdated.status, JSON.stringify(resourceUpdated.body)).toBe(200);
    expect(resourceUpdated.body).toMatchObject({ title: "Nouveau titre", description: "Nouvelle description" });

    const before = storedFiles(backend.env.DATA_DIR!);
    const replaced = await curl(
      `curl -H "Accept:application/json" \\
     -H "X-Api-Key:$API_KEY" \\
     -F "file=@${newPath}" \\
     -X POST $API/datasets/$DATASET/resources/$RESOURCE/upload/`,
      env,
    );
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    const after = storedFiles(backend.env.DATA_DIR!);
    expect(after.filter((f) => !before.includes(f))).toHaveLength(1);
    expect(before.filter((f) => !after.includes(f))).toHaveLength(1);

    const resourceDeleted = await curl(
      `curl -H "Accept:application/json" \\
     -H "X-Api-Key:$API_KEY" \\
     -X DELETE $API/datasets/$DATASET/resources/$RESOURCE`,
      env,
    );
    expect(resourceDeleted.status).toBe(204);

    const deleted = await curl(
      `curl -H "Accept:application/json" \\
     -H "X-Api-Key:$API_KEY" \\
     -X DELETE $API/datasets/$DATASET/`,
      env,
    );
    expect(deleted.status).toBe(204);
  });

  it("answers the HTTPie examples as HTTPie sends them, `ressources` paths included", async () => {
    const httpie = (method: string, path: string, fields?: Record<string, string>, form?: FormData) =>
      fetch(`${env.API}${path}`, {
        method,
        headers: { "X-Api-Key": backend.adminKey, Accept: "application/json, */*;q=0.5", ...(fields ? { "Content-Type": "application/json" } : {}) },
        body: fields ? JSON.stringify(fields) : form,
      });
    const created = await httpie("POST", "/datasets/", { title: "Mon titre", description: "Ma description", organization: env.ORG! });
    expect(created.status).toBe(201);
    const dataset = (await created.json()).id;
    const form = new FormData();
    form.append("file", new Blob(["a,b\n1,2\n"]), "fichier.csv");
    const uploaded = await httpie("POST", `/datasets/${dataset}/upload/`, undefined, form);
    expect(uploaded.status).toBe(201);
    const remote = await httpie("POST", `/datasets/${dataset}/ressources/`, { title: "Mon titre", description: "Ma description", url: "https://url.to/ressource.csv", type: "main", filetype: "remote", format: "csv" });
    expect(remote.status).toBe(201);
    const resource = (await remote.json()).id;
    expect((await httpie("PUT", `/datasets/${dataset}/`, { title: "Nouveau titre", description: "Nouvelle description" })).status).toBe(200);
    expect((await httpie("PUT", `/datasets/${dataset}/resources/${resource}/`, { title: "Nouveau titre", description: "Nouvelle description" })).status).toBe(200);
    expect((await httpie("DELETE", `/datasets/${dataset}/ressources/${resource}/`)).status).toBe(204);
    expect((await httpie("DELETE", `/datasets/${dataset}/`)).status).toBe(204);
  });
});
