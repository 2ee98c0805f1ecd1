// The first call a script would make on a surface, as a curl command: a list if the surface has one, else its
// first operation (with a JSON body read from request.json when it takes one).
import type { ApiSurfaceEntry } from "@/app/api/surfaces";

export function curlExample(surface: Pick<ApiSurfaceEntry, "base" | "authExample" | "endpoints">, origin: string): string {
  const endpoint = surface.endpoints.find((e) => e.method === "GET" && !e.path.includes("{")) ?? surface.endpoints[0];
  const parts = ["curl"];
  if (endpoint && endpoint.method !== "GET") parts.push(`-X ${endpoint.method}`);
  parts.push(surface.authExample);
  if (endpoint?.body) parts.push('-H "Content-Type: application/json" -d @request.json');
  parts.push(`${origin}${surface.base}${endpoint?.path ?? "/"}`);
  return parts.join(" ");
}
