// The authorization matrix (issue 6): every API operation, tried by anonymous, a plain user, a group member, a
// restricted user, a scoped API key, an administrator and a user holding a dataset ruleset, on their own objects and
// on others'. Expected outcomes are derived from each operation's requirement (authorization-matrix/requirements.ts):
// a denied call answers 401/403/404 and leaves the object as it was, an allowed one really succeeds. The inventory
// part fails when a route handler, an API operation or a server action has no line in the matrix, so a new one
// cannot ship unchecked.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { automationEndpoints } from "@/app/api/automation/_endpoints";
import { exploreEndpoints } from "@/app/api/explore/_endpoints";
import type { AnyEndpoint } from "@/lib/http/endpoint";
import { actionMatrix } from "./authorization-matrix/action-entries";
import { automationMatrix, exploreMatrix, type Entry } from "./authorization-matrix/endpoint-entries";
import { massAssignmentTests } from "./authorization-matrix/mass-assignment";
import { nestedObjectTests } from "./authorization-matrix/nested-objects";
import { describeRequirement } from "./authorization-matrix/requirements";
import { primeBaseline, runEntry } from "./authorization-matrix/run-entry";
import { productionServerEntries, routeHandlerMatrix } from "./authorization-matrix/route-handler-entries";
import { endpointFiles, functionBody, moduleSource, root, routeHandlers, serverActions } from "./authorization-matrix/source-inventory";
import { buildWorld, EXPLORE_BASE, type Fixtures, type World } from "./authorization-matrix/world";

const backend = inject("backend");
const AUTOMATION_BASE = "/api/automation/v1";
const keyOf = (e: AnyEndpoint) => `${e.method} ${e.path}`;
const sorted = (list: readonly string[] | null | undefined) => (list ? [...list].sort() : null);

