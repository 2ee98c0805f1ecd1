import { SECURITY_HEADERS } from "./lib/http/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Automation API serves every path with and without its trailing slash; a redirect could drop the
  // Authorization header in some clients, so Next must not normalise slashes on its own.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real 403 for pages a user may not open.
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  // Native drivers and the Prisma runtime load .node/.wasm files at run time: keep them out of the bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "@prisma/adapter-pg", "pg", "@prisma/client", "better-sqlite3", "pg-boss", "pg-copy-streams"],
  // The app build checks app code only; `npm run typecheck` covers tests, e2e and benchmarks too.
  typescript: { tsconfigPath: "tsconfig.next.json" },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: SECURITY_HEADERS,
      },
    ];
  },
};

export default nextConfig;
