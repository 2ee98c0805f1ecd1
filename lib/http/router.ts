// Matches "/datasets/da_x1y2z3/" against endpoint path templates. Trailing slashes are optional (the
// Automation API documents them, many clients drop them) and never answered with a redirect.
import type { AnyEndpoint, HttpMethod } from "@/lib/http/endpoint";

type Compiled = { endpoint: AnyEndpoint; regex: RegExp; names: string[] };
export type RouteMatch =
  | { kind: "found"; endpoint: AnyEndpoint; params: Record<string, string> }
  | { kind: "method_not_allowed"; allow: HttpMethod[] }
  | { kind: "not_found" };

export function compileRoutes(endpoints: AnyEndpoint[]): Compiled[] {
  return endpoints.map((endpoint) => {
    const names: string[] = [];
    const pattern = endpoint.path
      .replace(/\/+$/, "")
      .split("/")
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (param) {
          names.push(param[1]!);
          return "([^/]+)";
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    return { endpoint, regex: new RegExp(`^${pattern}/?$`), names };
  });
}

export function matchRoute(routes: Compiled[], method: string, pathname: string): RouteMatch {
  const allow = new Set<HttpMethod>();
  for (const route of routes) {
    const m = route.regex.exec(pathname);
    if (!m) continue;
    if (route.endpoint.method === method || (method === "HEAD" && route.endpoint.method === "GET")) {
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(m[i + 1]!)]));
      } catch {
        return { kind: "not_found" };
      }
      // No identifier contains U+0000; looking one up would fail on PostgreSQL.
      if (Object.values(params).some((v) => v.includes("\u0000"))) return { kind: "not_found" };
      return { kind: "found", endpoint: route.endpoint, params };
    }
    allow.add(route.endpoint.method);
  }
  return allow.size ? { kind: "method_not_allowed", allow: [...allow] } : { kind: "not_found" };
}
