// Every way into the console is guarded by the one mechanism for its kind; this fails when a new page, server
// action or API operation appears without it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { automationEndpoints } from "@/app/api/automation/_endpoints";
import { exploreEndpoints } from "@/app/api/explore/_endpoints";

const root = join(__dirname, "..", "..");

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "generated" ? [] : filesUnder(path, match);
    return match(name) ? [path] : [];
  });
}

describe("access inventory", () => {
  it("every console page checks its user server-side", () => {
    const pages = filesUnder(join(root, "app", "(console)"), (n) => n === "page.tsx");
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const source = readFileSync(page, "utf8");
      expect(/requirePage(Principal|Access)\(/.test(source), `${relative(root, page)} must call requirePagePrincipal or requirePageAccess`).toBe(true);
    }
  });

  it("every server action goes through runAction (or is explicitly public)", () => {
    const PUBLIC_ACTIONS = new Set(["setLocaleAction", "acceptInvitationAction"]);
    const files = filesUnder(join(root, "lib"), (n) => n === "actions.ts");
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      expect(source.startsWith('"use server"'), `${relative(root, file)} must start with "use server"`).toBe(true);
      const exported = [...source.matchAll(/export async function (\w+)\(/g)].map((m) => m[1]!);
      expect([...source.matchAll(/^export /gm)].length, `${relative(root, file)} may only export async functions`).toBe(exported.length);
      for (const name of exported) {
        if (PUBLIC_ACTIONS.has(name)) continue;
        const body = source.slice(source.indexOf(`export async function ${name}(`)).split(/\nexport /)[0]!;
        expect(body.includes("runAction("), `${name} in ${relative(root, file)} must call runAction`).toBe(true);
      }
    }
  });

  it("every API operation requires a principal, and paths are unique", () => {
    const seen = new Set<string>();
    for (const endpoint of automationEndpoints) {
      expect(endpoint.access.kind, `${endpoint.method} ${endpoint.path}`).toBe("principal");
      const key = `${endpoint.method} ${endpoint.path}`;
      expect(seen.has(key), `${key} declared twice`).toBe(false);
      seen.add(key);
    }
  });

  it("Explore operations are public reads whose services decide visibility per dataset", () => {
    for (const endpoint of exploreEndpoints) {
      expect(endpoint.method, endpoint.path).toBe("GET");
      expect(endpoint.access.kind, endpoint.path).toBe("public");
    }
    // every handler that names a dataset goes through exploredDataset (404 for what the caller may not see)
    const sources = ["lib/explore/records.ts", "lib/explore/exports.ts"].map((f) => readFileSync(join(root, f), "utf8"));
    for (const source of sources) {
      const functions = [...source.matchAll(/export async function (\w+)\(viewer: Viewer, dataset_id/g)].map((m) => m[1]!);
      expect(functions.length).toBeGreaterThan(0);
      for (const name of functions) {
        const body = source.slice(source.indexOf(`export async function ${name}(`)).split(/\nexport /)[0]!;
        expect(body.includes("await exploredDataset(viewer, dataset_id)"), `${name} must check visibility first`).toBe(true);
      }
    }
  });
});
