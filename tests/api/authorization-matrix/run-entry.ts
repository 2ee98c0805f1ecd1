// Runs one matrix entry: every actor × ownership, denied calls first on the shared objects (which must come out
// unchanged, re-read by the referee), then the allowed calls, each on an object of its own when it changes it.
import type { ApiResponse } from "../../support/api-client";
import { datasetIdOf, type Entry } from "./endpoint-entries";
import { freshObjects } from "./fresh-objects";
import { ACTORS, expectation, mayList, type Expectation, type Ownership } from "./requirements";
import { CSV, objectsFor, type Actor, type Fixtures, type Objects, type World } from "./world";

type Call = { actor: Actor; ownership: Ownership; expectation: Expectation; objects: Objects };
type Probe = { method: "GET" | "POST"; path: string; body?: unknown };

const OBJECT_PLACEHOLDER = /\{(dataset_uid|username|group_uid|apikey_uid)\}/;
const VOLATILE = new Set(["last_seen_at", "last_used_at", "last_login_at"]);

export function ownershipsFor(path: string, entry: Entry, actor: Actor): Ownership[] {
  const all: Ownership[] = entry.lists?.over ?? (path.includes("{dataset_id}") ? ["own", "foreign", "public"] : OBJECT_PLACEHOLDER.test(path) ? ["own", "foreign"] : ["none"]);
  return actor.user ? all : all.filter((o) => o !== "own");
}

export function resolvePath(path: string, entry: Entry, objects: Objects): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const key = (entry.params?.[name] ?? name) as keyof Objects;
    if (!(key in objects)) throw new Error(`No object for {${name}} in ${path}`);
    return encodeURIComponent(objects[key]);
  });
}