describe("authorization matrix inventory", () => {
  it.each([
    ["Automation", automationEndpoints, automationMatrix],
    ["Explore", exploreEndpoints, exploreMatrix],
  ] as const)("has exactly one entry per %s operation", (_, endpoints, matrix) => {
    const keys = endpoints.map(keyOf);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i), "operations declared twice").toEqual([]);
    expect(keys.filter((k) => !(k in matrix)), "operations without an entry in authorization-matrix/endpoint-entries.ts").toEqual([]);
    expect(Object.keys(matrix).filter((k) => !keys.includes(k)), "entries naming no operation").toEqual([]);
  });

  it("agrees with the access each operation declares", () => {
    const problems = [...automationEndpoints, ...exploreEndpoints].flatMap((endpoint) => {
      const entry: Entry | undefined = automationMatrix[keyOf(endpoint)] ?? exploreMatrix[keyOf(endpoint)];
      if (!entry) return [];
      const publicEntry = entry.requires.kind === "public" || entry.requires.kind === "explore";
      if ((endpoint.access.kind === "public") !== publicEntry) return [`${keyOf(endpoint)}: declared ${endpoint.access.kind}, matrix ${describeRequirement(entry.requires)}`];
      const anyOf = endpoint.access.kind === "principal" ? endpoint.access.anyOf : undefined;
      const matches = entry.requires.kind === "domain" && anyOf?.includes(entry.requires.permission);
      if (anyOf && !matches) return [`${keyOf(endpoint)}: declares anyOf ${anyOf}, matrix ${describeRequirement(entry.requires)}`];
      return [];
    });
    expect(problems).toEqual([]);
    const unexplained = Object.entries({ ...automationMatrix, ...exploreMatrix }).filter(([, entry]) => (entry.ok ?? 200) >= 400 && !entry.note);
    expect(unexplained.map(([key]) => key), "an allowed call answering 4xx must say why (note)").toEqual([]);
  });

  it("has exactly one entry per route handler, the API ones serving the tables above", () => {
    const handlers = routeHandlers();
    expect(handlers.filter((h) => !(h in routeHandlerMatrix)), "route handlers without an entry in authorization-matrix/route-handler-entries.ts").toEqual([]);
    expect(Object.keys(routeHandlerMatrix).filter((h) => !handlers.includes(h)), "entries naming no route handler").toEqual([]);
    for (const [handler, entry] of Object.entries(routeHandlerMatrix)) {
      // (a surface may pass its own authentication and error rendering after the table)
      if ("serves" in entry) expect(readFileSync(join(root, entry.via ?? handler), "utf8"), handler).toMatch(new RegExp(`createApiHandler\\(${entry.serves}[,)]`));
      if ("via" in entry && entry.via) expect(readFileSync(join(root, handler), "utf8"), handler).toMatch(/from "\.\.\/\.\.\/_endpoints\/handler"/);
    }
    // The production server's own entry points call the handler of the route they stand in for, and nothing else serves requests there.
    const serverFiles = readdirSync(join(root, "server")).filter((f) => f.endsWith(".ts"));
    const serving = serverFiles.filter((f) => /serve\w*\(|createServer\(/.test(readFileSync(join(root, "server", f), "utf8")));
    expect(serving.sort(), "server/ files that answer requests").toEqual(["explore-fast-path.ts", "main.ts", "upstream-fast-path.ts"]);
    for (const [file, entry] of Object.entries(productionServerEntries)) {
      expect(readFileSync(join(root, file), "utf8"), file).toContain(entry.calls);
      expect(routeHandlerMatrix[entry.standsInFor], file).toBeDefined();
    }
  });

  it("has exactly one entry per server action", () => {
    const names = serverActions().map((a) => `${a.name} (${a.file})`);
    expect(names.filter((n, i) => names.findIndex((m) => m.split(" ")[0] === n.split(" ")[0]) !== i), "action names must be unique").toEqual([]);
    expect(names.filter((n) => !(n.split(" ")[0]! in actionMatrix)), "actions without an entry in authorization-matrix/action-entries.ts").toEqual([]);
    expect(Object.keys(actionMatrix).filter((k) => !names.some((n) => n.startsWith(`${k} `))), "entries naming no action").toEqual([]);
  });

  it("ties each server action to the service function an API operation reaches, with the same gate", async () => {
    const files = await endpointFiles();
    const problems: string[] = [];
    for (const action of serverActions()) {
      const entry = actionMatrix[action.name];
      if (!entry) continue;
      const fns = "calls" in entry ? entry.calls.map((c) => c.fn) : entry.fns;
      for (const fn of fns) if (!action.body.includes(`${fn}(`)) problems.push(`${action.name} does not call ${fn}`);
      if (JSON.stringify(sorted(entry.anyOf)) !== JSON.stringify(action.anyOf)) problems.push(`${action.name}: anyOf ${action.anyOf} in the code, ${entry.anyOf} in the matrix`);
      if ("consoleOnly" in entry) {
        const wrapped = action.body.includes("runAction(");
        if (wrapped && entry.public) problems.push(`${action.name} goes through runAction, yet is listed as public`);
        if (!wrapped && !entry.public) problems.push(`${action.name} has no runAction: say what stands in for the principal (public)`);
        for (const fn of entry.fns) {
          const specifier = action.imports.get(fn);
          const reaching = files.filter((file) => specifier && file.imports.get(fn) === specifier);
          for (const file of reaching) problems.push(`${action.name} is listed as console-only, but ${file.file} imports ${fn}: name that operation`);
        }
        const guarded = action.imports.get(entry.fns[0]!);
        if (!guarded || !functionBody(moduleSource(guarded), entry.fns[0]!)?.includes(entry.guard)) problems.push(`${action.name}: ${entry.fns[0]} does not check ${entry.guard}`);
        continue;
      }
      for (const call of entry.calls) {
        const root = call.fn.split(".")[0]!;
        const specifier = action.imports.get(root);
        const endpoint = automationEndpoints.find((e) => keyOf(e) === call.via);
        const file = files.find((f) => endpoint && f.endpoints.has(endpoint));
        const reached = call.through ?? root;
        if (!specifier) problems.push(`${action.name}: ${root} is not imported`);
        else if (!(call.via in automationMatrix) || !endpoint || !file) problems.push(`${action.name}: ${call.via} is not an operation of the matrix`);
        else if (file.imports.get(reached) !== specifier) problems.push(`${action.name}: ${call.via} (${file.file}) does not import ${reached} from ${specifier}`);
        else if (call.through && !functionBody(moduleSource(specifier), call.through)?.includes(`${call.fn}(`)) problems.push(`${action.name}: ${call.through} does not call ${call.fn}`);
        const gate = endpoint?.access.kind === "principal" ? sorted(endpoint.access.anyOf) : null;
        if (gate && JSON.stringify(gate) !== JSON.stringify(action.anyOf)) problems.push(`${action.name} is gated by ${action.anyOf}, ${call.via} by ${gate}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!!backend.skipReason)(`authorization matrix (${backend.provider})`, () => {
  let world: World;
  let fixtures: Fixtures;
  const context = () => ({ world, fixtures });

  beforeAll(async () => {
    ({ world, fixtures } = await buildWorld(backend.baseUrl));
    await primeBaseline(world, [automationMatrix, exploreMatrix]);
  }, 120_000);

  describe.each([
    ["Automation API", AUTOMATION_BASE, automationMatrix],
    ["Explore API", EXPLORE_BASE, exploreMatrix],
  ] as const)("%s", (_, base, matrix) => {
    // Entries run a few at a time: allowed calls act on fresh objects only, so they never disturb another entry's
    // snapshots of the shared objects.
    it.concurrent.for(Object.entries(matrix).map(([key, entry]) => [`${key} — ${describeRequirement(entry.requires)}`, key, entry] as const))("%s", async ([, key, entry], { expect }) => {
      const problems = await runEntry(world, fixtures, base, key, entry);
      expect(problems, entry.knownBug ? `KNOWN BUG: ${entry.knownBug}` : "unauthorized successes or refused allowed calls").toEqual([]);
    });
  });

  it("the route handlers outside the endpoint tables answer anyone, with no data", async () => {
    const [health, openapi] = await Promise.all([fetch(`${backend.baseUrl}/api/health`), fetch(`${backend.baseUrl}${AUTOMATION_BASE}/openapi.json`)]);
    expect(health.status).toBe(200);
    expect(openapi.status).toBe(200);
    const text = (await health.text()) + (await openapi.text());
    for (const dataset of [world.foreignDataset, world.publicDataset]) expect(text).not.toContain(dataset.dataset_uid);
  });

  describe("objects of another dataset, named through one's own", () => nestedObjectTests(context));
  describe("mass assignment of read-only fields", () => massAssignmentTests(context));
});
