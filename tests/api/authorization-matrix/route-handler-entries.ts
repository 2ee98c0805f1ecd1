// Every route handler (app/**/route.ts): the two API catch-alls serve the endpoint tables the matrix covers line by
// line (`via`: the file that builds their handler, when it is not the route itself); the others are public by
// nature and say why.
export type RouteHandlerEntry =
  | { serves: "automationEndpoints" | "exploreEndpoints" | "dataworldEndpoints" | "udataRoutes" | "managementEndpoints"; via?: string; alsoPublic?: string; coveredBy?: string }
  | { public: string };

export const routeHandlerMatrix: Record<string, RouteHandlerEntry> = {
  "app/api/automation/[version]/[[...path]]/route.ts": {
    serves: "automationEndpoints",
    alsoPublic: "GET openapi.json: the description of the API, no data",
  },
  "app/api/explore/[version]/[[...path]]/route.ts": { serves: "exploreEndpoints", via: "app/api/explore/_endpoints/handler.ts" },
  // its one operation's access (bearer key, owner = creator, edit/manage rights) is tried in tests/api/dataworld/access.test.ts
  "app/v0/[[...path]]/route.ts": { serves: "dataworldEndpoints", alsoPublic: "GET openapi.json: the description of the API, no data" },
  // udata's operations are not lines of this matrix (its actors speak the Automation API's shapes and header): their
  // gates — 401 without a key, 403 without the right, 404/410 out of view — are tested by the surface's own suite
  "app/api/1/[[...path]]/route.ts": {
    serves: "udataRoutes",
    alsoPublic: "GET swagger.json: the description of the API, no data",
    coveredBy: "tests/api/udata/datasets.test.ts",
  },
  // Management API v2: a translation over the same services (whose checks the lines above exercise); its own
  // denied cases (401, 403, 404, 429) are in tests/api/management-v2, not yet in this matrix line by line
  "app/api/management/[version]/[[...path]]/route.ts": {
    serves: "managementEndpoints",
    alsoPublic: "GET openapi.json: the description of the API, no data",
  },
  "app/api/auth/[...nextauth]/route.ts": { public: "next-auth: sign-in (CSRF token, throttled), session, sign-out" },
  "app/api/health/route.ts": { public: "readiness probe: ok or unavailable, nothing else" },
};

/**
 * What the production server (server/) answers itself, before Next: the same handler as the route it stands in
 * for, so the matrix's lines for that table cover it too (and the API suites run against that server).
 */
export const productionServerEntries: Record<string, { standsInFor: keyof typeof routeHandlerMatrix; calls: string }> = {
  "server/explore-fast-path.ts": { standsInFor: "app/api/explore/[version]/[[...path]]/route.ts", calls: "handleExplore(" },
  // proxy mode only: both API routes relay to the upstream, which decides (lib/http/upstream-relay.ts)
  "server/upstream-fast-path.ts": { standsInFor: "app/api/automation/[version]/[[...path]]/route.ts", calls: "relayToUpstream(" },
};
