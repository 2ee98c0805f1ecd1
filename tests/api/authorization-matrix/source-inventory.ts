// Reads the code the matrix must cover: the server actions (every export of lib/**/actions.ts, found as
// tests/unit/access-inventory.test.ts finds them) and the endpoint files with what they import.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { AnyEndpoint } from "@/lib/http/endpoint";

export const root = join(__dirname, "..", "..", "..");
const ENDPOINT_DIRS = ["app/api/automation/_endpoints", "app/api/explore/_endpoints"];

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "generated" ? [] : filesUnder(path, match);
    return match(name) ? [path] : [];
  });
}

/** `import { a, b as c } from "m"` → a → m, c → m. */
export function importsOf(source: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const [, list, specifier] of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    for (const item of list!.split(",")) {
      const name = item.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) names.set(name.replace(/^type\s+/, ""), specifier!);
    }
  }
  return names;
}

/** The text of an exported function, up to the next top-level export. */
export function functionBody(source: string, name: string): string | null {
  const start = source.search(new RegExp(`export (async )?function ${name}\\(`));
  return start < 0 ? null : source.slice(start).split(/\nexport /)[0]!;
}

export type ServerAction = { name: string; file: string; body: string; source: string; imports: Map<string, string>; anyOf: string[] | null };

/** `anyOf: ["x"]` or `anyOf: administrators` (a const array of the same file); null without anyOf. */
function anyOfIn(body: string, source: string): string[] | null {
  const match = /anyOf:\s*(\[[^\]]*\]|\w+)/.exec(body);
  if (!match) return null;
  const list = match[1]!.startsWith("[") ? match[1]! : new RegExp(`const ${match[1]} = (\\[[^\\]]*\\])`).exec(source)?.[1];
  if (!list) throw new Error(`anyOf ${match[1]} is not a const array in the same file`);
  return [...list.matchAll(/"(\w+)"/g)].map((m) => m[1]!).sort();
}

export function serverActions(): ServerAction[] {
  return filesUnder(join(root, "lib"), (n) => n === "actions.ts").flatMap((path) => {
    const source = readFileSync(path, "utf8");
    const file = relative(root, path);
    return [...source.matchAll(/export async function (\w+)\(/g)].map((m) => {
      const body = functionBody(source, m[1]!)!;
      return { name: m[1]!, file, body, source, imports: importsOf(source), anyOf: anyOfIn(body, source) };
    });
  });
}

export type EndpointFile = { file: string; source: string; imports: Map<string, string>; endpoints: Set<AnyEndpoint> };

/**
 * Each file defining endpoints, with the endpoint objects it exports (the same objects the API's index lists).
 * An index that gathers its siblings' lists (it imports from "./") defines none of them.
 */
export async function endpointFiles(): Promise<EndpointFile[]> {
  const files = ENDPOINT_DIRS.flatMap((dir) => filesUnder(join(root, dir), (n) => n.endsWith(".ts") && !n.endsWith(".test.ts"))).filter(
    (path) => !/from "\.\//.test(readFileSync(path, "utf8")),
  );
  return Promise.all(
    files.map(async (path) => {
      const source = readFileSync(path, "utf8");
      const exported = (await import(path)) as Record<string, unknown>;
      const endpoints = new Set(
        Object.values(exported)
          .filter(Array.isArray)
          .flat()
          .filter((e): e is AnyEndpoint => typeof e === "object" && e !== null && "handler" in e && "path" in e),
      );
      return { file: relative(root, path), source, imports: importsOf(source), endpoints };
    }),
  );
}

/** Every route handler of the app, as a path from the repository root. */
export function routeHandlers(): string[] {
  return filesUnder(join(root, "app"), (n) => /^route\.tsx?$/.test(n)).map((path) => relative(root, path));
}

/** "@/lib/users/invitations" → its source. */
export function moduleSource(specifier: string): string {
  return readFileSync(join(root, `${specifier.replace(/^@\//, "")}.ts`), "utf8");
}
