// Every route handler (app/**/route.ts): the two API catch-alls serve the endpoint tables the matrix covers line by
// line; the others are public by nature and say why.
export type RouteHandlerEntry = { serves: "automationEndpoints" | "exploreEndpoints"; alsoPublic?: string } | { public: string };

export const routeHandlerMatrix: Record<string, RouteHandlerEntry> = {
  "app/api/automation/[version]/[[...path]]/route.ts": {
    serves: "automationEndpoints",
    alsoPublic: "GET openapi.json: the description of the API, no data",
  },
  "app/api/explore/[version]/[[...path]]/route.ts": { serves: "exploreEndpoints" },
  "app/api/auth/[...nextauth]/route.ts": { public: "next-auth: sign-in (CSRF token, throttled), session, sign-out" },
  "app/api/health/route.ts": { public: "readiness probe: ok or unavailable, nothing else" },
};