export async function send(world: World, base: string, key: string | null, method: string, path: string, entry: Entry, objects: Objects): Promise<ApiResponse> {
  const headers: Record<string, string> = key ? { Authorization: `Apikey ${key}` } : {};
  let body: BodyInit | undefined;
  if (entry.upload) {
    const form = new FormData();
    form.append("file", new Blob([CSV], { type: "text/csv" }), "matrix.csv");
    body = form;
  } else if (entry.body) {
    body = JSON.stringify(entry.body(objects));
    headers["Content-Type"] = "application/json";
  }
  const url = `${world.baseUrl}${base}${resolvePath(path, entry, objects)}${entry.query?.(objects) ?? ""}`;
  const response = await fetch(url, { method, headers, body, redirect: "manual" });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

/** What the referee re-reads to tell whether a write changed anything. */
export function probesFor(world: World, method: string, path: string, o: Objects): Probe[] {
  if (method === "GET") return [];
  const get = (p: string): Probe => ({ method: "GET", path: p });
  if (path.startsWith("/datasets/{dataset_uid}/")) {
    const d = `/datasets/${o.dataset_uid}`;
    const probes = [get(`${d}/`)];
    if (path.includes("/resources/")) probes.push(get(`${d}/resources/?limit=100`));
    if (path.includes("/processors/")) probes.push(get(`${d}/processors/?limit=100`));
    if (path.includes("/fields/")) probes.push(get(`${d}/fields/?limit=100`));
    if (/\/(publish|publish_metadata|unpublish|abort)\/$/.test(path)) probes.push(get(`${d}/status/`), get(`${d}/publish_jobs/`));
    if (path.includes("/security/")) probes.push(get(`${d}/security/users/?limit=1000`), get(`${d}/security/groups/?limit=1000`));
    return probes;
  }
  if (path === "/datasets/") return [get(`/datasets/?dataset_id=${datasetIdOf(o)}`)];
  if (path.startsWith("/users/{username}/")) return [get(`/users/${o.username}/?expand=groups`)];
  if (path === "/users/invite/" || path === "/users/provision/") return [get(`/users/?search=${o.marker}`)];
  if (path.startsWith("/groups/{group_uid}/")) return [get(`/groups/${o.group_uid}/`), get(`/groups/${o.group_uid}/users/?limit=1000`)];
  if (path === "/groups/") return [get(`/groups/?search=${o.marker}`)];
  if (path.startsWith("/apikeys/{apikey_uid}/")) return [{ method: "POST", path: "/apikeys/search_key/", body: { key: o.apikey_secret } }];
  if (path === "/metadata/templates/") return [get(`/metadata/templates/${o.marker}/`)];
  if (path.startsWith("/metadata/templates/{template_name}/")) return [get(`/metadata/templates/${o.template_name}/`)];
  return [];
}

async function readProbe(world: World, probe: Probe): Promise<string> {
  const res = await world.referee.request(probe.method, probe.path, { body: probe.body });
  return `${res.status} ${JSON.stringify(res.body ?? res.text, (key, value) => (VOLATILE.has(key) ? undefined : value))}`;
}

/**
 * The referee's reading of each probe. `baseline`: the first reading ever taken of it — the shared objects never
 * change legitimately (allowed calls act on fresh objects), so one reading serves as "before" for every entry.
 */
export async function snapshot(world: World, probes: Probe[], options: { baseline?: boolean } = {}): Promise<Map<string, string>> {
  const unique = [...new Map(probes.map((p) => [JSON.stringify(p), p])).values()];
  const answers = await Promise.all(
    unique.map(async (p) => {
      const key = JSON.stringify(p);
      if (!options.baseline) return [key, await readProbe(world, p)] as const;
      if (!world.baseline.has(key)) world.baseline.set(key, readProbe(world, p));
      return [key, await world.baseline.get(key)!] as const;
    }),
  );
  return new Map(answers);
}

export function compareSnapshots(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = [...before].filter(([probe, answer]) => after.get(probe) !== answer);
  return changed.map(
    ([probe, answer]) =>
      `a shared object changed (a denied call went through, here or in an entry running beside it) — ${probe}:\n` +
      `  before ${answer.slice(0, 300)}\n  after  ${after.get(probe)?.slice(0, 300)}`,
  );
}

function successStatus(method: string): number {
  return method === "POST" ? 201 : method === "DELETE" ? 204 : 200;
}

function judge(method: string, entry: Entry, call: Call, res: ApiResponse): string | null {
  const who = `${call.actor.name} on ${call.ownership}`;
  const got = `${res.status} ${res.text.slice(0, 200)}`;
  if (!call.expectation.allowed) return res.status === call.expectation.status ? null : `${who}: expected ${call.expectation.status} (denied), got ${got}`;
  const ok = entry.ok ?? successStatus(method);
  if (res.status !== ok) return `${who}: expected ${ok} (allowed), got ${got}`;
  const wrong = entry.verify?.(res);
  if (wrong) return `${who}: ${wrong}`;
  if (entry.lists) {
    const shown = res.text.includes(call.objects[entry.lists.marker]);
    const may = mayList(call.actor.name, entry.lists.scope, call.ownership);
    if (shown !== may) return `${who}: the answer ${may ? "misses" : "shows"} the ${call.ownership} object (${call.objects[entry.lists.marker]})`;
  }
  return null;
}

function callsFor(world: World, path: string, entry: Entry): Call[] {
  return ACTORS.flatMap((name) => {
    const actor = world.actors[name];
    return ownershipsFor(path, entry, actor).map((ownership) => ({
      actor,
      ownership,
      expectation: expectation(name, entry.requires, ownership),
      objects: objectsFor(world, actor, ownership),
    }));
  });
}

/** Reads every shared object a denied call may touch, before any call is made. */
export async function primeBaseline(world: World, matrices: Record<string, Entry>[]): Promise<void> {
  const probes = matrices.flatMap((matrix) =>
    Object.entries(matrix).flatMap(([key, entry]) => {
      const [method, path] = key.split(" ") as [string, string];
      return callsFor(world, path, entry)
        .filter((c) => !c.expectation.allowed)
        .flatMap((c) => probesFor(world, method, path, c.objects));
    }),
  );
  await snapshot(world, probes, { baseline: true });
}

/** Problems found for one entry (an empty list: every actor got what the requirement says). */
export async function runEntry(world: World, fixtures: Fixtures, base: string, key: string, entry: Entry): Promise<string[]> {
  const [method, path] = key.split(" ") as [string, string];
  const calls = callsFor(world, path, entry);
  const denied = calls.filter((c) => !c.expectation.allowed);
  const allowed = calls.filter((c) => c.expectation.allowed);
  const problems: string[] = [];

  // fresh objects are nobody else's: made while the denied calls run, they cannot disturb the snapshots
  const fresh = entry.fresh;
  const made = fresh
    ? Promise.all(
        allowed.map(async (c) => {
          const objects = await freshObjects(world, fixtures, fresh, c.actor, c.ownership);
          c.objects = { ...c.objects, ...objects.objects };
          if (objects.actor) c.actor = objects.actor;
        }),
      )
    : Promise.resolve();
  made.catch(() => undefined); // awaited below: a failure surfaces there, not as an unhandled rejection

  const probes = denied.flatMap((c) => probesFor(world, method, path, c.objects));
  const before = await snapshot(world, probes, { baseline: true });
  const deniedAnswers = await Promise.all(denied.map((c) => send(world, base, c.actor.key, method, path, entry, c.objects)));
  denied.forEach((c, i) => problems.push(judge(method, entry, c, deniedAnswers[i]!) ?? ""));
  problems.push(...compareSnapshots(before, await snapshot(world, probes)));

  await made;
  const allowedAnswers = await Promise.all(allowed.map((c) => send(world, base, c.actor.key, method, path, entry, c.objects)));
  allowed.forEach((c, i) => problems.push(judge(method, entry, c, allowedAnswers[i]!) ?? ""));
  return problems.filter(Boolean);
}
